import fs from 'node:fs';
import type * as z from 'zod';
import { readLocalConfig } from './config.js';
import { stateFile } from './stack.js';

/**
 * What the running local stack wrote to `<dataDir>/stack.json`, checked with `schema`, for the
 * command-line tools; without a running stack it says how to start one and exits.
 */
export const runningStack = <T extends z.ZodType>(schema: T): z.infer<T> => {
  const file = stateFile(readLocalConfig().dataDir);
  if (!fs.existsSync(file)) {
    console.error('orderdesk: the local stack is not running; start it with `npm start`');
    process.exit(1);
  }
  return schema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
};

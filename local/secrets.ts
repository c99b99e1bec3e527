import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { SecretName } from '../lib/config/access.js';

/**
 * The secrets Secrets Manager holds in AWS, generated once per data dir and kept there, so links
 * in mails sent before a restart still work after it. Handed to the handlers in LOCAL_SECRETS.
 */
export const ensureLocalSecrets = (dataDir: string): Record<SecretName, string> => {
  const file = path.join(dataDir, 'secrets.json');
  const kept = fs.existsSync(file) ? z.record(z.string(), z.string()).parse(JSON.parse(fs.readFileSync(file, 'utf8'))) : {};
  const secrets = Object.fromEntries(SecretName.options.map((name) => [name, kept[name] ?? randomBytes(32).toString('hex')])) as Record<SecretName, string>;
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
};

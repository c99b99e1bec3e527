import fs from 'node:fs';
import * as z from 'zod';
import { Platform } from '../lib/domain/platform.js';
import { logIn } from '../local/cognito.js';
import { readLocalConfig } from '../local/config.js';
import { demoUsers, findDemoUser } from '../local/demo-data.js';
import { stateFile } from '../local/stack.js';

const usage = `usage: npm run token -- <demo e-mail> [azami|digimadi]\n  demo users: ${demoUsers.map((u) => u.email).join(', ')}`;

const State = z.object({ cognitoUrl: z.string(), userPool: z.object({ appClientIds: z.record(Platform, z.string()) }) });

/** Prints an ID token of a demo user, as the portal would hold it after logging in. */
const main = async () => {
  const [email, platformArg = 'azami'] = process.argv.slice(2);
  const user = email ? findDemoUser(email) : undefined;
  const platform = Platform.safeParse(platformArg);
  if (!user || !platform.success) {
    console.error(usage);
    process.exit(2);
  }
  const file = stateFile(readLocalConfig().dataDir);
  if (!fs.existsSync(file)) {
    console.error('orderdesk: the local stack is not running; start it with `npm start`');
    process.exit(1);
  }
  const state = State.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  console.log(await logIn(state.cognitoUrl, state.userPool.appClientIds[platform.data], user.email, user.password));
};

main().catch((error: unknown) => {
  console.error(`orderdesk: no token: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

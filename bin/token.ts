import * as z from 'zod';
import { Platform } from '../lib/domain/platform.js';
import { demoUsers } from '../local/demo-data.js';
import { localLogin, localUserPassword } from '../local/local-login.js';
import { runningStack } from '../local/running-stack.js';

const usage = [
  'usage: npm run token -- <e-mail of a local user> [azami|digimadi]',
  `  demo users: ${demoUsers.map((u) => u.email).join(', ')}`,
  `  anyone else in the local pool (someone invited, say) gets the local password ${localUserPassword}`,
].join('\n');

const State = z.object({
  cognitoUrl: z.string(),
  userPool: z.object({ userPoolId: z.string(), appClientIds: z.record(Platform, z.string()) }),
});

/** Prints an ID token of any local user, as the portal would hold it after logging in. */
const main = async () => {
  const [email, platformArg = 'azami'] = process.argv.slice(2);
  const platform = Platform.safeParse(platformArg);
  if (!email?.includes('@') || !platform.success) {
    console.error(usage);
    process.exit(2);
  }
  const state = runningStack(State);
  const { token, passwordSet } = await localLogin(state, email, platform.data);
  if (passwordSet) console.error(`orderdesk: ${email} now logs in locally with the password ${localUserPassword}`);
  console.log(token);
};

main().catch((error: unknown) => {
  console.error(`orderdesk: no token: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

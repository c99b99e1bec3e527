import * as z from 'zod';
import { EnvName } from '../lib/config/env.js';
import { Language } from '../lib/domain/mail/preferences.js';
import { inviteFirstAdmin } from '../lib/services/people/people.js';
import { peopleDeps } from '../lib/wiring/people-deps.js';

const usage = [
  'usage: TABLE_NAME=<table> USER_POOL_ID=<pool> AWS_REGION=<region> npm run first-admin -- <e-mail> <name> [cs|en]',
  '  invites the agency’s first admin into a deployed stage (the data stack’s outputs TableName and',
  '  UserPoolId), with the AWS credentials of whoever deploys: Cognito mails them a temporary password.',
  '  Refused once the agency has an admin: from then on, admins invite staff (POST /staff).',
].join('\n');

const Arguments = z.tuple([z.email(), z.string().trim().min(1).max(200), Language.optional()]);

const main = async () => {
  const parsed = Arguments.safeParse(process.argv.slice(2));
  if (!parsed.success || !process.env[EnvName.tableName] || !process.env[EnvName.userPoolId]) {
    console.error(usage);
    process.exit(2);
  }
  const [email, name, language] = parsed.data;
  const admin = await inviteFirstAdmin(peopleDeps, { email, name, language });
  console.log(`orderdesk: ${admin.email} is invited as the agency’s admin (user ${admin.userId}); the invitation works until ${admin.invitationExpiresAt}`);
};

main().catch((error: unknown) => {
  console.error(`orderdesk: not invited: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

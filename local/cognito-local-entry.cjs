// Starts cognito-local as its own bin does, with its user store saved atomically
// (see cognito-atomic-store.cjs): a stopped `npm start` must start again on the same data. Its
// e-mails also go through the local SES server (see cognito-mail-sender.cjs), to the address and
// from the sender local/cognito.ts passes in the environment. Its admin targets behave as AWS's do
// for people management (see cognito-admin-behaviours.cjs), on the stack's business clock, whose
// anchor file local/cognito.ts names in ORDERDESK_CLOCK_FILE (the wall clock without it).
'use strict';
const { createRequire } = require('node:module');
const { saveAtomically } = require('./cognito-atomic-store.cjs');
const { sendMailThroughSes } = require('./cognito-mail-sender.cjs');
const { addAdminBehaviours } = require('./cognito-admin-behaviours.cjs');

const fromCognitoLocal = createRequire(require.resolve('cognito-local/package.json'));
saveAtomically(fromCognitoLocal('stormdb').localFileEngine);
const { ORDERDESK_COGNITO_SES_URL: sesUrl, ORDERDESK_COGNITO_MAIL_FROM: from } = process.env;
if (!sesUrl || !from) throw new Error('ORDERDESK_COGNITO_SES_URL and ORDERDESK_COGNITO_MAIL_FROM must say where and as whom cognito-local sends mail');
sendMailThroughSes(fromCognitoLocal('./lib/services/messageDelivery/consoleMessageSender.js').ConsoleMessageSender, { sesUrl, from });
addAdminBehaviours(fromCognitoLocal, { clockFile: process.env.ORDERDESK_CLOCK_FILE });
if (!fromCognitoLocal('./lib/targets/Target.js').isSupportedTarget('AdminUserGlobalSignOut')) {
  throw new Error('cognito-local no longer serves a target added to its table: see cognito-admin-behaviours.cjs');
}
fromCognitoLocal('./lib/bin/start.js');

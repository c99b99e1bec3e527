import { readLocalConfig } from '../local/config.js';
import { demoUsers } from '../local/demo-data.js';
import { startFailureText } from '../local/local-stack-error.js';
import { startLocalStack, type LocalStackInfo } from '../local/stack.js';

const banner = (info: LocalStackInfo, seconds: string) =>
  [
    '',
    `orderdesk is running (ready in ${seconds} s). Ctrl-C stops everything.`,
    '',
    `  Portal         ${info.portalUrls.azami}   (Azami)   ${info.portalUrls.digimadi}   (Digimadi): sign in as a demo user below`,
    `  API            ${info.apiUrl}            (try ${info.apiUrl}/health)`,
    `  API reference  ${info.docsUrl}`,
    `  OpenAPI        ${info.apiUrl}/openapi.json`,
    `  Functions      ${info.lambdaUrl}            (Lambda Invoke API: POST /2015-03-31/functions/<name>/invocations)`,
    `  Workflow       ${info.workflowUrl}            (Step Functions API; business time at GET /_clock, executions at GET /_executions)`,
    `  Move time:     curl -X POST ${info.workflowUrl}/_clock/advance -d '{"seconds":86400}'   (a day; ORDERDESK_TIME_SCALE=1440 runs a day per minute)`,
    `  Mail inbox     ${info.mailUrl}            (every change's mail, a moment after it; JSON at /store)`,
    `  S3             ${info.s3Url}   bucket ${info.bucketName}`,
    `  DynamoDB       ${info.dynamodbUrl}   table ${info.tableName}`,
    `  Cognito        ${info.cognitoUrl}   pool ${info.userPool.userPoolId}`,
    `  Malware scan   ${info.scanner.description}`,
    '',
    '  Demo users (e-mail / password / role):',
    ...demoUsers.map((u) => `    ${u.email.padEnd(32)} ${u.password.padEnd(22)} ${u.role}`),
    '',
    '  A token:  npm run token -- jana.novakova@acme.example   (any local user\'s e-mail, someone invited too)',
    `  Then:     curl -H "Authorization: Bearer $(npm run -s token -- jana.novakova@acme.example)" ${info.apiUrl}/me`,
    '  A bounce: npm run mail-event -- bounce petr.svoboda@acme.example [2026-0001]   (as SES would report it)',
    '  A payment: npm run pay -- 2026-0001   (the bank\'s payment of its order, through the signed webhook)',
    `  A reply:   npm run inbound -- reply.eml   (or drop .eml files into ${info.dataDir}/inbound/; replies go to reply+…@reply.orderdesk.local)`,
    `  Webhooks:  npm run webhooks:listen -- --port 4000   (a receiver that checks signatures; subscribe it as the agency admin: portal → Webhooks, http://127.0.0.1:4000/)`,
    '',
  ].join('\n');

const main = async () => {
  const startedAt = performance.now();
  const config = readLocalConfig();
  const { info, stop } = await startLocalStack(config, (line) => console.log(`[api] ${line}`));
  console.log(banner(info, ((performance.now() - startedAt) / 1000).toFixed(1)));
  // The integration tests start this file as a child and wait for this message.
  process.send?.({ type: 'ready', info });

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\norderdesk: stopping…');
    await stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('disconnect', shutdown);
};

main().catch((error: unknown) => {
  console.error(startFailureText(error));
  process.exit(1);
});

import fs from 'node:fs';
import path from 'node:path';
import { useClock } from '../lib/adapters/clock.js';
import { tableDefinition } from '../lib/adapters/dynamodb/table-definition.js';
import { EnvName } from '../lib/config/env.js';
import { functionList } from '../lib/lambda/table.js';
import { routeList } from '../lib/http/routes.js';
import { allTaskStates } from '../lib/workflow/states.js';
import { startApiServer } from './api-server.js';
import { startLambdaServer } from './lambda-server.js';
import { startInboundFolder } from './inbound-folder.js';
import { startLocalScanner } from './scanner/local-scanner.js';
import { localFunctions, timeoutError } from './handler-module.js';
import { backfillRanks } from './backfill-ranks.js';
import { stopLeftoverChildren } from './child-process.js';
import { ensureUserPool, startCognito, type LocalUserPool } from './cognito.js';
import { portVariables, type LocalConfig } from './config.js';
import { ensureTable, startDynamoDb } from './dynamodb.js';
import { localCredentials, localRegion } from './local-aws.js';
import { localDocumentClient } from './local-table.js';
import { createJwtAuthorizer } from './jwt-authorizer.js';
import { assertJava } from './java.js';
import { assertPortFree } from './ports.js';
import { startS3 } from './s3.js';
import { seedDemoData } from './seed.js';
import { startSes } from './ses.js';
import { demoSupplier } from './supplier.js';
import { ensureLocalSecrets } from './secrets.js';
import { platforms, type Platform } from '../lib/domain/platform.js';
import { buildPortal, localPortalUrls, startPortal } from './portal.js';
import { startLocalQueues } from './queues/queues.js';
import { startLocalScheduler } from './scheduler.js';
import { startStreamPollers } from './stream-poller.js';
import { buildLocalDefinition, localStateMachineArn } from './workflow/asl.js';
import { clockFile, createBusinessClock } from './workflow/clock.js';
import { createLocalWorkflowEngine } from './workflow/engine.js';
import { startStepFunctionsServer } from './workflow/step-functions-server.js';

/** The local sender: the local SES server checks no identities. */
export const localMailFrom = 'helpdesk@orderdesk.local';

/** What a running local stack offers; also written to `<dataDir>/stack.json` for the token CLI. */
export interface LocalStackInfo {
  apiUrl: string;
  /** Lambda's Invoke API for the functions of the function table. */
  lambdaUrl: string;
  /** Step Functions' API for the request workflow (the local engine), and its business clock at `/_clock`. */
  workflowUrl: string;
  docsUrl: string;
  mailUrl: string;
  /** The portal (`ORDERDESK_PORTAL_ORIGIN`), and where each brand is served (mail links start there). */
  portalUrl: string;
  portalUrls: Record<Platform, string>;
  s3Url: string;
  dynamodbUrl: string;
  cognitoUrl: string;
  tableName: string;
  bucketName: string;
  userPool: LocalUserPool;
  /** Where the stack keeps its data and the services' logs (`logs/<service>.log`). */
  dataDir: string;
  /** The malware scanner standing in for GuardDuty: ClamAV's version, if it is installed, and what `npm start` says of it. */
  scanner: { clamav?: string; description: string };
}

export const stateFile = (dataDir: string) => path.join(dataDir, 'stack.json');

/** Runs `resume-workflows` with `{ all: true }` as its schedule would run it; a failure is logged, the stack still starts. */
const resumeWorkflows = async (runFunction: ReturnType<typeof localFunctions>, log: (line: string) => void) => {
  if (!functionList.some((entry) => entry.name === 'resume-workflows')) {
    log('workflow: the function table has no resume-workflows yet: no waiting request taken over');
    return;
  }
  try {
    const run = await runFunction('resume-workflows', { all: true });
    if (run.timedOut) log('workflow: resume-workflows timed out; the requests it did not reach wait for its next run');
    else {
      const resumed = (run.result as { resumed?: unknown[] } | undefined)?.resumed;
      log(`workflow: took over ${Array.isArray(resumed) ? resumed.length : 'the'} waiting requests`);
    }
  } catch (error) {
    log(`workflow: resume-workflows failed: ${error instanceof Error ? error.message : String(error)}`);
  }
};

/**
 * Starts DynamoDB Local, s3rver, the SES server and cognito-local, creates the table and pool
 * as the CDK app defines them, seeds the demo data and serves the route table. Whatever fails,
 * what was started is stopped again.
 */
export const startLocalStack = async (config: LocalConfig, log: (line: string) => void) => {
  const { host, ports, dataDir } = config;
  assertJava();
  const leftovers = await stopLeftoverChildren(dataDir, { dynamodb: 'DynamoDBLocal', cognito: 'cognito-local' });
  if (leftovers.length > 0) log(`stopped ${leftovers.join(' and ')} left running by an earlier start`);
  // DynamoDB Local has no bind-host flag and listens on every interface: probe it there.
  await Promise.all(
    (Object.keys(ports) as (keyof typeof ports)[]).map((service) =>
      assertPortFree(ports[service], service === 'dynamodb' ? '0.0.0.0' : host, service, portVariables[service]),
    ),
  );
  fs.mkdirSync(dataDir, { recursive: true });
  // The workflow's definition, synthesized from the construct the CDK app deploys, while the services start.
  const definitionStarted = performance.now();
  const definitionBuilt = buildLocalDefinition().then((definition) => ({ definition, ms: performance.now() - definitionStarted }));
  definitionBuilt.catch(() => undefined);
  // The portal, built by Vite meanwhile (about 2 s) and served as CloudFront serves the deployed build.
  const portalDir = path.join(dataDir, 'portal');
  const portalBuilt = buildPortal(portalDir);
  portalBuilt.catch(() => undefined);
  const portalUrls = localPortalUrls(config.portalOrigin, platforms);
  const portalOrigins = [...new Set([new URL(config.portalOrigin).origin, ...Object.values(portalUrls)])];

  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    await Promise.allSettled(stops.splice(0).reverse().map((fn) => fn()));
  };
  const started = <T extends { stop: () => Promise<unknown> }>(service: Promise<T>) =>
    service.then((s) => (stops.push(s.stop), s));

  try {
    // Business time, before anything runs: whatever the handlers stamp or compare reads it
    // (`serviceDeps.now`); it moves by ORDERDESK_TIME_SCALE and by POST /_clock/advance.
    const businessClock = createBusinessClock({ scale: config.timeScale, file: clockFile(dataDir), log });
    const restoreClock = useClock(businessClock);
    stops.push(async () => {
      businessClock.stop();
      restoreClock();
    });

    const [dynamodb, s3, ses, cognito] = await Promise.all([
      started(startDynamoDb(ports.dynamodb, dataDir, config.dynamodbHeap)),
      started(startS3(host, ports.s3, dataDir, portalOrigins)),
      started(startSes(host, ports.ses, dataDir, log)),
      // Cognito's invitations and resets go through the SES server starting beside it (ports are fixed by now).
      started(startCognito(host, ports.cognito, dataDir, `http://${host}:${ports.lambda}`, { sesUrl: `http://${host}:${ports.ses}`, from: localMailFrom })),
    ]);
    const tableName = tableDefinition.localName;
    const [, userPool] = await Promise.all([ensureTable(dynamodb.client, tableName), ensureUserPool(cognito.client, cognito.endpoint)]);

    // The handlers read what the function construct would set in Lambda, plus the SDK's own
    // endpoint variables that point each client at its local server.
    Object.assign(process.env, {
      AWS_REGION: localRegion,
      AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ENDPOINT_URL_SESV2: ses.endpoint,
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
      [EnvName.sfnEndpoint]: `http://${host}:${ports.workflow}`,
      [EnvName.workflowArn]: localStateMachineArn(),
      AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
      [EnvName.tableName]: tableName,
      [EnvName.bucketName]: s3.bucketName,
      [EnvName.userPoolId]: userPool.userPoolId,
      [EnvName.appClientIds]: JSON.stringify(userPool.appClientIds),
      [EnvName.stage]: 'local',
      // Mail: links start at the portal, each platform's at its brand's host; unsubscribe at the API.
      [EnvName.portalUrls]: JSON.stringify(portalUrls),
      [EnvName.apiUrl]: `http://${host}:${ports.api}`,
      [EnvName.mailFrom]: localMailFrom,
      [EnvName.inboundDomain]: 'reply.orderdesk.local',
      [EnvName.supplier]: JSON.stringify(demoSupplier),
      [EnvName.localSecrets]: JSON.stringify(ensureLocalSecrets(dataDir)),
      // Webhooks may go to http://127.0.0.1 here, so a receiver on this machine can be tried; in
      // AWS nothing sets it, and only https URLs to public addresses are taken.
      [EnvName.webhooksAllowLoopback]: '1',
      POWERTOOLS_SERVICE_NAME: 'orderdesk',
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
      // No X-Ray daemon here: no traces (Tracer is off outside Lambda anyway; this says so).
      POWERTOOLS_TRACE_ENABLED: 'false',
      // Metrics as in AWS, but their EMF lines would fill the terminal: not written unless asked
      // for (`POWERTOOLS_METRICS_DISABLED=false npm start`).
      POWERTOOLS_METRICS_NAMESPACE: 'orderdesk',
      POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
    });
    delete process.env.AWS_PROFILE;

    const documents = localDocumentClient(dynamodb.endpoint);
    await seedDemoData(documents, tableName, cognito.client, userPool.userPoolId, businessClock.now());
    const backfilled = await backfillRanks(documents, tableName);
    if (backfilled > 0) log(`put ${backfilled} active requests from before client ranking at the end of their queues`);

    const api = await started(
      startApiServer({
        host,
        port: ports.api,
        routes: routeList,
        portalOrigins,
        authorize: createJwtAuthorizer({
          issuer: userPool.issuer,
          audiences: Object.values(userPool.appClientIds),
          jwksUrl: userPool.jwksUrl,
        }),
        log,
      }),
    );

    const lambda = await started(startLambdaServer({ host, port: ports.lambda, functions: functionList.map((entry) => entry.name), log }));
    await started(startInboundFolder({ dataDir, target: { s3Url: s3.endpoint, bucketName: s3.bucketName, lambdaUrl: lambda.url }, log }));
    // GuardDuty's malware scan of orgs/, played by ClamAV: its verdicts go to record-scan-result as GuardDuty's would.
    const scanner = await started(
      startLocalScanner({ notifications: s3.notifications, target: { s3Url: s3.endpoint, bucketName: s3.bucketName, lambdaUrl: lambda.url }, table: { client: dynamodb.client, tableName }, log }),
    );

    // The request workflow: its definition run by the local engine, each Task state's function in
    // this process as Lambda would run it, behind Step Functions' API.
    const { definition, ms: definitionMs } = await definitionBuilt;
    const missing = [...new Set(allTaskStates.map((task) => task.function))].filter((name) => !functionList.some((entry) => entry.name === name));
    if (missing.length > 0) log(`workflow: the function table has no ${missing.join(', ')} yet: executions that reach them fail`);
    const runFunction = localFunctions();
    const engine = createLocalWorkflowEngine({ definition, clock: businessClock, runFunction, log });
    const workflow = await started(startStepFunctionsServer({ host, port: ports.workflow, engine, clock: businessClock, log }));
    // Stopped before its server: every waiting execution aborted, its task settled (no timer left).
    stops.push(() => engine.shutdown());
    log(`workflow: definition synthesized in ${definitionMs.toFixed(0)} ms; business time ${businessClock.now().toISOString()} (×${businessClock.scale})`);
    // The queue entries' queues (SQS's JSON protocol, delays on the business clock) and the
    // opted-in schedule entries, their functions run here as Lambda would run them.
    const runTriggered = async (name: string, event: unknown) => {
      const run = await runFunction(name, event);
      if (run.timedOut) throw timeoutError();
      return run.result;
    };
    const queues = await started(startLocalQueues({ host, functions: functionList, clock: businessClock, invoke: runTriggered, region: localRegion, log }));
    process.env[EnvName.queueUrls] = JSON.stringify(queues.queueUrls);
    await started(Promise.resolve(startLocalScheduler({ functions: functionList, clock: businessClock, invoke: runTriggered, log })));
    // The table-stream entries read DynamoDB Local's stream as their event source mappings would,
    // their handlers run here with the environment set above; with no such entry, nothing runs.
    await started(startStreamPollers({ endpoint: dynamodb.endpoint, tableName, functions: functionList, log }));

    await portalBuilt;
    await started(
      startPortal({
        host,
        port: ports.portal,
        dir: portalDir,
        config: {
          apiUrl: api.url,
          cognito: { endpoint: cognito.endpoint, userPoolId: userPool.userPoolId },
          brands: Object.fromEntries(platforms.map((platform) => [platform, { clientId: userPool.appClientIds[platform], hosts: [new URL(portalUrls[platform]).hostname] }])) as Record<
            Platform,
            { clientId: string; hosts: string[] }
          >,
          defaultBrand: 'azami',
        },
        connectTo: [api.url, cognito.endpoint, s3.endpoint],
      }),
    );

    const info: LocalStackInfo = {
      apiUrl: api.url,
      lambdaUrl: lambda.url,
      workflowUrl: workflow.url,
      docsUrl: `${api.url}/docs`,
      mailUrl: ses.endpoint,
      portalUrl: new URL(config.portalOrigin).origin,
      portalUrls,
      s3Url: s3.endpoint,
      dynamodbUrl: dynamodb.endpoint,
      cognitoUrl: cognito.endpoint,
      tableName,
      bucketName: s3.bucketName,
      userPool,
      dataDir,
      scanner: { ...(scanner.clamav ? { clamav: scanner.clamav.version } : {}), description: scanner.description },
    };
    fs.writeFileSync(stateFile(dataDir), JSON.stringify(info, null, 2));
    stops.push(async () => fs.rmSync(stateFile(dataDir), { force: true }));

    // Executions did not survive the last stop: a fresh one takes over every waiting request.
    await resumeWorkflows(runFunction, log);
    return { info, stop };
  } catch (error) {
    await stop();
    throw error;
  }
};

import { App, Tags } from 'aws-cdk-lib';
import { functionList } from '../lib/lambda/table.js';
import { noRoute, routeList } from '../lib/http/routes.js';
import { ApiStack } from './api-stack.js';
import { DataStack, isDataStackFunction } from './data-stack.js';
import { expectFunctionBundles } from './function-bundles.js';
import { FunctionsStack } from './functions-stack.js';
import { MonitoringStack } from './monitoring-stack.js';
import { PortalContentStack } from './portal-content-stack.js';
import { PortalStack } from './portal-stack.js';
import { stageConfig } from './stage-config.js';

/** Builds the whole app; `bin/app.ts` synthesizes it and the infra tests assert on it. */
export const buildApp = (app: App = new App()) => {
  const context = (key: string) => app.node.tryGetContext(key);
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  // The portal's hosting first: the API's CORS and the functions' mail links name the
  // distribution's domain (unless the context names the portal's addresses), so every stack after
  // it gets the settings with that domain. What the portal needs of those stacks (the API's URL,
  // the user pool) is written into its config.json by the portal-content stack, deployed after
  // them: no stack refers to one deployed later, so there is no cycle.
  const settings = stageConfig(context);
  // Every function of the app in one esbuild pass, made when the first one is bundled.
  expectFunctionBundles([...routeList, noRoute, ...functionList].map((definition) => definition.name));
  const portal = new PortalStack(app, `orderdesk-${settings.stage}-portal`, { env, config: settings });
  const config = stageConfig(context, portal.distribution.distributionDomainName);
  // The user pool's triggers live beside the pool; every other entry of the function table in the functions stack.
  const data = new DataStack(app, `orderdesk-${config.stage}-data`, { env, config, functions: functionList.filter(isDataStackFunction) });
  const resources = { table: data.table, bucket: data.bucket, userPool: data.userPool, appClientIds: data.appClientIds, alarms: data.alarms };
  const api = new ApiStack(app, `orderdesk-${config.stage}-api`, { env, config, routes: routeList, resources });
  const functions = new FunctionsStack(app, `orderdesk-${config.stage}-functions`, {
    env,
    config,
    functions: functionList.filter((definition) => !isDataStackFunction(definition)),
    // The functions that send mail link back to the API: this stack depends on the API stack.
    resources: { ...resources, apiUrl: api.api.apiEndpoint },
  });
  const portalContent = new PortalContentStack(app, `orderdesk-${config.stage}-portal-content`, {
    env,
    config,
    distribution: portal.distribution,
    apiUrl: api.api.apiEndpoint,
    userPoolId: data.userPool.userPoolId,
    appClientIds: data.appClientIds,
  });
  const monitoring = functions.workflow
    ? new MonitoringStack(app, `orderdesk-${config.stage}-monitoring`, {
        env,
        config,
        apiStage: api.stage,
        table: data.table,
        workflow: functions.workflow.stateMachine,
        alarms: data.alarms,
        stackNames: { api: api.stackName, functions: functions.stackName, data: data.stackName },
      })
    : undefined;
  Tags.of(app).add('project', 'orderdesk');
  Tags.of(app).add('stage', config.stage);
  return { app, config, portal, data, api, functions, portalContent, monitoring };
};

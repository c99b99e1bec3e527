import { ArnFormat, type Stack } from 'aws-cdk-lib';
import type { CfnUserPool, UserPool } from 'aws-cdk-lib/aws-cognito';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { FunctionDefinition } from '../../lib/lambda/definition.js';
import { logicalIdOf } from '../logical-id.js';
import { OrderdeskFunction, type OrderdeskResources } from '../orderdesk-function.js';
import type { StageConfig } from '../stage-config.js';

/**
 * The entries of the function table that the data stack makes, not the functions stack: the user
 * pool's triggers, which the pool names.
 */
export const isDataStackFunction = (definition: Pick<FunctionDefinition, 'trigger'>): boolean => definition.trigger.kind === 'cognito-custom-message';

export interface UserPoolTriggersProps {
  config: StageConfig;
  /** The function-table entries for which `isDataStackFunction` holds: at most one custom-message trigger. */
  definitions: readonly FunctionDefinition[];
  /** What the functions may be granted; its user pool is the one whose triggers they are. */
  resources: OrderdeskResources & { userPool: UserPool };
}

/**
 * The user pool's triggers (its custom-message function, if the table has one), each named in the
 * pool and allowed to be invoked by it. Made directly in `stack`, under the function's logical id
 * (`logicalIdOf`). Returns them by function-table name.
 */
export const addUserPoolTriggers = (stack: Stack, { config, definitions, resources }: UserPoolTriggersProps): Map<string, OrderdeskFunction> => {
  const { userPool } = resources;
  const names = (list: readonly FunctionDefinition[]) => list.map((definition) => definition.name).join(', ');
  const others = definitions.filter((definition) => !isDataStackFunction(definition));
  if (others.length > 0) throw new Error(`The data stack makes user pool triggers only, not ${names(others)}`);
  if (definitions.length > 1) throw new Error(`A user pool has one custom-message trigger, not ${names(definitions)}`);
  const made = new Map<string, OrderdeskFunction>();
  for (const definition of definitions) {
    const fn = new OrderdeskFunction(stack, logicalIdOf(definition.name), {
      name: definition.name,
      access: definition.access,
      resources,
      stage: config,
      functionName: config.cognitoMessageFunctionName,
      failures: 'Cognito calls it synchronously and, if it fails, sends its own default message: nothing is lost to retry',
    });
    // By ARN from the fixed name, through the L1: the function's settings name the app clients,
    // which name the pool, so a reference from the pool to the function would be a cycle.
    const arn = stack.formatArn({
      service: 'lambda',
      resource: 'function',
      resourceName: config.cognitoMessageFunctionName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    (userPool.node.defaultChild as CfnUserPool).lambdaConfig = { customMessage: arn };
    fn.addPermission('CognitoInvoke', { principal: new ServicePrincipal('cognito-idp.amazonaws.com'), sourceArn: userPool.userPoolArn });
    made.set(definition.name, fn);
  }
  return made;
};

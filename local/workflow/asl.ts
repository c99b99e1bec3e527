import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import { localRegion } from '../local-aws.js';

/** The account local ARNs name; no AWS account has it. */
export const localAccount = '000000000000';
export const localStateMachineName = 'orderdesk-local-workflow';

export const localFunctionArn = (name: string) => `arn:aws:lambda:${localRegion}:${localAccount}:function:${name}`;
export const localStateMachineArn = (name = localStateMachineName) => `arn:aws:states:${localRegion}:${localAccount}:stateMachine:${name}`;

/** The workflow as the local engine runs it: the synthesized definition, every token resolved. */
export interface LocalDefinition {
  definition: StateMachineDefinition;
  stateMachineArn: string;
  /** Each Task state → the function-table entry it invokes (by the FunctionName its Parameters name). */
  taskFunctions: Record<string, string>;
}

type Part = string | { Ref: string } | { 'Fn::GetAtt': [string, string] } | Record<string, unknown>;

/**
 * Turns a synthesized `DefinitionString` (a string, or an `Fn::Join` of strings and tokens) into
 * text: `Ref AWS::Partition` is `aws`, `Fn::GetAtt <function>.Arn` the local ARN of the function
 * of that logical id. Anything else fails, saying what it is: better at start-up than at the
 * first request.
 */
export const resolveDefinitionString = (definitionString: unknown, functionOfLogicalId: Readonly<Record<string, string>>): string => {
  if (typeof definitionString === 'string') return definitionString;
  const join = (definitionString as { 'Fn::Join'?: [string, Part[]] } | undefined)?.['Fn::Join'];
  if (!join) throw new Error(`The workflow's DefinitionString is neither text nor an Fn::Join: ${JSON.stringify(definitionString).slice(0, 200)}`);
  const [separator, parts] = join;
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      if ('Ref' in part && part.Ref === 'AWS::Partition') return 'aws';
      const getAtt = 'Fn::GetAtt' in part ? (part['Fn::GetAtt'] as [string, string]) : undefined;
      if (getAtt && getAtt[1] === 'Arn' && functionOfLogicalId[getAtt[0]]) return localFunctionArn(functionOfLogicalId[getAtt[0]]!);
      throw new Error(
        `The workflow's definition has a token the local engine cannot resolve: ${JSON.stringify(part)} (it knows Ref AWS::Partition and the Arn of the functions ${Object.values(functionOfLogicalId).join(', ')})`,
      );
    })
    .join(separator);
};

/** Parses the resolved text and maps each Task state to its function, checking nothing unresolved is left. */
export const localDefinitionOf = (text: string, functionNames: readonly string[], stateMachineArn: string): LocalDefinition => {
  if (/\$\{Token\[|"Fn::|"Ref"\s*:/.test(text)) throw new Error(`The workflow's definition still has an unresolved CDK token: ${text.match(/\$\{Token\[[^\]]*\]\}|"Fn::[A-Za-z]+"|"Ref"/)?.[0]}`);
  const definition = JSON.parse(text) as StateMachineDefinition;
  const byArn = new Map(functionNames.map((name) => [localFunctionArn(name), name]));
  const taskFunctions: Record<string, string> = {};
  for (const [stateName, state] of Object.entries(definition.States)) {
    if (state.Type !== 'Task') continue;
    const functionName = (state.Parameters as { FunctionName?: unknown } | undefined)?.FunctionName;
    const name = typeof functionName === 'string' ? byArn.get(functionName) : undefined;
    if (!name || !/^arn:aws:states:::lambda:invoke(\.waitForTaskToken)?$/.test(state.Resource)) {
      throw new Error(`The workflow's Task state ${stateName} (${state.Resource}, ${String(functionName)}) invokes no function the local engine knows (${functionNames.join(', ')})`);
    }
    taskFunctions[stateName] = name;
  }
  return { definition, stateMachineArn, taskFunctions };
};

/**
 * Builds the request workflow with the construct the CDK app uses (infra/request-workflow.ts),
 * in a stack of its own with stand-in functions named after the function-table entries (inline
 * code: nothing to bundle), and resolves its definition for the local engine. Slow to import
 * (aws-cdk-lib): about two seconds, once per start.
 */
export const buildLocalDefinition = async (stateMachineName = localStateMachineName): Promise<LocalDefinition> => {
  const [{ App, Stack }, { Code, Function, Runtime }, { RetentionDays }, { Topic }, { CfnStateMachine }, { RequestWorkflow, workflowFunctionNames }] = await Promise.all([
    import('aws-cdk-lib'),
    import('aws-cdk-lib/aws-lambda'),
    import('aws-cdk-lib/aws-logs'),
    import('aws-cdk-lib/aws-sns'),
    import('aws-cdk-lib/aws-stepfunctions'),
    import('../../infra/request-workflow.js'),
  ]);
  const stack = new Stack(new App(), 'orderdesk-local-workflow');
  const functions = Object.fromEntries(
    workflowFunctionNames.map((name) => [
      name,
      new Function(stack, `Fn-${name}`, { functionName: name, runtime: Runtime.NODEJS_24_X, handler: 'index.handler', code: Code.fromInline('export const handler = () => null;') }),
    ]),
  );
  // The alarms are AWS's business; the construct wants a topic for them all the same.
  const workflow = new RequestWorkflow(stack, 'RequestWorkflow', { stateMachineName, functions, logRetention: RetentionDays.ONE_DAY, alarms: new Topic(stack, 'Alarms') });
  const functionOfLogicalId: Record<string, string> = {};
  for (const [name, fn] of Object.entries(functions)) {
    const arn = stack.resolve(fn.functionArn) as { 'Fn::GetAtt'?: [string, string] };
    if (arn['Fn::GetAtt']) functionOfLogicalId[arn['Fn::GetAtt'][0]] = name;
  }
  const cfn = workflow.stateMachine.node.defaultChild as InstanceType<typeof CfnStateMachine>;
  const text = resolveDefinitionString(stack.resolve(cfn.definitionString), functionOfLogicalId);
  return localDefinitionOf(text, workflowFunctionNames, localStateMachineArn(stateMachineName));
};

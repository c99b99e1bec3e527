import { StateMachine } from 'aws-local-stepfunctions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLocalDefinition, localDefinitionOf, localFunctionArn, resolveDefinitionString, type LocalDefinition } from '../../../local/workflow/asl.js';
import { allTaskStates, checkpointState, doneState, routeState, startState, taskStates, waitStates } from '../../../lib/workflow/states.js';

let local: LocalDefinition;
beforeAll(async () => {
  local = await buildLocalDefinition();
}, 30_000);

describe('the local definition of the workflow', () => {
  it('has every state lib/workflow/states.ts names, and no other', () => {
    const names = [startState, routeState, doneState, ...allTaskStates.map((task) => task.state)];
    expect(Object.keys(local.definition.States).sort()).toEqual([...names].sort());
    expect(local.definition.StartAt).toBe(startState);
  });

  it('maps each Task state to the function states.ts names, by a local ARN', () => {
    expect(local.taskFunctions).toEqual(Object.fromEntries(allTaskStates.map((task) => [task.state, task.function])));
    const checkpoint = local.definition.States[checkpointState.state] as unknown as { Parameters: { FunctionName: string } };
    expect(checkpoint.Parameters.FunctionName).toBe(localFunctionArn('workflow-checkpoint'));
  });

  it('has no intrinsic or CDK token left', () => {
    const text = JSON.stringify(local.definition);
    expect(text).not.toMatch(/Fn::|"Ref"|\$\{Token|AWS::/);
    expect(text).toContain('arn:aws:states:::lambda:invoke.waitForTaskToken');
  });

  it('is a definition the local engine accepts (its ASL validator, ARNs and paths checked)', () => {
    expect(() => new StateMachine(local.definition)).not.toThrow();
  });

  it('routes each wait and task of states.ts from the Choice', () => {
    const route = local.definition.States[routeState] as { Choices: { Variable: string; StringEquals: string; Next: string }[]; Default: string };
    expect(route.Choices).toEqual([...waitStates, ...taskStates].map((state) => ({ Variable: '$.Payload.next', StringEquals: state.route, Next: state.state })));
    expect(route.Default).toBe(doneState);
  });

  it('fails on a token it cannot resolve, naming it', () => {
    const known = { FnA: 'workflow-checkpoint' };
    expect(resolveDefinitionString({ 'Fn::Join': ['', ['a', { Ref: 'AWS::Partition' }, 'b', { 'Fn::GetAtt': ['FnA', 'Arn'] }]] }, known)).toBe(`aawsb${localFunctionArn('workflow-checkpoint')}`);
    expect(() => resolveDefinitionString({ 'Fn::Join': ['', ['a', { Ref: 'AWS::Region' }]] }, known)).toThrow(/cannot resolve: \{"Ref":"AWS::Region"\}/);
    expect(() => resolveDefinitionString({ 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Other', 'Arn'] }]] }, known)).toThrow(/cannot resolve.*Other/);
    expect(() => resolveDefinitionString({ 'Fn::Sub': 'x' }, known)).toThrow(/neither text nor an Fn::Join/);
  });

  it('fails on a Task whose function it does not know', () => {
    const text = JSON.stringify({
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: localFunctionArn('mystery'), Payload: {} }, End: true } },
    });
    expect(() => localDefinitionOf(text, ['workflow-checkpoint'], 'arn')).toThrow(/Task state T .* invokes no function the local engine knows/);
    expect(() => localDefinitionOf('{"x":"${Token[TOKEN.12]}"}', [], 'arn')).toThrow(/unresolved CDK token/);
  });
});

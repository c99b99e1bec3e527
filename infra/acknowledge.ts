import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges one cdk-nag finding on the one construct it concerns, with the reason a reviewer
 * reads (cdk-nag v3 through CDK's validations: the construct and what it contains). Never on a
 * stack or the app: a blanket acknowledgement would hide the next finding of the same rule.
 */
export const acknowledge = (construct: IConstruct, id: string, reason: string): void => {
  Validations.of(construct).acknowledge({ id, reason });
};

type Cfn = string | { 'Fn::Join'?: [string, Cfn[]]; 'Fn::GetAtt'?: [string, string]; 'Fn::ImportValue'?: Cfn; Ref?: string } | undefined;

/**
 * How cdk-nag writes a resource in a finding's id (`AwsSolutions-IAM5[Resource::…]`): the value as
 * CloudFormation sees it, with `<AWS::Region>` for a Ref and `<Logical.Arn>` for a GetAtt. Only
 * values known when the construct is made (not a reference into another stack, whose export
 * name CDK picks later).
 */
export const nagResource = (scope: IConstruct, value: string): string => {
  const flat = (node: Cfn): string => {
    if (node === undefined) return '';
    if (typeof node === 'string') return node;
    if (node['Fn::Join']) return node['Fn::Join'][1].map(flat).join(node['Fn::Join'][0]);
    if (node['Fn::GetAtt']) return `<${node['Fn::GetAtt'][0]}.${node['Fn::GetAtt'][1]}>`;
    if (node['Fn::ImportValue']) return flat(node['Fn::ImportValue']);
    if (node.Ref) return `<${node.Ref}>`;
    return JSON.stringify(node);
  };
  return flat(Stack.of(scope).resolve(value) as Cfn);
};

/** The id of an IAM5 (wildcard) finding on `resource`. */
export const wildcardFinding = (scope: IConstruct, resource: string): string => `AwsSolutions-IAM5[Resource::${nagResource(scope, resource)}]`;

import { NestedStack, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

type Json = unknown;
interface CfnTemplate {
  Parameters?: Record<string, Json>;
  Resources: Record<string, { Type: string; Properties?: Record<string, Json> }>;
  [section: string]: Json;
}

/** The nested stacks `stack` makes itself (not theirs). */
export const nestedStacksOf = (stack: Stack): NestedStack[] =>
  stack.node.findAll().filter((construct): construct is NestedStack => NestedStack.isNestedStack(construct) && construct.nestedStackParent === stack);

/** `value` with each `{ Ref: <parameter> }` of `passed` replaced by what the parent passes in. */
const substitute = (value: Json, passed: Record<string, Json>): Json => {
  if (Array.isArray(value)) return value.map((item) => substitute(item, passed));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0]![0] === 'Ref' && typeof entries[0]![1] === 'string' && entries[0]![1] in passed) return passed[entries[0]![1]];
  return Object.fromEntries(entries.map(([key, item]) => [key, substitute(item, passed)]));
};

/**
 * The API as if it were one stack: the parent's resources and every nested stack's (each route
 * group's), each nested stack's parameters replaced by the values the parent passes in its
 * AWS::CloudFormation::Stack resource (which is left out, as is each nested CDKMetadata), so a
 * route's `{ Ref: <parameter> }` reads `{ Ref: Api… }` or `{ 'Fn::GetAtt': [Api…, ApiEndpoint] }`
 * as it would in one template. Throws if two stacks name a resource alike or a parameter is not passed.
 */
export const apiTemplate = (stack: Stack): Template => {
  const parent = Template.fromStack(stack).toJSON() as CfnTemplate;
  const resources = { ...parent.Resources };
  for (const nested of nestedStacksOf(stack)) {
    const resourceId = stack.getLogicalId(nested.nestedStackResource!);
    const passed = (parent.Resources[resourceId]?.Properties?.Parameters ?? {}) as Record<string, Json>;
    delete resources[resourceId];
    const template = Template.fromStack(nested).toJSON() as CfnTemplate;
    const missing = Object.keys(template.Parameters ?? {}).filter((name) => !(name in passed));
    if (missing.length > 0) throw new Error(`${nested.node.path} gets no value for its parameters ${missing.join(', ')}`);
    for (const [id, resource] of Object.entries(template.Resources)) {
      if (resource.Type === 'AWS::CDK::Metadata') continue;
      if (id in resources) throw new Error(`${nested.node.path} and another stack of ${stack.node.path} both have a resource ${id}`);
      resources[id] = substitute(resource, passed) as CfnTemplate['Resources'][string];
    }
  }
  return Template.fromJSON({ ...parent, Resources: resources });
};

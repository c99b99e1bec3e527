import { CfnResource, Stack } from 'aws-cdk-lib';

/**
 * The most resources a stack of this app may make. CloudFormation refuses a template of more than
 * 500 only when it is deployed; the synth stops here, with room for what CDK adds at synthesis.
 */
export const stackResourceLimit = 450;

/** The CloudFormation resources `stack` itself makes (not those of its nested stacks, each a resource of it). */
export const resourceCountOf = (stack: Stack): number =>
  stack.node.findAll().filter((construct) => CfnResource.isCfnResource(construct) && Stack.of(construct) === stack).length;

/**
 * Fails the synth when `stack` makes more than `stackResourceLimit` resources, saying how many and
 * `whatToDo` about it, rather than CloudFormation refusing the deploy.
 */
export const limitResources = (stack: Stack, whatToDo: string): void => {
  stack.node.addValidation({
    validate: () => {
      const count = resourceCountOf(stack);
      return count > stackResourceLimit
        ? [`${stack.node.path} makes ${count} resources, more than ${stackResourceLimit} (CloudFormation refuses a stack of more than 500): ${whatToDo}`]
        : [];
    },
  });
};

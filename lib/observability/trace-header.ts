/**
 * The X-Ray trace header (`X-Amzn-Trace-Id`), as Lambda hands each invocation its own
 * (`Root=1-5759e988-bd862e3fe1be46a994272793;Parent=557abcec3ee5a047;Sampled=1`, perhaps with
 * `Lineage=…` and other fields): the trace, the segment Lambda made for the invocation (its
 * parent for us) and whether X-Ray keeps this trace.
 */
export interface TraceHeader {
  root: string;
  parent: string;
  sampled: boolean;
}

const rootPattern = /^1-[0-9a-f]{8}-[0-9a-f]{24}$/;
const idPattern = /^[0-9a-f]{16}$/;

/** The header's trace, or undefined for a header without a valid root and parent. */
export const parseTraceHeader = (header: string | undefined): TraceHeader | undefined => {
  if (!header) return undefined;
  const fields = new Map(header.split(';').map((field) => [field.slice(0, field.indexOf('=')).trim(), field.slice(field.indexOf('=') + 1).trim()]));
  const root = fields.get('Root');
  const parent = fields.get('Parent');
  if (!root || !rootPattern.test(root) || !parent || !idPattern.test(parent)) return undefined;
  return { root, parent, sampled: fields.get('Sampled') === '1' };
};

/**
 * The header an outgoing AWS call carries: the trace, the call's own subsegment as the parent of
 * whatever the service records (a Step Functions execution, an SQS message's `AWSTraceHeader`).
 * Lambda's `Lineage` is not passed on: webhook-deliver queues its own retries to the queue it
 * reads, and Lambda's recursive-loop detection would stop that chain after 16 rounds.
 */
export const formatTraceHeader = (root: string, parent: string): string => `Root=${root};Parent=${parent};Sampled=1`;

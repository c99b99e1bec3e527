import type { FunctionDefinition } from '../../lib/lambda/definition.js';
import type { TableStreamTrigger } from '../../lib/lambda/stream-filter.js';

/** A function-table entry with a table-stream trigger: one event source mapping. */
export interface StreamFunction {
  name: string;
  trigger: TableStreamTrigger;
}

/** The function table's table-stream entries, the only ones polled for. */
export const streamFunctions = (functions: readonly Pick<FunctionDefinition, 'name' | 'trigger'>[]): StreamFunction[] =>
  functions.flatMap((entry) => (entry.trigger.kind === 'table-stream' ? [{ name: entry.name, trigger: entry.trigger }] : []));

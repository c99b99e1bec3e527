import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { SystemActorName } from '../../../lib/domain/actor.js';
import { ConflictError } from '../../../lib/domain/errors.js';
import { createFunctionHandler } from '../../../lib/functions/create-function-handler.js';
import { defineFunction } from '../../../lib/functions/definition.js';
import { functionList } from '../../../lib/functions/table.js';
import { lambdaContext } from '../../support/lambda.js';

const entry = defineFunction({
  name: 'echo-step',
  summary: 'echo',
  trigger: { kind: 'workflow-task' },
  actor: 'timer',
  schemas: { input: z.strictObject({ requestId: z.string().regex(/^\d{4}-\d{4}$/), times: z.number().int().positive() }), output: z.object({ said: z.string() }) },
  access: {},
});

const handler = createFunctionHandler(entry)(async ({ event, caller }) => {
  if (event.times > 9) throw new ConflictError('Too many times', 'Ask fewer');
  return { said: `${caller.system}:${event.requestId.repeat(event.times)}` };
});

describe('a function of the function table', () => {
  it('gets its event as validated and acts as the system part its entry names', async () => {
    expect(await handler({ requestId: '2026-0001', times: 2 }, lambdaContext())).toEqual({ said: 'timer:2026-00012026-0001' });
  });

  it('fails a malformed event as a ValidationError naming each field, before the implementation runs', async () => {
    const error = await handler({ requestId: 'x', times: 0, extra: 1 }, lambdaContext()).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ValidationError', problems: expect.arrayContaining([expect.objectContaining({ field: 'event.requestId' }), expect.objectContaining({ field: 'event.times' })]) });
    expect((error as Error).message).toMatch(/extra/);
  });

  it('rethrows a refusal by its name, for the workflow to catch', async () => {
    await expect(handler({ requestId: '2026-0001', times: 10 }, lambdaContext())).rejects.toMatchObject({ name: 'ConflictError', next: 'Ask fewer' });
  });
});

describe('the function table', () => {
  it('names its entries in kebab-case, each once, each acting as a part of the system', () => {
    for (const definition of functionList) {
      expect(definition.name).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(SystemActorName.options).toContain(definition.actor);
    }
    expect(new Set(functionList.map((definition) => definition.name)).size).toBe(functionList.length);
  });
});

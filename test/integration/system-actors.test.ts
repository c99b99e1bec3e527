import { describe, expect, it } from 'vitest';
import { functions } from '../../lib/lambda/table.js';
import { routes } from '../../lib/http/routes.js';
import { asDemoUser, newInquiry, ok, people } from '../support/api-client.js';
import { invoke, invokeRaw } from '../support/invoke.js';

/** An inquiry the agency answered, so the workflow may close it. */
const answeredInquiry = async (title: string) => {
  const jana = await asDemoUser(people.clientAdmin);
  const eva = await asDemoUser(people.agent);
  const { requestId } = ok(await jana.send(routes.createRequest, { body: newInquiry(title) }));
  const answered = ok(await eva.send(routes.takeAction, { path: { requestId }, body: { action: 'explain', note: 'Tak to funguje.' } }));
  return { jana, requestId, version: answered.version };
};

describe('the workflow as an actor', () => {
  it('takes a lifecycle step on the version it decided on, recorded on the timeline as the workflow', async () => {
    const { jana, requestId, version } = await answeredInquiry('Closed by the workflow');
    const step = await invoke(functions.takeWorkflowStep, { requestId, action: 'close', version, note: 'No reply for 14 days' });
    expect(step).toEqual({ status: 200, result: { requestId, status: 'closed', version: version + 1 } });
    expect(ok(await jana.send(routes.getRequest, { path: { requestId } }))).toMatchObject({ status: 'closed', version: version + 1, allowedActions: [] });
    const entries = ok(await jana.send(routes.listTimeline, { path: { requestId } })).items;
    expect(entries.at(-1)).toMatchObject({
      kind: 'status_changed',
      actorType: 'system',
      actorId: 'workflow',
      actorRole: 'system',
      actorName: 'orderdesk workflow',
      body: 'No reply for 14 days',
      details: { action: 'close', from: 'answered', to: 'closed' },
    });
    // People's entries say they were people's.
    expect(entries[0]).toMatchObject({ kind: 'request_created', actorType: 'person', actorId: jana.userId });
  });

  it('refuses a step decided on an older version, one the workflow may not take and one on no request, writing nothing', async () => {
    const { jana, requestId, version } = await answeredInquiry('Not the workflow’s to take');
    expect(await invoke(functions.takeWorkflowStep, { requestId, action: 'close', version: version - 1 })).toMatchObject({
      error: { errorType: 'ConflictError', errorMessage: expect.stringMatching(/version/) },
    });
    // Cancelling is a person's decision, never the system's.
    expect(await invoke(functions.takeWorkflowStep, { requestId, action: 'cancel' })).toMatchObject({ error: { errorType: 'ForbiddenError' } });
    // Reopening is the client's.
    expect(await invoke(functions.takeWorkflowStep, { requestId, action: 'reopen' })).toMatchObject({ error: { errorType: 'ForbiddenError' } });
    expect(await invoke(functions.takeWorkflowStep, { requestId: '1999-0042', action: 'close' })).toMatchObject({ error: { errorType: 'NotFoundError' } });
    expect(ok(await jana.send(routes.getRequest, { path: { requestId } }))).toMatchObject({ status: 'answered', version });
  });

  it('refuses a malformed event with the field and reason, as the workflow’s catchers see it', async () => {
    const answer = await invokeRaw(functions.takeWorkflowStep.name, { requestId: 'R-1', action: 'close', extra: true });
    expect(answer).toMatchObject({ status: 200, functionError: 'Unhandled', body: { errorType: 'ValidationError' } });
    const message = (answer.body as { errorMessage: string }).errorMessage;
    expect(message).toMatch(/event\.requestId: must be a request number/);
    expect(message).toMatch(/extra/);
  });
});

describe('the local Lambda Invoke API', () => {
  it('answers like Lambda for a function that is no entry of the function table', async () => {
    const answer = await invokeRaw('create-request', {});
    expect(answer).toMatchObject({ status: 404, errorType: 'ResourceNotFoundException' });
  });
});

import { placesOf } from '../../domain/request-changes.js';
import { Request, searchText } from '../../domain/request.js';
import { allRequestsKey, clientQueueKey, orgRequestsKey, requestKey, workQueueKey } from './keys.js';
import type { RawItem } from './stored-items.js';
import { updateExpression } from './update-expression.js';

/** A request as stored: its attributes, its index keys (the lists it is in, as the domain says) and its folded title. */
export const requestItem = (request: Request): RawItem => {
  const places = placesOf(request);
  return {
    ...requestKey(request.requestId),
    entity: 'request',
    ...orgRequestsKey(request.orgId, request.createdAt, request.requestId),
    ...allRequestsKey(request.createdAt, request.requestId),
    ...(places.clientQueue !== undefined ? clientQueueKey(request.orgId, request.requestId, places.clientQueue) : {}),
    ...(places.readyWork !== undefined ? workQueueKey(request.requestId, places.readyWork) : {}),
    titleSearch: searchText(request.title),
    ...request,
  };
};

export const parseRequest = (item: RawItem): Request => Request.parse(item);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The update that turns the stored `before` into `after`: SET what differs, REMOVE what is gone
 * (index keys included, so the request enters and leaves lists with its attributes), nothing
 * else, so a concurrent rank move is never overwritten. Conditional on the version read.
 */
export const requestUpdate = (before: Request, after: Request) => {
  const was = requestItem(before);
  const next = requestItem(after);
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  const attributes = [...new Set([...Object.keys(was), ...Object.keys(next)])].filter((name) => name !== 'pk' && name !== 'sk');
  for (const name of attributes) {
    if (same(was[name], next[name])) continue;
    if (next[name] === undefined) remove.push(name);
    else set[name] = next[name];
  }
  const update = updateExpression(set, remove);
  const names: Record<string, string> = { ...update.ExpressionAttributeNames, '#version': 'version' };
  const values: Record<string, unknown> = { ...update.ExpressionAttributeValues, ':read': before.version };
  return {
    Key: requestKey(before.requestId),
    UpdateExpression: update.UpdateExpression,
    ConditionExpression: '#version = :read',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
};

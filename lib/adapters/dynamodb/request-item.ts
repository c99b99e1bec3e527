import { placesOf } from '../../domain/request-changes.js';
import { Request, searchText } from '../../domain/request.js';
import { allRequestsKey, clientQueueKey, orgRequestsKey, requestKey, workQueueKey } from './keys.js';
import type { RawItem } from './stored-items.js';

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
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':read': before.version };
  const set: string[] = [];
  const remove: string[] = [];
  const attributes = [...new Set([...Object.keys(was), ...Object.keys(next)])].filter((name) => name !== 'pk' && name !== 'sk');
  attributes.forEach((name, i) => {
    if (same(was[name], next[name])) return;
    names[`#a${i}`] = name;
    if (next[name] === undefined) remove.push(`#a${i}`);
    else {
      set.push(`#a${i} = :a${i}`);
      values[`:a${i}`] = next[name];
    }
  });
  return {
    Key: requestKey(before.requestId),
    UpdateExpression: [set.length ? `SET ${set.join(', ')}` : '', remove.length ? `REMOVE ${remove.join(', ')}` : ''].filter(Boolean).join(' '),
    ConditionExpression: '#version = :read',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
};

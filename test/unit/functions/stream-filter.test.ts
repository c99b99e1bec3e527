import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { matchesStreamFilter, streamFilterPattern, type TableStreamTrigger } from '../../../lib/lambda/stream-filter.js';

/**
 * Lambda's event filtering, as far as these patterns use it, evaluated on the JSON the event
 * source mapping is given: every key of the pattern must be in the record; an object recurses;
 * an array is "one of" these values (a record value that is itself an array matches if any of its
 * elements does). A key the pattern names that the record lacks does not match.
 */
const awsPatternMatches = (pattern: unknown, value: unknown): boolean => {
  if (Array.isArray(pattern)) {
    const candidates = Array.isArray(value) ? value : [value];
    return candidates.some((candidate) => candidate !== undefined && candidate !== null && typeof candidate !== 'object' && pattern.includes(candidate));
  }
  if (typeof pattern === 'object' && pattern !== null) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    return Object.entries(pattern).every(([key, inner]) => key in value && awsPatternMatches(inner, (value as Record<string, unknown>)[key]));
  }
  throw new Error(`not a filter pattern: ${JSON.stringify(pattern)}`);
};

const events = ['INSERT', 'MODIFY', 'REMOVE'] as const;
const entities: (AttributeValue | undefined)[] = [{ S: 'timeline' }, { S: 'request' }, undefined, { N: '1' }, { S: 'timeline-entry' }];

const image = (entity: AttributeValue | undefined): Record<string, AttributeValue> => ({
  pk: { S: 'REQ#2026-0042' },
  sk: { S: 'TL#0001' },
  ...(entity ? { entity } : {}),
});

/** A record as Lambda hands it over: a REMOVE has only the old image, an INSERT only the new one. */
const record = (eventName: (typeof events)[number], entity: AttributeValue | undefined): DynamoDBRecord => ({
  eventID: '1',
  eventName,
  eventVersion: '1.1',
  eventSource: 'aws:dynamodb',
  awsRegion: 'eu-central-1',
  eventSourceARN: 'arn:aws:dynamodb:eu-central-1:0:table/orderdesk/stream/2026-01-01T00:00:00.000',
  dynamodb: {
    ApproximateCreationDateTime: 1767225600,
    Keys: { pk: image(undefined).pk!, sk: image(undefined).sk! },
    ...(eventName === 'REMOVE' ? {} : { NewImage: image(entity) }),
    ...(eventName === 'INSERT' ? {} : { OldImage: image(entity) }),
    SequenceNumber: '100',
    SizeBytes: 42,
    StreamViewType: 'NEW_AND_OLD_IMAGES',
  },
});

const records = events.flatMap((eventName) => entities.map((entity) => ({ eventName, entity, record: record(eventName, entity) })));

const triggers: TableStreamTrigger[] = [
  { kind: 'table-stream', entities: ['timeline'], events: ['INSERT'], batchSize: 25 },
  { kind: 'table-stream', entities: ['timeline'], batchSize: 10 },
  { kind: 'table-stream', entities: ['timeline', 'request'], events: ['INSERT', 'MODIFY'], batchSize: 1 },
  { kind: 'table-stream', entities: ['request'], events: ['REMOVE'], batchSize: 5 },
  { kind: 'table-stream', entities: ['timeline'], events: ['MODIFY', 'REMOVE'], batchSize: 5 },
];

describe('the table-stream filter', () => {
  it('is the pattern the event source mapping is given, key for key', () => {
    expect(JSON.stringify(streamFilterPattern(triggers[0]!))).toBe(
      JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['timeline'] } } } }),
    );
    // Without events, any kind of change of the entities.
    expect(streamFilterPattern(triggers[1]!)).toEqual({ dynamodb: { NewImage: { entity: { S: ['timeline'] } } } });
  });

  describe.each(triggers.map((trigger) => [JSON.stringify(streamFilterPattern(trigger)), trigger] as const))('%s', (_name, trigger) => {
    // What AWS is given is the pattern's JSON text.
    const pattern: unknown = JSON.parse(JSON.stringify(streamFilterPattern(trigger)));

    it.each(records.map((r) => [r.eventName, r.entity ? JSON.stringify(r.entity) : 'no entity', r.record] as const))(
      'matches %s of %s as the pattern does',
      (_event, _entity, streamRecord) => {
        expect(matchesStreamFilter(trigger, streamRecord)).toBe(awsPatternMatches(pattern, streamRecord));
      },
    );
  });

  it('lets through exactly the inserted timeline entries for an INSERT-only timeline trigger', () => {
    const passed = records.filter((r) => matchesStreamFilter(triggers[0]!, r.record)).map((r) => [r.eventName, r.entity]);
    expect(passed).toEqual([['INSERT', { S: 'timeline' }]]);
  });

  it('never lets a REMOVE through: it has no new image to carry the entity', () => {
    for (const trigger of triggers) {
      expect(records.filter((r) => r.eventName === 'REMOVE').some((r) => matchesStreamFilter(trigger, r.record))).toBe(false);
    }
  });

  it('lets nothing through for a record without a stream body', () => {
    expect(matchesStreamFilter(triggers[1]!, { eventName: 'INSERT' })).toBe(false);
    expect(awsPatternMatches(streamFilterPattern(triggers[1]!), { eventName: 'INSERT' })).toBe(false);
  });
});

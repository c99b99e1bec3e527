import { describe, expect, it } from 'vitest';
import {
  attachmentItemKey,
  offerKey,
  orderKey,
  participantKey,
  paymentKey,
  reminderKey,
  requestKey,
  threadKey,
  timelineKey,
  timelinePrefix,
  workflowKey,
} from '../../../lib/adapters/dynamodb/keys.js';

describe('a request’s item collection', () => {
  it('has nothing between the request item and its timeline, so a first page is one Query from the request item on', () => {
    const id = '2026-0042';
    const request = requestKey(id).sk;
    const others = [
      attachmentItemKey(id, 'a'),
      participantKey(id, 'u'),
      offerKey(id, 1),
      orderKey(id),
      paymentKey(id, 'p'),
      workflowKey(id),
      reminderKey(id, 'offer-1'),
      threadKey(id, '3f2504e0-4f89-11d3-9a0c-0305e82c3301'),
    ];
    for (const { pk, sk } of others) {
      expect(pk).toBe(requestKey(id).pk);
      expect(sk > request && sk < timelinePrefix, sk).toBe(false);
    }
    expect(timelineKey(id, '2026-11-25T10:00:00.000Z', 'e').sk > request).toBe(true);
  });
});

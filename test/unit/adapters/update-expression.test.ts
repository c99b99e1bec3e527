import { describe, expect, it } from 'vitest';
import { updateExpression } from '../../../lib/adapters/dynamodb/update-expression.js';

describe('updateExpression', () => {
  it('sets and removes whole attributes through placeholders, reserved words included', () => {
    expect(updateExpression({ state: 'sent', error: undefined }, ['parkedAt', 'gsi1pk'])).toEqual({
      UpdateExpression: 'SET #s0 = :s0, #s1 = :s1 REMOVE #r0, #r1',
      ExpressionAttributeNames: { '#s0': 'state', '#s1': 'error', '#r0': 'parkedAt', '#r1': 'gsi1pk' },
      ExpressionAttributeValues: { ':s0': 'sent', ':s1': undefined },
    });
  });

  it('leaves out an empty clause', () => {
    expect(updateExpression({ language: 'en' }).UpdateExpression).toBe('SET #s0 = :s0');
    expect(updateExpression({}, ['expiresAt']).UpdateExpression).toBe('REMOVE #r0');
  });
});

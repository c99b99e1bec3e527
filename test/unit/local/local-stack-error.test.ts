import { describe, expect, it } from 'vitest';
import { LocalStackError, startFailureText } from '../../../local/local-stack-error.js';

describe('what npm start prints when the stack cannot start', () => {
  it('is one line for a problem the user can fix', () => {
    expect(startFailureText(new LocalStackError('port 3000 (api) is in use'))).toBe('orderdesk: port 3000 (api) is in use');
  });

  it('shows the details and every cause below that line', () => {
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:8000', { cause: new Error('socket hang up') });
    const text = startFailureText(new LocalStackError('DynamoDB Local did not become ready in 30 s', { cause, details: 'a\nb' }));
    expect(text.split('\n')).toEqual([
      'orderdesk: DynamoDB Local did not become ready in 30 s',
      '  | a',
      '  | b',
      '  cause: Error: connect ECONNREFUSED 127.0.0.1:8000',
      '  cause: Error: socket hang up',
    ]);
  });

  it('shows anything unexpected whole, with its stack', () => {
    const text = startFailureText(new TypeError('x is undefined'));
    expect(text).toMatch(/^orderdesk: the local stack failed to start: TypeError: x is undefined\n\s+at /);
  });
});

import { describe, expect, it } from 'vitest';
import { nameMatches } from '../../../portal/src/agency/pages/name-filter.js';
import { parkedReasonOf } from '../../../portal/src/agency/pages/parked-reason.js';

describe('the agency’s operations pages: their pure rules', () => {
  it('finds a name by any part of it, case and accents aside; nothing typed finds every name', () => {
    expect(nameMatches('Žluťoučký kůň s.r.o.', 'zlutou')).toBe(true);
    expect(nameMatches('Eva Agentová', 'AGENTOVA')).toBe(true);
    expect(nameMatches('Eva Agentová', '  ')).toBe(true);
    expect(nameMatches('Eva Agentová', 'Tomáš')).toBe(false);
  });

  it('reads why a mail was parked from SES’s last error as the local and the real SES word it', () => {
    expect(parkedReasonOf('MailRejectedError: SES refused the mail: Email address is not verified.')).toBe('rejected');
    expect(parkedReasonOf('MessageRejected: Email address is not verified.')).toBe('rejected');
    expect(parkedReasonOf('ServiceUnavailable: Service unavailable (a fault injected by the local stack).')).toBe('unavailable');
    expect(parkedReasonOf('TooManyRequestsException: Maximum sending rate exceeded.')).toBe('unavailable');
    expect(parkedReasonOf('TypeError: Cannot read properties of undefined')).toBe('other');
    expect(parkedReasonOf(undefined)).toBe('other');
  });
});

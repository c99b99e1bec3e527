import { describe, expect, it } from 'vitest';
import { isValidIban, isValidIco } from '../../../../lib/domain/orders/billing.js';
import { requestIdOfVariableSymbol, variableSymbolOf } from '../../../../lib/domain/orders/order.js';
import { addCalendarDays, pragueDate, pragueTime } from '../../../../lib/domain/time.js';

describe('an order’s numbers', () => {
  it('makes a 10-digit variable symbol of the request number and reads it back', () => {
    expect(variableSymbolOf('2026-0042')).toBe('2026000042');
    expect(variableSymbolOf('2026-123456')).toBe('2026123456');
    expect(requestIdOfVariableSymbol('2026000042')).toBe('2026-0042');
    expect(requestIdOfVariableSymbol('2026123456')).toBe('2026-123456');
    expect(requestIdOfVariableSymbol('42')).toBeUndefined();
  });
});

describe('billing details', () => {
  it('checks an IČO’s check digit', () => {
    expect(isValidIco('27074358')).toBe(true);
    expect(isValidIco('27074359')).toBe(false);
    expect(isValidIco('2707435')).toBe(false);
  });

  it('checks an IBAN’s mod-97 check', () => {
    expect(isValidIban('CZ6508000000192000145399')).toBe(true);
    expect(isValidIban('CZ6508000000192000145398')).toBe(false);
    expect(isValidIban('CZ65 0800 0000 1920 0014 5399')).toBe(false);
  });
});

describe('Prague calendar time', () => {
  it('finds 23:59:59 Prague on both sides of the daylight-saving changes', () => {
    expect(pragueTime('2026-03-28', '23:59:59').toISOString()).toBe('2026-03-28T22:59:59.000Z');
    expect(pragueTime('2026-03-29', '23:59:59').toISOString()).toBe('2026-03-29T21:59:59.000Z');
    expect(pragueTime('2026-10-25', '23:59:59').toISOString()).toBe('2026-10-25T22:59:59.000Z');
  });

  it('counts calendar days and reads the Prague date of an instant', () => {
    expect(addCalendarDays('2026-03-27', 7)).toBe('2026-04-03');
    expect(addCalendarDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(pragueDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});

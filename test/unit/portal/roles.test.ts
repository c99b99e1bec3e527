import { describe, expect, it } from 'vitest';
import { isAgencyRole, Role } from '../../../lib/domain/roles.js';
import { isAgency } from '../../../portal/src/roles.js';

describe('the portal’s split of roles', () => {
  it('gives the agency’s workspace to exactly the roles the API treats as agency staff', () => {
    for (const role of Role.options) expect(isAgency({ role }), role).toBe(isAgencyRole(role));
  });

  it('gives nobody the agency’s workspace before it knows who they are', () => {
    expect(isAgency(undefined)).toBe(false);
  });
});

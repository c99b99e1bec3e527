import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiTypes, apiTypesPath } from '../../../bin/api-types.js';

describe("the portal's API types", () => {
  it('are what the route table makes of them now (run `npm run api-types` after changing a route)', async () => {
    expect(fs.readFileSync(apiTypesPath, 'utf8')).toBe(await apiTypes());
  });
});

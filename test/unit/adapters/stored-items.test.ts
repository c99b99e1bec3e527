import { describe, expect, it, vi } from 'vitest';
import { readListed } from '../../../lib/adapters/dynamodb/stored-items.js';
import { Request } from '../../../lib/domain/request.js';
import { logger } from '../../../lib/observability/logger.js';

describe('a list reader meeting an item that does not parse', () => {
  it('leaves it out and logs it as an error with its key, so nothing is dropped silently', () => {
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const read = readListed((item) => Request.parse(item));
    expect(read({ pk: 'REQ#2026-0001', sk: 'REQ', entity: 'request', status: 'lost' })).toBeUndefined();
    expect(logged).toHaveBeenCalledWith('unreadable item left out of a list', expect.objectContaining({ pk: 'REQ#2026-0001', sk: 'REQ', entity: 'request' }));
    logged.mockRestore();
  });
});

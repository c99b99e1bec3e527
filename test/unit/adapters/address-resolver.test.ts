import { describe, expect, it } from 'vitest';
import { dnsAddressResolver } from '../../../lib/adapters/net/address-resolver.js';

const resolver = dnsAddressResolver();

describe('the address resolver', () => {
  it('resolves a name the way a connection would: localhost is loopback', async () => {
    const addresses = await resolver.resolve('localhost');
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.every((address) => address === '::1' || address.startsWith('127.'))).toBe(true);
  });

  it('answers an IP literal with itself, IPv6 in brackets too', async () => {
    await expect(resolver.resolve('203.0.114.7')).resolves.toEqual(['203.0.114.7']);
    await expect(resolver.resolve('[2a00:1450::1]')).resolves.toEqual(['2a00:1450::1']);
  });

  it('answers no address for a name that does not exist', async () => {
    // `.invalid` never resolves (RFC 2606).
    await expect(resolver.resolve('no-such-host.invalid')).resolves.toEqual([]);
  });
});

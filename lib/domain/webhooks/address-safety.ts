import { BlockList, isIP } from 'node:net';

/**
 * Where webhooks may not go: addresses inside the agency's own network or the machine itself
 * (SSRF). Checked when a subscription is made and again on every delivery, on the addresses the
 * host name resolved to at that moment (the connection then goes to the address checked).
 */
const forbidden = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, the instance metadata service among them
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  forbidden.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  // IPv4-mapped (::ffff:0:0/96) is not listed: Node's BlockList checks every IPv4 address against
  // IPv6 rules as mapped, so listing it would refuse all of IPv4. Mapped addresses are checked as
  // the IPv4 address they are (`mappedIpv4`).
  ['64:ff9b::', 96], // NAT64
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  forbidden.addSubnet(network, prefix, 'ipv6');
}

/**
 * An IPv4 address mapped into IPv6, as the IPv4 address it is, however it is written
 * (`::ffff:10.0.0.1`, `::ffff:a00:1`, `0:0:0:0:0:ffff:a00:1`).
 */
const mappedIpv4 = (address: string): string | undefined => {
  if (isIP(address) !== 6) return undefined;
  let canonical: string;
  try {
    // The URL parser writes an IPv6 address in its one compressed, hexadecimal form.
    canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
  const hextets = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!hextets) return undefined;
  const [high, low] = [parseInt(hextets[1]!, 16), parseInt(hextets[2]!, 16)];
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
};

export const isLoopback = (address: string): boolean => {
  const v4 = mappedIpv4(address) ?? address;
  return isIP(v4) === 4 ? v4.startsWith('127.') : v4 === '::1';
};

/**
 * Whether webhooks may be sent to `address` (an IP literal). `allowLoopback`: the local stack,
 * where `http://127.0.0.1` is how a receiver is tried.
 */
export const isAllowedAddress = (address: string, allowLoopback = false): boolean => {
  if (allowLoopback && isLoopback(address)) return true;
  const v4 = mappedIpv4(address);
  if (v4) return !forbidden.check(v4, 'ipv4');
  const family = isIP(address);
  if (family === 0) return false;
  return !forbidden.check(address, family === 4 ? 'ipv4' : 'ipv6');
};

/** Why a URL can't be a subscription's, before any name is resolved; `undefined` if it can. */
export type UrlRefusal = 'not_a_url' | 'scheme' | 'credentials' | 'port' | 'address';

/**
 * Whether loopback addresses are allowed for this URL: only `http` where `allowLoopbackHttp` (the
 * local stack's way to try a receiver). An `https` URL to loopback is refused everywhere, so the
 * local exception is exactly `http://127.0.0.1` (or `localhost`), never a name that happens to
 * resolve there.
 */
export const loopbackAllowedFor = (url: URL, allowLoopbackHttp: boolean): boolean => allowLoopbackHttp && url.protocol === 'http:';

/**
 * The URL rules: `https` only (plus `http` to loopback where `allowLoopbackHttp`, the local stack),
 * no user name or password in it, the default port or one above 1023, and an IP literal host
 * only if it is allowed. Host names are checked once resolved (`resolvedRefusal`).
 */
export const urlRefusal = (raw: string, allowLoopbackHttp: boolean): UrlRefusal | undefined => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not_a_url';
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopbackHttp = loopbackAllowedFor(url, allowLoopbackHttp) && (isIP(host) ? isLoopback(host) : host === 'localhost');
  if (url.protocol !== 'https:' && !loopbackHttp) return 'scheme';
  if (url.username || url.password) return 'credentials';
  if (url.port !== '' && Number(url.port) < 1024 && !loopbackHttp) return 'port';
  if (isIP(host) && !isAllowedAddress(host, loopbackAllowedFor(url, allowLoopbackHttp))) return 'address';
  return undefined;
};

/** Why the addresses a URL's host resolved to can't be sent to: none at all, or one not allowed. */
export type ResolvedRefusal = 'unresolved' | 'address';

/**
 * Checks the addresses `url`'s host resolved to (all of them: a name with one private address
 * among public ones could be made to connect there). `undefined` if every one is allowed.
 */
export const resolvedRefusal = (url: URL, addresses: readonly string[], allowLoopbackHttp: boolean): ResolvedRefusal | undefined => {
  if (addresses.length === 0) return 'unresolved';
  const allowLoopback = loopbackAllowedFor(url, allowLoopbackHttp);
  return addresses.every((address) => isAllowedAddress(address, allowLoopback)) ? undefined : 'address';
};

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
  ['::ffff:0:0', 96], // IPv4-mapped: checked as IPv4 below
  ['64:ff9b::', 96], // NAT64
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  forbidden.addSubnet(network, prefix, 'ipv6');
}

/** An IPv4 address mapped into IPv6 (`::ffff:10.0.0.1`), as the IPv4 address it is. */
const mappedIpv4 = (address: string): string | undefined => /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)?.[1];

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
 * The URL rules: `https` only (plus `http` to loopback where `allowLoopbackHttp`, the local stack),
 * no user name or password in it, the default port or one above 1023, and an IP literal host
 * only if it is allowed. Host names are checked once resolved (`isAllowedAddress`).
 */
export const urlRefusal = (raw: string, allowLoopbackHttp: boolean): UrlRefusal | undefined => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not_a_url';
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopbackHttp = allowLoopbackHttp && url.protocol === 'http:' && (isIP(host) ? isLoopback(host) : host === 'localhost');
  if (url.protocol !== 'https:' && !loopbackHttp) return 'scheme';
  if (url.username || url.password) return 'credentials';
  if (url.port !== '' && Number(url.port) < 1024 && !loopbackHttp) return 'port';
  if (isIP(host) && !isAllowedAddress(host, allowLoopbackHttp)) return 'address';
  return undefined;
};

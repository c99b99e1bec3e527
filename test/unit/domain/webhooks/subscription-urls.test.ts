import { describe, expect, it } from 'vitest';
import { isAllowedAddress, resolvedRefusal, urlRefusal } from '../../../../lib/domain/webhooks/address-safety.js';

const prod = false;
const local = true;

describe('a subscription URL', () => {
  it('is https in AWS: http is refused, whatever the host', () => {
    expect(urlRefusal('https://hooks.azami.example/orderdesk', prod)).toBeUndefined();
    expect(urlRefusal('http://hooks.azami.example/orderdesk', prod)).toBe('scheme');
    expect(urlRefusal('http://127.0.0.1:8080/hook', prod)).toBe('scheme');
    expect(urlRefusal('http://localhost:8080/hook', prod)).toBe('scheme');
    expect(urlRefusal('ftp://hooks.azami.example/', prod)).toBe('scheme');
  });

  it('may be http to this machine locally, and only to it', () => {
    expect(urlRefusal('http://127.0.0.1:8080/hook', local)).toBeUndefined();
    expect(urlRefusal('http://localhost:8080/hook', local)).toBeUndefined();
    expect(urlRefusal('http://[::1]:8080/hook', local)).toBeUndefined();
    // http elsewhere stays refused locally too.
    expect(urlRefusal('http://hooks.azami.example/', local)).toBe('scheme');
    expect(urlRefusal('http://10.0.0.5/hook', local)).toBe('scheme');
  });

  it('is refused https to loopback, locally too: the local exception is http to 127.0.0.1 alone', () => {
    expect(urlRefusal('https://127.0.0.1:8443/hook', local)).toBe('address');
    expect(urlRefusal('https://127.0.0.1/hook', prod)).toBe('address');
  });

  it.each([
    'https://10.0.0.5/hook',
    'https://172.16.3.4/',
    'https://172.31.255.255/',
    'https://192.168.1.10/',
    'https://169.254.169.254/latest/meta-data/',
    'https://127.0.0.1/',
    'https://127.8.9.10/',
    'https://[::1]/',
    'https://[fe80::1]/',
    'https://[fc00::1]/',
    'https://[fd12:3456::1]/',
    'https://[::ffff:10.0.0.1]/',
    'https://[::ffff:169.254.169.254]/',
    'https://0.0.0.0/',
    'https://100.64.0.1/',
    // Other spellings of an address the URL parser turns into the dotted form.
    'https://2130706433/',
    'https://0x7f.1/',
    'https://0300.0250.0.1/',
  ])('refuses %s: an address inside a private network, the machine itself or link-local', (url) => {
    expect(urlRefusal(url, prod)).toBe('address');
  });

  it('takes a public address literal', () => {
    expect(urlRefusal('https://203.0.114.7/hook', prod)).toBeUndefined();
    expect(urlRefusal('https://[2a00:1450:4014:80d::200e]/hook', prod)).toBeUndefined();
    expect(urlRefusal('https://172.32.0.1/', prod)).toBeUndefined();
  });

  it('refuses a user name or password in it', () => {
    expect(urlRefusal('https://user:pass@hooks.azami.example/', prod)).toBe('credentials');
    expect(urlRefusal('https://user@hooks.azami.example/', prod)).toBe('credentials');
    expect(urlRefusal('http://user:pass@127.0.0.1:8080/', local)).toBe('credentials');
  });

  it('refuses a well-known port other than the default, and takes one above 1023', () => {
    expect(urlRefusal('https://hooks.azami.example:22/', prod)).toBe('port');
    expect(urlRefusal('https://hooks.azami.example:8443/', prod)).toBeUndefined();
    expect(urlRefusal('https://hooks.azami.example:443/', prod)).toBeUndefined();
  });

  it('refuses what is not a URL', () => {
    expect(urlRefusal('hooks.azami.example/orderdesk', prod)).toBe('not_a_url');
    expect(urlRefusal('', prod)).toBe('not_a_url');
  });
});

describe('the addresses a host name resolves to', () => {
  const url = (text: string) => new URL(text);

  it('are all allowed, or the URL is refused: one private address among public ones is enough', () => {
    expect(resolvedRefusal(url('https://hooks.azami.example/'), ['203.0.114.7'], prod)).toBeUndefined();
    expect(resolvedRefusal(url('https://hooks.azami.example/'), ['203.0.114.7', '10.1.2.3'], prod)).toBe('address');
    expect(resolvedRefusal(url('https://hooks.azami.example/'), ['2a00:1450::1', 'fe80::1'], prod)).toBe('address');
  });

  it('are none for a name that does not resolve', () => {
    expect(resolvedRefusal(url('https://nowhere.example/'), [], prod)).toBe('unresolved');
  });

  it('may be loopback only for http on the local stack, never for https', () => {
    expect(resolvedRefusal(url('http://localhost:8080/'), ['127.0.0.1', '::1'], local)).toBeUndefined();
    expect(resolvedRefusal(url('https://localhost/'), ['127.0.0.1', '::1'], local)).toBe('address');
    expect(resolvedRefusal(url('http://localhost:8080/'), ['127.0.0.1'], prod)).toBe('address');
    // The local exception is loopback: a private address stays refused.
    expect(resolvedRefusal(url('http://localhost:8080/'), ['10.0.0.5'], local)).toBe('address');
  });

  it('are checked one by one as the resolver answers them', () => {
    for (const address of ['10.0.0.1', '172.16.0.1', '192.168.0.1', '169.254.169.254', '127.0.0.1', '::1', 'fe80::1', 'fc00::1', '::ffff:10.0.0.1']) {
      expect(isAllowedAddress(address), address).toBe(false);
    }
    expect(isAllowedAddress('not an address')).toBe(false);
    expect(isAllowedAddress('8.8.8.8')).toBe(true);
  });
});

describe('IPv4-mapped IPv6 addresses', () => {
  it('are checked as the IPv4 address they are, however written', () => {
    for (const address of ['::ffff:10.0.0.1', '::ffff:a00:1', '0:0:0:0:0:ffff:a00:1', '::FFFF:169.254.169.254', '::ffff:7f00:1']) {
      expect(isAllowedAddress(address), address).toBe(false);
    }
    for (const address of ['::ffff:8.8.8.8', '::ffff:808:808']) expect(isAllowedAddress(address), address).toBe(true);
  });

  it('leave every public IPv4 address allowed (the mapped range is no IPv4 rule)', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '203.0.114.7', '172.32.0.1', '11.0.0.1']) expect(isAllowedAddress(address), address).toBe(true);
  });

  it('count as loopback only locally, for http', () => {
    expect(isAllowedAddress('::ffff:127.0.0.1', true)).toBe(true);
    expect(isAllowedAddress('::ffff:127.0.0.1', false)).toBe(false);
  });
});

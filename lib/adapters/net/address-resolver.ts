import { lookup } from 'node:dns/promises';
import type { AddressResolver } from '../../services/ports/webhooks.js';

/** The resolver's answers that say the name has no address (as opposed to a failure to ask). */
const noSuchName: ReadonlySet<unknown> = new Set(['ENOTFOUND', 'ENODATA', 'EAI_NONAME', 'EAI_NODATA']);

const codeOf = (error: unknown): unknown => (typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined);

/** How long a lookup may take before it counts as a failure to ask (a Lambda has 10 s in all). */
const defaultTimeoutMs = 5_000;

/**
 * Every address a host name resolves to, through the system's resolver (`getaddrinfo`, as a
 * connection would: /etc/hosts included, so `localhost` is loopback), IPv4 and IPv6 alike. An IP
 * literal resolves to itself. A name that has no address answers `[]`; a resolver that could
 * not be asked (`EAI_AGAIN`, no answer within `timeoutMs`) throws, since the name may well exist.
 */
export const dnsAddressResolver = (timeoutMs = defaultTimeoutMs): AddressResolver => ({
  async resolve(hostname) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`No answer resolving ${hostname} within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const answers = await Promise.race([lookup(hostname.replace(/^\[|\]$/g, ''), { all: true, order: 'verbatim' }), timeout]);
      return answers.map((answer) => answer.address);
    } catch (error) {
      if (noSuchName.has(codeOf(error))) return [];
      throw error;
    } finally {
      clearTimeout(timer);
    }
  },
});

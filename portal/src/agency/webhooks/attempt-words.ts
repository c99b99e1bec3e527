import type { Schemas } from '../../api/client.js';
import { fill } from '../../fill.js';
import type { Language, Words } from '../../words.js';
import { timeoutSeconds } from './webhook-limits.js';

type Attempt = Schemas['WebhookDelivery']['attempts'][number];

/** Why a try got no answer, as the sender records it (lib/adapters/http/webhook-sender.ts). */
type Failure = 'timeout' | 'refused_address' | 'refused_url' | 'dns' | 'connection_refused' | 'connection' | 'tls' | 'redirect';

const failures: readonly Failure[] = ['timeout', 'refused_address', 'refused_url', 'dns', 'connection_refused', 'connection', 'tls', 'redirect'];
const isFailure = (error: string): error is Failure => (failures as readonly string[]).includes(error);

const words: Words<Failure | 'ok' | 'failed' | 'unknown'> = {
  en: {
    ok: 'HTTP {status}: received',
    failed: 'HTTP {status}: the receiver refused it',
    timeout: `No answer within ${timeoutSeconds} seconds`,
    refused_address: 'Not sent: the host name now points to a private network or this machine',
    refused_url: 'Not sent: the URL is no longer allowed',
    dns: 'Not sent: the host name did not resolve',
    connection_refused: 'The receiver refused the connection (nothing listens there)',
    connection: 'The connection failed',
    tls: 'The TLS connection failed (its certificate or handshake)',
    redirect: 'HTTP {status}: a redirect, which is not followed (subscribe the URL it points to)',
    unknown: 'Failed: {error}',
  },
  cs: {
    ok: 'HTTP {status}: přijato',
    failed: 'HTTP {status}: příjemce doručení odmítl',
    timeout: `Bez odpovědi do ${timeoutSeconds} sekund`,
    refused_address: 'Neodesláno: název serveru teď vede do privátní sítě nebo na tento stroj',
    refused_url: 'Neodesláno: adresa už není povolená',
    dns: 'Neodesláno: název serveru se nepodařilo přeložit',
    connection_refused: 'Příjemce spojení odmítl (nic tam nenaslouchá)',
    connection: 'Spojení selhalo',
    tls: 'Zabezpečené spojení (TLS) selhalo: certifikát nebo navázání',
    redirect: 'HTTP {status}: přesměrování, které se nenásleduje (přihlaste adresu, kam vede)',
    unknown: 'Selhalo: {error}',
  },
};

/** Whether a try got a success (any 2xx), as the API counts it. */
export const succeeded = (attempt: Attempt) => attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300 && attempt.error === undefined;

/** What came of one try, in a sentence: the receiver's status, or why there was none. */
export const attemptOutcome = (attempt: Attempt, language: Language): string => {
  const table = words[language];
  const status = attempt.status ?? '';
  if (attempt.error !== undefined) return fill(isFailure(attempt.error) ? table[attempt.error] : table.unknown, { status, error: attempt.error });
  return fill(succeeded(attempt) ? table.ok : table.failed, { status });
};

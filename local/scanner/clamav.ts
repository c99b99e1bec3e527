import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * ClamAV's command-line scanner (Debian's `clamav` package), run once per file on its bytes
 * (stdin, no temporary file) with the database the project ships in `local/clamav/`: ClamAV's
 * public database can't be downloaded here, so it knows the EICAR test file only (an `.ndb` body
 * signature, its hex, never the string itself), and `--alert-encrypted` reports an encrypted
 * archive, which it could not look into.
 */

/** The project's signature database: every `.ndb` (body signature) file of it. */
export const clamavDatabase = path.resolve(import.meta.dirname, '..', 'clamav');

/** How to get it, said wherever it is missing. */
export const clamavInstallHint = 'apt-get install clamav';

export interface Clamav {
  /** `ClamAV 1.4.3`. */
  version: string;
  /** The signatures of the database, by name. */
  signatures: string[];
}

/** The signatures' names in the project's database (the first field of each `.ndb` line). */
export const signaturesIn = (database: string = clamavDatabase): string[] =>
  fs
    .readdirSync(database)
    .filter((name) => name.endsWith('.ndb'))
    .flatMap((name) => fs.readFileSync(path.join(database, name), 'utf8').split('\n'))
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split(':')[0]!);

/** ClamAV as installed here, or undefined when `clamscan` is not on the PATH. */
export const findClamav = (database: string = clamavDatabase): Clamav | undefined => {
  const run = spawnSync('clamscan', ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (run.error || run.status !== 0) return undefined;
  // `ClamAV 1.4.3` or, with a database, `ClamAV 1.4.3/27000/…`.
  const version = /ClamAV [^\s/]+/.exec(run.stdout)?.[0] ?? run.stdout.trim();
  return { version, signatures: signaturesIn(database) };
};

/** What the scan of one file found, in GuardDuty's words (its `scanResultStatus`) and names. */
export type ClamavResult =
  | { status: 'NO_THREATS_FOUND' }
  | { status: 'THREATS_FOUND'; threats: string[] }
  /** ClamAV could not look into it: an encrypted archive (`Heuristics.Encrypted.*`). */
  | { status: 'UNSUPPORTED'; reason: string }
  | { status: 'FAILED'; reason: string };

/** ClamAV's own suffix for a signature of a database it has no signature file for. */
const unofficial = /\.UNOFFICIAL$/;

/** Reads clamscan's answer for stdin: `stdin: OK`, or `stdin: <name> FOUND` (exit 1), or an error (exit 2). */
export const resultOf = (code: number | null, output: string): ClamavResult => {
  const found = [...output.matchAll(/^stdin: (.+) FOUND$/gm)].map((match) => match[1]!.replace(unofficial, ''));
  if (code === 1 && found.length > 0) {
    const encrypted = found.filter((name) => name.startsWith('Heuristics.Encrypted.'));
    if (encrypted.length === found.length) return { status: 'UNSUPPORTED', reason: encrypted.join(', ') };
    return { status: 'THREATS_FOUND', threats: found.filter((name) => !name.startsWith('Heuristics.Encrypted.')) };
  }
  if (code === 0 && /^stdin: OK$/m.test(output)) return { status: 'NO_THREATS_FOUND' };
  return { status: 'FAILED', reason: `clamscan exited with ${code}: ${output.trim().split('\n').slice(-3).join(' / ').slice(0, 300)}` };
};

/**
 * Scans one file's bytes. `signal` aborts it (the stack stopping): clamscan is killed and the
 * scan answers FAILED, never a verdict it did not reach.
 */
export const scanBytes = (bytes: Uint8Array, options: { database?: string; signal?: AbortSignal } = {}): Promise<ClamavResult> =>
  new Promise((resolve) => {
    const child = spawn('clamscan', ['--no-summary', '--stdout', `--database=${options.database ?? clamavDatabase}`, '--alert-encrypted=yes', '-'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      signal: options.signal,
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', (error) => resolve({ status: 'FAILED', reason: error.message }));
    child.on('close', (code) => resolve(resultOf(code, output)));
    // A scanner that stopped reading early (an error) must not crash the stack with EPIPE.
    child.stdin.on('error', () => undefined);
    child.stdin.end(bytes);
  });

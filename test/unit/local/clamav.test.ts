import { describe, expect, it } from 'vitest';
import { MalwareScanEvent, verdictOf } from '../../../lib/domain/malware-scan-event.js';
import { clamavInstallHint, findClamav, resultOf, scanBytes, signaturesIn } from '../../../local/scanner/clamav.js';
import { scannerDescription } from '../../../local/scanner/local-scanner.js';
import { scanResultEvent } from '../../../local/scanner/scan-result-event.js';
import { eicar, encryptedZip } from '../../support/scan.js';

/** ClamAV as installed here; without it these tests fail (not skip) with the line that installs it. */
const clamav = () => {
  const found = findClamav();
  if (!found) throw new Error(`clamscan is missing: ${clamavInstallHint} (.ci/run installs it)`);
  return found;
};

describe('clamscan’s answer', () => {
  it('reads OK as no threats, a signature as a threat (without ClamAV’s UNOFFICIAL suffix), an encrypted archive as unsupported, anything else as failed', () => {
    expect(resultOf(0, 'stdin: OK\n')).toEqual({ status: 'NO_THREATS_FOUND' });
    expect(resultOf(1, 'stdin: Orderdesk.Test.EICAR.UNOFFICIAL FOUND\n')).toEqual({ status: 'THREATS_FOUND', threats: ['Orderdesk.Test.EICAR'] });
    expect(resultOf(1, 'stdin: Heuristics.Encrypted.Zip FOUND\n')).toEqual({ status: 'UNSUPPORTED', reason: 'Heuristics.Encrypted.Zip' });
    expect(resultOf(2, 'LibClamAV Error: cli_loaddbdir(): No supported database files found\n')).toMatchObject({ status: 'FAILED', reason: expect.stringMatching(/exited with 2: .*No supported database/) });
    expect(resultOf(0, '')).toMatchObject({ status: 'FAILED' });
  });

  it('becomes GuardDuty’s event, which record-scan-result reads as GuardDuty’s: the same verdicts', () => {
    const object = { bucketName: 'orderdesk-attachments', objectKey: 'orgs/org-acme/requests/2026-0042/attachments/a-1/faktura.txt', eTag: 'abc' };
    const verdict = (result: Parameters<typeof scanResultEvent>[1]) => verdictOf(MalwareScanEvent.parse(scanResultEvent(object, result)).detail);
    expect(verdict({ status: 'NO_THREATS_FOUND' })).toEqual({ verdict: 'clean' });
    expect(verdict({ status: 'THREATS_FOUND', threats: ['Orderdesk.Test.EICAR'] })).toEqual({ verdict: 'infected', threat: 'Orderdesk.Test.EICAR' });
    expect(verdict({ status: 'UNSUPPORTED', reason: 'Heuristics.Encrypted.Zip' })).toEqual({ verdict: 'failed', cause: 'unsupported' });
    expect(verdict({ status: 'FAILED', reason: 'x' })).toEqual({ verdict: 'failed', cause: 'scanner' });
    expect(scanResultEvent(object, { status: 'NO_THREATS_FOUND' }).detail.s3ObjectDetails).toMatchObject(object);
  });
});

describe('ClamAV with the project’s signature database', () => {
  it('knows the EICAR test file only, and says so at start (or how to install ClamAV)', () => {
    expect(signaturesIn()).toEqual(['Orderdesk.Test.EICAR']);
    expect(scannerDescription(clamav())).toMatch(/^ClamAV \d+\.\d+\.\d+, signatures .*local\/clamav \(Orderdesk\.Test\.EICAR;/);
    expect(scannerDescription(undefined)).toMatch(/ClamAV is not installed \(apt-get install clamav\), so files stay pending/);
  });

  it('finds the EICAR test file, passes a clean file, and can’t look into an encrypted archive', async () => {
    clamav();
    expect(await scanBytes(eicar())).toEqual({ status: 'THREATS_FOUND', threats: ['Orderdesk.Test.EICAR'] });
    // Anywhere else than at its start, it is not the test file (as other scanners read it too).
    expect(await scanBytes(new TextEncoder().encode(`Dobrý den,\n${new TextDecoder().decode(eicar())}`))).toEqual({ status: 'NO_THREATS_FOUND' });
    expect(await scanBytes(new TextEncoder().encode('%PDF-1.4\n% Nabídka\n%%EOF\n'))).toEqual({ status: 'NO_THREATS_FOUND' });
    expect(await scanBytes(encryptedZip())).toEqual({ status: 'UNSUPPORTED', reason: 'Heuristics.Encrypted.Zip' });
  });

  it('answers FAILED when aborted (the stack stopping), never a verdict it did not reach: the scanner then sends none and the file stays pending', async () => {
    clamav();
    const abort = new AbortController();
    abort.abort();
    expect(await scanBytes(eicar(), { signal: abort.signal })).toMatchObject({ status: 'FAILED' });
  });
});

import { describe, expect, it } from 'vitest';
import { attachmentKey } from '../../../lib/domain/attachment-rules.js';
import type { Attachment, ScanVerdict } from '../../../lib/domain/attachment.js';
import { ConflictError } from '../../../lib/domain/errors.js';
import type { MalwareScanEvent } from '../../../lib/domain/malware-scan-event.js';
import type { TimelineEntry } from '../../../lib/domain/timeline-entry.js';
import type { MetricName } from '../../../lib/observability/metric-names.js';
import type { ScanDeps } from '../../../lib/services/ports/scan.js';
import { recordScanResult } from '../../../lib/services/requests/scan-results.js';

const bucket = 'orderdesk-dev-files-111122223333-eu-central-1';
const caller = { system: 'scanner' } as const;
const key = attachmentKey('org-acme', '2026-0042', 'att-1', 'Smlouva o dílo.pdf');
const stored: Attachment = {
  attachmentId: 'att-1',
  requestId: '2026-0042',
  orgId: 'org-acme',
  fileName: 'Smlouva o dílo.pdf',
  contentType: 'application/pdf',
  size: 1200,
  key,
  status: 'uploaded',
  scan: 'pending',
  visibility: 'all',
  uploadedBy: 'user-jana',
  createdAt: '2026-11-24T09:00:00.000Z',
};

const event = (result: string, options: { objectKey?: string; bucketName?: string; scanStatus?: string; threats?: { name: string }[] } = {}): MalwareScanEvent => ({
  source: 'aws.guardduty',
  'detail-type': 'GuardDuty Malware Protection Object Scan Result',
  detail: {
    scanStatus: options.scanStatus ?? (result === 'UNSUPPORTED' || result === 'ACCESS_DENIED' ? 'SKIPPED' : result === 'FAILED' ? 'FAILED' : 'COMPLETED'),
    s3ObjectDetails: { bucketName: options.bucketName ?? bucket, objectKey: options.objectKey ?? key, eTag: 'etag-1' },
    scanResultDetails: { scanResultStatus: result, threats: options.threats ?? null },
  },
});

/** The stores as closures the fake unit of work runs in order, each checking its condition as DynamoDB would. */
const setup = (attachment: Attachment | undefined = stored) => {
  const items = new Map(attachment ? [[attachment.attachmentId, { ...attachment }]] : []);
  const entries: TimelineEntry[] = [];
  const isolated: { key: string; etag?: string }[] = [];
  const counted: MetricName[] = [];
  const order: string[] = [];
  type FakeWrite = { label: string; apply: () => void };
  let quarantineFails = false;
  const deps = {
    attachments: {
      get: async (_requestId: string, attachmentId: string) => items.get(attachmentId),
      recordScan: (at: Attachment, verdict: ScanVerdict, threat?: string): FakeWrite => ({
        label: 'scan',
        apply: () => {
          const current = items.get(at.attachmentId);
          if (!current || current.scan !== 'pending') throw new ConflictError('recorded already', 'Nothing to do');
          items.set(at.attachmentId, { ...current, scan: verdict, ...(threat ? { threat } : {}) });
        },
      }),
    },
    timeline: { append: (entry: TimelineEntry): FakeWrite => ({ label: 'entry', apply: () => void entries.push(entry) }) },
    users: { getUser: async (userId: string) => (userId === 'user-jana' ? { userId, name: 'Jana Nováková' } : undefined) },
    unitOfWork: {
      commit: async (writes: FakeWrite[]) => {
        order.push('commit');
        for (const write of writes) write.apply();
      },
    },
    now: () => new Date('2026-11-24T10:00:00Z'),
    newId: () => 'entry-1',
    correlationId: () => 'corr-1',
    metrics: { count: (name: MetricName) => void counted.push(name) },
    quarantine: {
      isolate: async (at: string, etag?: string) => {
        order.push('isolate');
        if (quarantineFails) throw new Error('S3 answered 503');
        isolated.push({ key: at, etag });
      },
    },
    bucketName: () => bucket,
  } as unknown as ScanDeps;
  return { deps, items, entries, isolated, counted, order, failQuarantine: () => (quarantineFails = true) };
};

describe('recording the malware scan’s verdict', () => {
  it('makes a file clean, and nothing else: no entry, no mail, nothing moved', async () => {
    const { deps, items, entries, isolated, counted } = setup();
    expect(await recordScanResult(deps, caller, event('NO_THREATS_FOUND'))).toEqual({ outcome: 'recorded', requestId: '2026-0042', attachmentId: 'att-1', verdict: 'clean' });
    expect(items.get('att-1')).toMatchObject({ scan: 'clean' });
    expect(items.get('att-1')?.threat).toBeUndefined();
    expect([entries, isolated, counted]).toEqual([[], [], []]);
  });

  it('moves an infected file out of reach before it records the verdict, and writes the entry that mails its sender and the agency', async () => {
    const { deps, items, entries, isolated, counted, order } = setup();
    const outcome = await recordScanResult(deps, caller, event('THREATS_FOUND', { threats: [{ name: 'EICAR-Test-File (not a virus)' }] }));
    expect(outcome).toMatchObject({ outcome: 'recorded', verdict: 'infected' });
    expect(order).toEqual(['isolate', 'commit']);
    expect(isolated).toEqual([{ key, etag: 'etag-1' }]);
    expect(items.get('att-1')).toMatchObject({ scan: 'infected', threat: 'EICAR-Test-File (not a virus)' });
    expect(entries).toEqual([
      expect.objectContaining({
        kind: 'attachment_blocked',
        visibility: 'all',
        actorType: 'system',
        actorId: 'scanner',
        attachmentIds: ['att-1'],
        correlationId: 'corr-1',
        details: { fileName: 'Smlouva o dílo.pdf', verdict: 'infected', threat: 'EICAR-Test-File (not a virus)', uploadedBy: 'user-jana', uploadedByName: 'Jana Nováková' },
      }),
    ]);
    expect(counted).toEqual(['FilesInfected']);
  });

  it('keeps an internal file’s entry internal', async () => {
    const { deps, entries } = setup({ ...stored, visibility: 'agency' });
    await recordScanResult(deps, caller, event('THREATS_FOUND'));
    expect(entries[0]).toMatchObject({ visibility: 'agency' });
  });

  it('records an unreadable file failed with an entry, counted as the file’s fault or the scanner’s (the one that alarms)', async () => {
    for (const [result, metric] of [
      ['UNSUPPORTED', 'FilesUnscannable'],
      ['ACCESS_DENIED', 'FileScansFailed'],
      ['FAILED', 'FileScansFailed'],
    ] as const) {
      const { deps, items, entries, isolated, counted } = setup();
      expect(await recordScanResult(deps, caller, event(result))).toMatchObject({ verdict: 'failed' });
      expect(items.get('att-1')?.scan).toBe('failed');
      expect(entries.map((entry) => entry.details)).toEqual([expect.objectContaining({ verdict: 'failed' })]);
      expect(entries[0]!.details!.threat).toBeUndefined();
      expect(isolated).toEqual([]);
      expect(counted).toEqual([metric]);
    }
  });

  it('changes nothing when a verdict comes again, whatever it says', async () => {
    const { deps, items, entries, isolated, counted } = setup();
    await recordScanResult(deps, caller, event('THREATS_FOUND', { threats: [{ name: 'A' }] }));
    for (const again of [event('THREATS_FOUND', { threats: [{ name: 'A' }] }), event('NO_THREATS_FOUND'), event('FAILED')]) {
      expect(await recordScanResult(deps, caller, again)).toEqual({ outcome: 'ignored', reason: 'replayed', objectKey: key });
    }
    expect(items.get('att-1')).toMatchObject({ scan: 'infected', threat: 'A' });
    expect([entries.length, isolated.length, counted]).toEqual([1, 1, ['FilesInfected']]);
  });

  it('ignores a verdict that lost the race to another delivery of it (no second entry, no count)', async () => {
    const { deps, items, entries, counted } = setup();
    // Both read it pending; the other one commits first.
    const read = deps.attachments.get;
    deps.attachments.get = async (requestId, attachmentId) => {
      const seen = await read(requestId, attachmentId);
      items.set('att-1', { ...items.get('att-1')!, scan: 'clean' });
      return seen;
    };
    expect(await recordScanResult(deps, caller, event('NO_THREATS_FOUND'))).toMatchObject({ outcome: 'ignored', reason: 'replayed' });
    expect([entries, counted]).toEqual([[], []]);
  });

  it('records nothing when the infected file could not be moved out of reach: the error makes EventBridge deliver it again', async () => {
    const { deps, items, entries, failQuarantine } = setup();
    failQuarantine();
    await expect(recordScanResult(deps, caller, event('THREATS_FOUND'))).rejects.toThrow(/503/);
    expect(items.get('att-1')?.scan).toBe('pending');
    expect(entries).toEqual([]);
  });

  it('takes the key as S3’s notifications write it too (URL-encoded)', async () => {
    const { deps, items } = setup();
    const encoded = key.split('/').map((part) => encodeURIComponent(part).replace(/%20/g, '+')).join('/');
    expect(encoded).not.toBe(key);
    expect(await recordScanResult(deps, caller, event('NO_THREATS_FOUND', { objectKey: encoded }))).toMatchObject({ outcome: 'recorded' });
    expect(items.get('att-1')?.scan).toBe('clean');
  });

  it('logs and ignores what is none of its business: another bucket, a key that names no attachment, an attachment not there or of another organisation', async () => {
    const { deps, items, entries } = setup();
    expect(await recordScanResult(deps, caller, event('NO_THREATS_FOUND', { bucketName: 'someone-elses' }))).toMatchObject({ outcome: 'ignored', reason: 'other-bucket' });
    expect(await recordScanResult(deps, caller, event('NO_THREATS_FOUND', { objectKey: 'orgs/oops.pdf' }))).toMatchObject({ outcome: 'ignored', reason: 'not-an-attachment' });
    expect(await recordScanResult(deps, caller, event('NO_THREATS_FOUND', { objectKey: attachmentKey('org-acme', '2026-0042', 'att-9', 'a.pdf') }))).toMatchObject({
      outcome: 'ignored',
      reason: 'unknown-attachment',
    });
    expect(await recordScanResult(deps, caller, event('NO_THREATS_FOUND', { objectKey: attachmentKey('org-beta', '2026-0042', 'att-1', 'Smlouva o dílo.pdf') }))).toMatchObject({
      reason: 'unknown-attachment',
    });
    expect(items.get('att-1')?.scan).toBe('pending');
    expect(entries).toEqual([]);
  });
});

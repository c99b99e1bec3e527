import { randomUUID } from 'node:crypto';
import { scanResultDetailType, scanResultSource, type MalwareScanEvent } from '../../lib/domain/malware-scan-event.js';
import { localRegion } from '../local-aws.js';
import type { ClamavResult } from './clamav.js';

/** A local stand-in for the malware protection plan's ARN, which the event names as its resource. */
const localPlanArn = `arn:aws:guardduty:${localRegion}:000000000000:malware-protection-plan/orderdesk-local`;

/**
 * GuardDuty's "Object Scan Result" event for one object, as EventBridge delivers it (the sample
 * of GuardDuty's guide, "Monitoring S3 object scans with Amazon EventBridge"), made of ClamAV's
 * answer: the local scanner hands `record-scan-result` the same event AWS does.
 */
export const scanResultEvent = (object: { bucketName: string; objectKey: string; eTag?: string }, result: ClamavResult, now = new Date()): MalwareScanEvent => ({
  version: '0',
  id: randomUUID(),
  'detail-type': scanResultDetailType,
  source: scanResultSource,
  account: '000000000000',
  time: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  region: localRegion,
  resources: [localPlanArn],
  detail: {
    schemaVersion: '1.0',
    // As GuardDuty maps its results to statuses: a file it could not look into is SKIPPED, a scan that broke FAILED.
    scanStatus: { NO_THREATS_FOUND: 'COMPLETED', THREATS_FOUND: 'COMPLETED', UNSUPPORTED: 'SKIPPED', FAILED: 'FAILED' }[result.status],
    resourceType: 'S3_OBJECT',
    s3ObjectDetails: { bucketName: object.bucketName, objectKey: object.objectKey, ...(object.eTag ? { eTag: object.eTag } : {}), s3Throttled: false },
    scanResultDetails: {
      scanResultStatus: result.status,
      threats: result.status === 'THREATS_FOUND' ? result.threats.map((name) => ({ name })) : null,
    },
  },
});

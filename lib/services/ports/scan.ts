import type { ServiceDeps } from './deps.js';

/** The ports of the malware scan's verdicts on files (this folder's one file per capability). */

/** Where an infected file goes: out of reach of every function and every download link. */
export interface Quarantine {
  /**
   * Copies the object once under `quarantine/` (the same rest of its key), then removes it from
   * its key. Throws when it could not be removed, so the verdict is delivered again; a copy that
   * was made before (a verdict delivered again) is kept as it is.
   */
  isolate(key: string, etag?: string): Promise<void>;
}

/** What recording a verdict reads and writes: the file, its timeline, who sent it, the quarantine. */
export interface ScanDeps extends Pick<ServiceDeps, 'attachments' | 'timeline' | 'users' | 'unitOfWork' | 'now' | 'newId' | 'correlationId' | 'metrics'> {
  quarantine: Quarantine;
  /** The bucket whose files are this stage's: a verdict on another bucket's object is none of ours. */
  bucketName: () => string;
}

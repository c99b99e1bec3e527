/** The ports the services need (this folder); adapters in lib/adapters implement them. No SDK types here; the
 * stored entities are the domain's zod schemas, so adapters check what they read back with them.
 * This file: what every capability shares (pages, writes, idempotency, files). */

/** A stored answer to replay when a client repeats a call with the same Idempotency-Key. */
export interface IdempotentAnswer {
  fingerprint: string;
  body: unknown;
}

export interface Idempotency {
  /** Scopes the key to a caller and route; a key is never shared between people. */
  recordId: string;
  fingerprint: string;
  /** Epoch seconds. */
  expiresAt: number;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/**
 * One conditional write a store prepared (a put, an update, a delete or a condition check), with
 * the domain error its condition stands for. Nothing is written until a unit of work commits it.
 */
export interface Write {
  /** What it writes, for logs: e.g. `request 2026-0042`. */
  readonly label: string;
}

/**
 * Commits the writes of one change together: all or none. A failed condition is the domain
 * error of the first write whose condition failed (a lost race is a ConflictError).
 */
export interface UnitOfWork {
  commit(writes: readonly Write[]): Promise<void>;
}

export interface IdempotencyStore {
  find(recordId: string, now: Date): Promise<IdempotentAnswer | undefined>;
  /** The answer to replay; a concurrent call that recorded first makes the commit throw IdempotencyRace. */
  record(idempotency: Idempotency, answer: unknown, now: Date): Write;
}

/** What S3 holds at a key. */
export interface StoredFile {
  size: number;
  contentType?: string;
  /** Changes whenever the object is replaced. */
  etag: string;
}

export interface FileStore {
  /** A presigned POST bound to the key, the exact size and the content type. */
  presignUpload(key: string, contentType: string, size: number, expiresInSeconds: number): Promise<{ url: string; fields: Record<string, string> }>;
  /** What S3 holds at the key, if anything. */
  describe(key: string): Promise<StoredFile | undefined>;
  /** Copies `from` to `to` only while `from` still has `etag` and nothing is at `to` yet (one
   * conditional S3 copy); false when either condition failed and nothing was copied. */
  copyOnce(from: string, to: string, etag: string): Promise<boolean>;
  /** Removes the object if it can; a failure is logged, not thrown (a lifecycle rule sweeps up). */
  discard(key: string): Promise<void>;
  presignDownload(key: string, fileName: string, expiresInSeconds: number): Promise<string>;
  /** Stores a file the system made (an order's PDF), replacing what was there. */
  put(key: string, content: Uint8Array, contentType: string): Promise<void>;
}

/** Thrown by a store when a concurrent call with the same Idempotency-Key won the write; the
 * service then replays the winner's answer. */
export class IdempotencyRace extends Error {
  override readonly name = 'IdempotencyRace';
}

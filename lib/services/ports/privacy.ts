import type { ErasureRecord, PersonRef, StoredItem } from '../../domain/privacy.js';
import type { FileStore, Write } from './common.js';
import type { PeopleDeps } from './deps.js';
import type { OrganisationStore } from './people.js';

/**
 * Everything stored about one person, whatever its entity, for the two rare jobs that need it:
 * exporting it and erasing it (docs/privacy.md). Items come as stored (see StoredItem); the
 * domain decides what they say and what becomes of them.
 */
export interface PersonDataStore {
  /**
   * Every item that `names` says names the person: their own partitions and invitations read by
   * key, and everything else found by reading the whole table (a Scan). Seconds, not
   * milliseconds: for an export or an erasure, never for a call that is not about one.
   */
  find(person: PersonRef, names: (item: StoredItem) => boolean): Promise<StoredItem[]>;
  /** One item again, as it is now (after a lost race); undefined once it is gone. */
  get(key: StoredItem['key']): Promise<StoredItem | undefined>;
  /** Deletes the item, whatever it holds by then. */
  delete(item: StoredItem): Write;
  /**
   * Writes `next`'s attributes over `read`'s, conditional on each attribute it changes still
   * holding what was read (and the item still being there): a ConflictError otherwise, and the
   * caller reads it again.
   */
  rewrite(read: StoredItem, next: Readonly<Record<string, unknown>>): Write;
  /** The record of an erasure of this id, if there was one. */
  erasure(userId: string): Promise<ErasureRecord | undefined>;
  /** Stores the record; a ConflictError if the id was erased meanwhile. */
  recordErasure(record: ErasureRecord): Write;
  /** How the answers name the erasure record's item (its pk and sk), which `kept` lists. */
  erasureKeyText(userId: string): string;
}

/** Erasing a person: their items, their login, their record, the log of changes, and the raw mail they sent (`mail/`). */
export interface ErasureDeps extends PeopleDeps {
  personData: PersonDataStore;
  files: Pick<FileStore, 'discard'>;
}

/** Exporting a person: their items, and the bucket's `exports/` to hand the document over. */
export interface ExportDeps extends Pick<PeopleDeps, 'users' | 'audit' | 'unitOfWork' | 'now' | 'newId'> {
  organisations: Pick<OrganisationStore, 'getOrganisation'>;
  personData: PersonDataStore;
  exports: Pick<FileStore, 'put' | 'presignDownload'>;
}

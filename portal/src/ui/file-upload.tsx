import { useContext, useEffect, useId, useRef, useState } from 'preact/hooks';
import { ApiRefusal, must, type ApiProblem, type Schemas } from '../api/client.js';
import { AppContext } from '../app-context.js';
import { useWords, type Language, type Words } from '../i18n.js';
import { sentenceOf } from '../problems.js';
import { checkOverdue, nextCheckIn } from './scan-schedule.js';
import './file-scan.css';

/**
 * Files on a request: checked here first (type and size, as the API checks them), then announced
 * to the API, posted to the presigned upload with XMLHttpRequest (for its progress events) and
 * confirmed. lib/domain/attachment-rules.ts imports zod, so its allowlist is mirrored from the
 * generated API types: a type added there fails this file's type check until it is added here.
 */
export type FileContentType = Schemas['NewUpload']['contentType'];

const extensionsOf: Record<FileContentType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'text/plain': ['txt'],
  'text/csv': ['csv'],
  'text/markdown': ['md', 'markdown'],
  'application/zip': ['zip'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/msword': ['doc'],
  'application/vnd.ms-excel': ['xls'],
};
const allowedTypes = Object.keys(extensionsOf) as FileContentType[];
/** The same limit as the API's (lib/domain/attachment-rules.ts's maxAttachmentBytes). */
export const maxFileBytes = 25 * 1024 * 1024;
const accept = [...allowedTypes, ...Object.values(extensionsOf).flatMap((extensions) => extensions.map((extension) => `.${extension}`))].join(',');

/** The allowed type of a file: what the browser says, else what its extension says (browsers leave `.md` or `.csv` untyped, or type a ZIP their own way). */
export const contentTypeOf = (file: { name: string; type: string }): FileContentType | undefined => {
  if ((allowedTypes as string[]).includes(file.type)) return file.type as FileContentType;
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase();
  return extension ? allowedTypes.find((type) => extensionsOf[type].includes(extension)) : undefined;
};

/** A size as people read it: 820 B, 12 kB, 3.4 MB (Czech with a decimal comma). */
export const formatSize = (bytes: number, language: Language): string => {
  const number = (value: number, digits: number) => new Intl.NumberFormat(language === 'cs' ? 'cs-CZ' : 'en-GB', { maximumFractionDigits: digits }).format(value);
  if (bytes < 1000) return `${number(bytes, 0)} B`;
  if (bytes < 1000 * 1000) return `${number(bytes / 1000, bytes < 10_000 ? 1 : 0)} kB`;
  return `${number(bytes / 1000 / 1000, 1)} MB`;
};

const words: Words<
  | 'files'
  | 'choose'
  | 'hint'
  | 'waiting'
  | 'uploading'
  | 'confirming'
  | 'scanning'
  | 'done'
  | 'progressOf'
  | 'type'
  | 'size'
  | 'empty'
  | 'store'
  | 'badFile'
  | 'retry'
  | 'remove'
  | 'removeOf'
  | 'retryOf'
  | 'infected'
  | 'infectedUnnamed'
  | 'unscannable'
  | 'overdue'
  | 'checkAgain'
  | 'checkAgainOf'
  | 'announceScanning'
  | 'announceDone'
  | 'announceRefused'
  | 'announceFailed'
  | 'announceInfected'
  | 'announceUnscannable'
  | 'announceOverdue'
> = {
  en: {
    files: 'Files',
    choose: 'Choose files',
    hint: 'Or drop them here. PDF, images (PNG, JPEG, GIF, WebP), text, CSV, Markdown, ZIP, Word, Excel, PowerPoint and OpenDocument files, at most 25 MB each.',
    waiting: 'Sent once you file the request',
    uploading: 'Uploading: {percent} %',
    confirming: 'Finishing the upload…',
    scanning: 'Checking for malware…',
    done: 'Uploaded and checked',
    progressOf: 'Upload of {name}',
    type: 'This type of file cannot be attached. Send it as PDF, an image, a text or office document, or in a ZIP.',
    size: 'This file is larger than 25 MB, so it cannot be attached. Send a smaller one, or put it in a ZIP.',
    empty: 'This file is empty, so there is nothing to attach.',
    store: 'The file store did not take the file ({status}). Try again.',
    badFile: 'The Helpdesk did not take this file (its name, type or size). Check it and try again.',
    retry: 'Try again',
    remove: 'Remove',
    removeOf: 'Remove {name}',
    retryOf: 'Try {name} again',
    infected: 'This file contains malware ({threat}); it was removed. Send a clean copy.',
    infectedUnnamed: 'This file contains malware; it was removed. Send a clean copy.',
    unscannable: 'This file could not be checked for malware (an encrypted archive?). Send it unencrypted.',
    overdue: 'The check is taking longer than usual. Check again in a while, or remove the file.',
    checkAgain: 'Check again',
    checkAgainOf: 'Check {name} again',
    announceScanning: '{name} uploaded; checking it for malware.',
    announceDone: '{name} is checked and ready to send.',
    announceRefused: '{name} cannot be attached.',
    announceFailed: '{name} was not uploaded.',
    announceInfected: '{name} contains malware and was removed.',
    announceUnscannable: '{name} could not be checked for malware.',
    announceOverdue: 'The check of {name} is taking longer than usual.',
  },
  cs: {
    files: 'Soubory',
    choose: 'Vybrat soubory',
    hint: 'Nebo je sem přetáhněte. PDF, obrázky (PNG, JPEG, GIF, WebP), text, CSV, Markdown, ZIP, soubory Word, Excel, PowerPoint a OpenDocument, každý nejvýše 25 MB.',
    waiting: 'Odešle se s podáním požadavku',
    uploading: 'Nahrávám: {percent} %',
    confirming: 'Dokončuji nahrávání…',
    scanning: 'Kontroluji na malware…',
    done: 'Nahráno a zkontrolováno',
    progressOf: 'Nahrávání souboru {name}',
    type: 'Tento typ souboru nelze přiložit. Pošlete ho jako PDF, obrázek, textový či kancelářský dokument, nebo v ZIPu.',
    size: 'Soubor je větší než 25 MB, takže ho nelze přiložit. Pošlete menší, nebo ho zabalte do ZIPu.',
    empty: 'Soubor je prázdný, není co přiložit.',
    store: 'Úložiště souborů soubor nepřijalo ({status}). Zkuste to znovu.',
    badFile: 'Helpdesk tento soubor nepřijal (jeho název, typ nebo velikost). Zkontrolujte ho a zkuste to znovu.',
    retry: 'Zkusit znovu',
    remove: 'Odebrat',
    removeOf: 'Odebrat {name}',
    retryOf: 'Zkusit znovu {name}',
    infected: 'Tento soubor obsahuje malware ({threat}); byl odstraněn. Pošlete čistou kopii.',
    infectedUnnamed: 'Tento soubor obsahuje malware; byl odstraněn. Pošlete čistou kopii.',
    unscannable: 'Tento soubor nešlo zkontrolovat na malware (není to zašifrovaný archiv?). Pošlete ho nezašifrovaný.',
    overdue: 'Kontrola trvá déle než obvykle. Zkuste to za chvíli znovu, nebo soubor odeberte.',
    checkAgain: 'Zkontrolovat znovu',
    checkAgainOf: 'Zkontrolovat znovu {name}',
    announceScanning: '{name} je nahrán; kontroluji ho na malware.',
    announceDone: '{name} je zkontrolován a připraven k odeslání.',
    announceRefused: '{name} nelze přiložit.',
    announceFailed: '{name} se nenahrál.',
    announceInfected: '{name} obsahuje malware a byl odstraněn.',
    announceUnscannable: '{name} nešlo zkontrolovat na malware.',
    announceOverdue: 'Kontrola souboru {name} trvá déle než obvykle.',
  },
};

type Refusal = 'type' | 'size' | 'empty';

/**
 * One picked file and how far it got. `refused`: checked here and never sent; `failed`: sending it
 * went wrong, it can be tried again; `scanning`: confirmed, and the malware scan has not answered
 * yet (since `scanSince`; `overdue` once waited for too long); `done`: confirmed and clean, the
 * only state a message may cite; `blocked`: the scan found malware (`infected`) or could not read
 * it (`failed`), so it is never sent.
 */
export interface Upload {
  key: string;
  file: File;
  contentType: FileContentType | undefined;
  state: 'waiting' | 'uploading' | 'confirming' | 'scanning' | 'done' | 'blocked' | 'refused' | 'failed';
  progress: number;
  refusal?: Refusal;
  problem?: ApiProblem;
  storeStatus?: number;
  attachment?: Schemas['Attachment'];
  scanSince?: number;
  overdue?: boolean;
}

type AnnouncementKey = 'announceScanning' | 'announceDone' | 'announceRefused' | 'announceFailed' | 'announceInfected' | 'announceUnscannable' | 'announceOverdue';
interface Announcement {
  key: AnnouncementKey;
  name: string;
}

class StoreRefusal extends Error {
  constructor(readonly status: number) {
    super(`the file store answered ${status}`);
  }
}

const refusalOf = (file: File, contentType: FileContentType | undefined): Refusal | undefined =>
  contentType === undefined ? 'type' : file.size > maxFileBytes ? 'size' : file.size === 0 ? 'empty' : undefined;

/** The presigned POST: its fields, then the file as `file`, with upload progress in percent. */
const postToStore = (upload: Schemas['UploadTicket']['upload'], body: Blob, onProgress: (percent: number) => void) =>
  new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', upload.url);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(100, Math.round((event.loaded / event.total) * 100)));
    };
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new StoreRefusal(xhr.status)));
    xhr.onerror = () => reject(new StoreRefusal(0));
    xhr.onabort = () => reject(new StoreRefusal(0));
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    form.append('file', body, 'upload');
    xhr.send(form);
  });

/** A confirmed file as its scan left it: `done` once clean, `blocked` once found unsafe or unreadable, else still `scanning`. */
const afterScan = (item: Upload, attachment: Schemas['Attachment']): Upload => {
  if (attachment.scan === 'clean') return { ...item, state: 'done', attachment, overdue: false };
  if (attachment.scan === 'infected' || attachment.scan === 'failed') return { ...item, state: 'blocked', attachment, overdue: false };
  return { ...item, state: 'scanning', attachment };
};

const announcementOf = (item: Upload): AnnouncementKey | undefined =>
  item.state === 'done' ? 'announceDone' : item.state === 'blocked' ? (item.attachment?.scan === 'infected' ? 'announceInfected' : 'announceUnscannable') : item.overdue ? 'announceOverdue' : undefined;

let counter = 0;

/** How a set of uploads is announced to the API. */
export interface UploadOptions {
  /** Agency-only files (`internal: true`): for an internal note; the API lists them, and lets them be opened, to staff only. */
  internal?: boolean;
}

/**
 * The files picked for one message or one new request. With `requestId`, each file is uploaded
 * as soon as it is picked; without (a request not filed yet), files wait for `uploadAll`. Every
 * file of one set is announced alike (`internal`), so a set is for one kind of message only.
 *
 * A confirmed file is checked for malware before anyone may be sent it: while any file of the set
 * is being checked, the request's files are read again (one call for all of them; see
 * scan-schedule.ts for how often), until each is clean or blocked, or waited for too long (then
 * "Check again" starts waiting anew). Nothing is read once the component is gone.
 */
export const useUploads = (requestId?: string, { internal = false }: UploadOptions = {}) => {
  const { api } = useContext(AppContext);
  const [items, setItems] = useState<Upload[]>([]);
  const [announcements, setAnnouncements] = useState<Announcement[]>([]);
  const [checks, setChecks] = useState(0);
  const target = useRef(requestId);
  if (requestId) target.current = requestId;
  const current = useRef(items);
  current.current = items;

  const announce = (key: AnnouncementKey, name: string) => setAnnouncements([{ key, name }]);
  const update = (key: string, change: Partial<Upload>) => setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));

  const send = async (item: Upload, to: string): Promise<Schemas['Attachment'] | undefined> => {
    const contentType = item.contentType;
    if (!contentType) return undefined;
    update(item.key, { state: 'uploading', progress: 0, problem: undefined, storeStatus: undefined });
    try {
      const ticket = await must(
        api.POST('/requests/{requestId}/attachments', { params: { path: { requestId: to } }, body: { fileName: item.file.name, size: item.file.size, contentType, internal } }),
      );
      await postToStore(ticket.upload, item.file.slice(0, item.file.size, contentType), (progress) => update(item.key, { progress }));
      update(item.key, { state: 'confirming', progress: 100 });
      const attachment = await must(
        api.POST('/requests/{requestId}/attachments/{attachmentId}/confirm', { params: { path: { requestId: to, attachmentId: ticket.attachment.attachmentId } } }),
      );
      // Its malware check starts now: the answer says `pending` (unless the scanner was quicker).
      const checked = afterScan({ ...item, progress: 100, scanSince: Date.now(), overdue: false }, attachment);
      update(item.key, { state: checked.state, attachment, progress: 100, scanSince: checked.scanSince, overdue: false });
      announce(announcementOf(checked) ?? 'announceScanning', item.file.name);
      return attachment;
    } catch (error) {
      if (error instanceof ApiRefusal) update(item.key, { state: 'failed', problem: error.problem });
      else if (error instanceof StoreRefusal) update(item.key, { state: 'failed', storeStatus: error.status });
      else throw error;
      announce('announceFailed', item.file.name);
      return undefined;
    }
  };

  // The files being checked and not yet waited for too long: read again on a timer while there are any.
  const watched = items.filter((item) => item.state === 'scanning' && !item.overdue && item.attachment);
  const watchKey = watched.map((item) => item.key).join(' ');
  useEffect(() => {
    const to = target.current;
    if (!watchKey || !to) return;
    let live = true;
    const youngest = Math.max(...watched.map((item) => item.scanSince ?? 0));
    const check = async () => {
      let listed: Schemas['Attachment'][] | undefined;
      try {
        listed = await must(api.GET('/requests/{requestId}/attachments', { params: { path: { requestId: to } } }));
      } catch (error) {
        // A refused or lost read is tried again on the next tick, until the check is overdue.
        if (!(error instanceof ApiRefusal)) throw error;
      }
      if (!live) return;
      const byId = new Map((listed ?? []).map((attachment) => [attachment.attachmentId, attachment]));
      const now = Date.now();
      const decide = (item: Upload): Upload => {
        if (item.state !== 'scanning' || item.overdue || !item.attachment) return item;
        const found = byId.get(item.attachment.attachmentId);
        const after = found ? afterScan(item, found) : item;
        return after.state === 'scanning' && checkOverdue(item.scanSince ?? 0, now) ? { ...after, overdue: true } : after;
      };
      const changed = current.current.flatMap((item): Announcement[] => {
        const key = item.state === 'scanning' && !item.overdue ? announcementOf(decide(item)) : undefined;
        return key ? [{ key, name: item.file.name }] : [];
      });
      setItems((list) => list.map(decide));
      if (changed.length > 0) setAnnouncements(changed);
      setChecks((count) => count + 1);
    };
    const timer = setTimeout(() => void check(), nextCheckIn(youngest, Date.now()));
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [watchKey, checks]);

  const add = (files: Iterable<File>) => {
    const added = [...files].map((file): Upload => {
      const contentType = contentTypeOf(file);
      const refusal = refusalOf(file, contentType);
      counter += 1;
      return { key: `file-${counter}`, file, contentType, state: refusal ? 'refused' : 'waiting', progress: 0, ...(refusal ? { refusal } : {}) };
    });
    if (added.length === 0) return;
    setItems((list) => [...list, ...added]);
    const refused = added.find((item) => item.state === 'refused');
    if (refused) announce('announceRefused', refused.file.name);
    if (requestId) for (const item of added) if (item.state === 'waiting') void send(item, requestId);
  };

  const retry = (key: string) => {
    const item = current.current.find((candidate) => candidate.key === key);
    if (item && target.current && item.state === 'failed') void send(item, target.current);
  };

  /** Waits for a file's check anew: after it was waited for too long, or when the API said a file was not clean after all. */
  const checkAgain = (keys: readonly string[]) =>
    setItems((list) => list.map((item) => (keys.includes(item.key) && item.attachment && (item.state === 'scanning' || item.state === 'done') ? { ...item, state: 'scanning', overdue: false, scanSince: Date.now() } : item)));

  /** The API refused to cite these files (a 409: their scan is not what this page last read): read their state again. */
  const recheck = (attachmentIds: readonly string[]) =>
    checkAgain(current.current.filter((item) => item.attachment && attachmentIds.includes(item.attachment.attachmentId)).map((item) => item.key));

  const remove = (key: string) => setItems((list) => list.filter((item) => item.key !== key || item.state === 'uploading' || item.state === 'confirming'));

  /**
   * Uploads every file still waiting or failed to `to`. Answers the ids of all confirmed files (being
   * checked or clean), and whether every file that may be sent was confirmed; their check goes on.
   */
  const uploadAll = async (to: string): Promise<{ attachmentIds: string[]; complete: boolean }> => {
    target.current = to;
    const before = current.current;
    const uploaded = before.flatMap((item) => ((item.state === 'done' || item.state === 'scanning') && item.attachment ? [item.attachment.attachmentId] : []));
    const results = await Promise.all(before.filter((item) => item.state === 'waiting' || item.state === 'failed').map((item) => send(item, to)));
    const sent = results.flatMap((attachment) => (attachment ? [attachment.attachmentId] : []));
    return { attachmentIds: [...uploaded, ...sent], complete: results.every(Boolean) && !before.some((item) => item.state === 'uploading' || item.state === 'confirming') };
  };

  // Only clean files are ever cited: a file still being checked, or blocked, never is.
  const doneIds = items.flatMap((item) => (item.state === 'done' && item.attachment ? [item.attachment.attachmentId] : []));
  const uploading = items.some((item) => item.state === 'uploading' || item.state === 'confirming');
  const scanning = items.some((item) => item.state === 'scanning');
  return {
    items,
    add,
    retry,
    remove,
    checkAgain: (key: string) => checkAgain([key]),
    recheck,
    uploadAll,
    /** Forgets every file (after the message citing them was sent). */
    clear: () => setItems([]),
    doneIds,
    /** Why what cites these files must wait: a file is on its way (`uploading`), or being checked for malware (`scanning`). */
    waitingFor: uploading ? ('uploading' as const) : scanning ? ('scanning' as const) : undefined,
    /** Some file is on its way or being checked: wait before sending what cites them. */
    busy: uploading || scanning,
    /** Some file's upload went wrong: try it again or remove it before sending. */
    failed: items.some((item) => item.state === 'failed'),
    /** Files that may still be sent (not refused here, nor found unsafe). */
    sendable: items.filter((item) => item.state !== 'refused' && item.state !== 'blocked'),
    announcements,
  };
};

export type Uploads = ReturnType<typeof useUploads>;

/**
 * The file picker: a button (the keyboard's way, and the first one) that opens the browser's file
 * chooser, a zone files can be dropped on, and each file's state: a progress bar while it
 * uploads, then being checked for malware, then done; or a sentence saying why it was refused,
 * failed or blocked, with Try again / Check again / Remove. Each change of state is announced.
 */
export const FileUpload = ({ uploads, label }: { uploads: Uploads; label?: string }) => {
  const { language } = useContext(AppContext);
  const t = useWords(words);
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const problemSentence = (item: Upload): string | undefined => {
    if (item.state === 'refused' && item.refusal) return t(item.refusal);
    if (item.state === 'blocked') {
      if (item.attachment?.scan !== 'infected') return t('unscannable');
      return item.attachment.threat ? t('infected', { threat: item.attachment.threat }) : t('infectedUnnamed');
    }
    if (item.state !== 'failed') return undefined;
    if (item.problem) return item.problem.status === 400 ? t('badFile') : sentenceOf(item.problem, language).sentence;
    return item.storeStatus ? t('store', { status: item.storeStatus }) : sentenceOf({ status: 0, code: 'network', message: '', details: [] }, language).sentence;
  };
  const stateText = (item: Upload): string => {
    switch (item.state) {
      case 'waiting':
        return t('waiting');
      case 'uploading':
        return t('uploading', { percent: item.progress });
      case 'confirming':
        return t('confirming');
      case 'scanning':
        return t('scanning');
      case 'done':
        return t('done');
      default:
        return '';
    }
  };

  return (
    <div class="file-upload" role="group" aria-labelledby={`${id}-label`}>
      <p class="file-upload-label" id={`${id}-label`}>
        {label ?? t('files')}
      </p>
      <div
        class={dragging ? 'drop-zone dragging' : 'drop-zone'}
        onDragOver={(event) => {
          event.preventDefault();
          if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          if (event.dataTransfer?.files) uploads.add(event.dataTransfer.files);
        }}
      >
        <button type="button" class="secondary" aria-describedby={`${id}-hint`} onClick={() => input.current?.click()}>
          {t('choose')}
        </button>
        <p class="hint" id={`${id}-hint`}>
          {t('hint')}
        </p>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          accept={accept}
          onChange={(event) => {
            const picked = event.currentTarget.files;
            if (picked) uploads.add([...picked]);
            event.currentTarget.value = '';
          }}
        />
      </div>
      {uploads.items.length > 0 && (
        <ul class="file-list">
          {uploads.items.map((item) => {
            const problem = problemSentence(item);
            const showsProgress = item.state === 'uploading' || item.state === 'confirming' || item.state === 'scanning' || item.state === 'done';
            const removable = item.state === 'failed' || item.state === 'waiting' || item.state === 'refused' || item.state === 'blocked' || item.state === 'scanning';
            return (
              <li key={item.key} class={`file file-${item.state}`}>
                <span class="file-name">{item.file.name}</span>
                <span class="file-size">{formatSize(item.file.size, language)}</span>
                {showsProgress && (
                  <span class="file-progress">
                    <progress max={100} value={item.progress} aria-label={t('progressOf', { name: item.file.name })} />
                    <span class="file-percent" aria-hidden="true">
                      {item.progress} %
                    </span>
                  </span>
                )}
                {stateText(item) && <span class="file-state">{stateText(item)}</span>}
                {problem && <p class="file-problem">{problem}</p>}
                {item.state === 'scanning' && item.overdue && <p class="file-overdue">{t('overdue')}</p>}
                {removable && (
                  <span class="file-actions">
                    {item.state === 'scanning' && item.overdue && (
                      <button type="button" class="secondary small" aria-label={t('checkAgainOf', { name: item.file.name })} onClick={() => uploads.checkAgain(item.key)}>
                        {t('checkAgain')}
                      </button>
                    )}
                    {item.state === 'failed' && (
                      <button type="button" class="secondary small" aria-label={t('retryOf', { name: item.file.name })} onClick={() => uploads.retry(item.key)}>
                        {t('retry')}
                      </button>
                    )}
                    <button type="button" class="secondary small" aria-label={t('removeOf', { name: item.file.name })} onClick={() => uploads.remove(item.key)}>
                      {t('remove')}
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p class="visually-hidden" aria-live="polite">
        {uploads.announcements.map((announcement) => t(announcement.key, { name: announcement.name })).join(' ')}
      </p>
    </div>
  );
};

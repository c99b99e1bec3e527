import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { refusalOf, must, type ApiProblem, type Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useDraft } from '../../drafts.js';
import { useWords, type Words } from '../../i18n.js';
import { fieldProblems } from '../../problems.js';
import { isAgency } from '../../roles.js';
import { AttachmentList, listedFile, type ListedFile } from '../../ui/attachment-list.js';
import { Field } from '../../ui/field.js';
import { FileUpload, useUploads } from '../../ui/file-upload.js';
import { MarkdownEditor } from '../../ui/markdown-editor.js';
import { MarkdownView } from '../../ui/markdown-view.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { RequestContext } from './request-context.js';
import './communication-tab.css';

const words: Words<
  | 'message'
  | 'send'
  | 'sending'
  | 'empty'
  | 'loading'
  | 'system'
  | 'created'
  | 'status'
  | 'file'
  | 'invited'
  | 'removed'
  | 'offer'
  | 'order'
  | 'reminder'
  | 'flagged'
  | 'undeliverable'
  | 'assigned'
  | 'unassigned'
  | 'ranked'
  | 'other'
  | 'attach'
  | 'attachInternal'
  | 'filesOnly'
  | 'noteFilesOnly'
  | 'unsent'
  | 'uploadingWait'
  | 'scanWait'
  | 'fileNotClean'
  | 'blockedInfected'
  | 'blockedInfectedUnnamed'
  | 'blockedUnscannable'
  | 'mode'
  | 'toClient'
  | 'internalNote'
  | 'messageLabel'
  | 'noteLabel'
  | 'messageHint'
  | 'noteHint'
  | 'sendToClient'
  | 'saveNote'
  | 'saving'
  | 'agencyEntry'
> = {
  en: {
    message: 'Your message',
    send: 'Send',
    sending: 'Sending…',
    empty: 'No messages yet.',
    loading: 'Loading the messages…',
    system: 'Helpdesk',
    created: 'filed the request',
    status: 'Status: {status}',
    file: 'added a file',
    invited: 'invited someone to the request',
    removed: 'removed someone from the request',
    offer: 'posted an offer',
    order: 'The order was issued',
    reminder: 'Reminder',
    flagged: 'A payment needs attention',
    undeliverable: 'A mail could not be delivered',
    assigned: 'assigned the request to {name}',
    unassigned: 'left the request unassigned',
    ranked: 'changed the priority',
    other: 'Changed the request',
    attach: 'Attach files',
    attachInternal: 'Attach internal files – the client does not see them',
    filesOnly: 'Sending files.',
    noteFilesOnly: 'Files for the agency.',
    unsent: 'Some files were not uploaded: try them again or remove them, then send.',
    uploadingWait: 'Wait until the files are uploaded, then send.',
    scanWait: 'Waiting for the file check…',
    fileNotClean: 'Nothing was sent: {name} has not passed the malware check yet. It is being checked again; send once it is ready. What you wrote is kept.',
    blockedInfected: 'The file {fileName} contains malware ({threat}) and was removed from reach.',
    blockedInfectedUnnamed: 'The file {fileName} contains malware and was removed from reach.',
    blockedUnscannable: 'The file {fileName} could not be checked for malware and can’t be opened.',
    mode: 'What you write',
    toClient: 'Message to the client',
    internalNote: 'Internal note',
    messageLabel: 'Your message to the client',
    noteLabel: 'Internal note – the client does not see this',
    messageHint: 'The client and everyone invited to the request read it, and get it by mail.',
    noteHint: 'Only the agency reads it, and only the agency sees the files attached to it.',
    sendToClient: 'Send to the client',
    saveNote: 'Save internal note',
    saving: 'Saving…',
    agencyEntry: 'Agency only – the client does not see this',
  },
  cs: {
    message: 'Vaše zpráva',
    send: 'Odeslat',
    sending: 'Odesílám…',
    empty: 'Zatím žádné zprávy.',
    loading: 'Načítám zprávy…',
    system: 'Helpdesk',
    created: 'podal(a) požadavek',
    status: 'Stav: {status}',
    file: 'přidal(a) soubor',
    invited: 'pozval(a) někoho k požadavku',
    removed: 'odebral(a) někoho z požadavku',
    offer: 'poslal(a) nabídku',
    order: 'Objednávka byla vystavena',
    reminder: 'Připomínka',
    flagged: 'Platba vyžaduje pozornost',
    undeliverable: 'E-mail se nepodařilo doručit',
    assigned: 'přidělil(a) požadavek: {name}',
    unassigned: 'zrušil(a) přidělení požadavku',
    ranked: 'změnil(a) prioritu',
    other: 'Změnil(a) požadavek',
    attach: 'Přiložit soubory',
    attachInternal: 'Přiložit interní soubory – klient je nevidí',
    filesOnly: 'Posílám soubory.',
    noteFilesOnly: 'Soubory pro agenturu.',
    unsent: 'Některé soubory se nenahrály: zkuste je znovu nebo je odeberte, pak odešlete.',
    uploadingWait: 'Počkejte, až se soubory nahrají, pak odešlete.',
    scanWait: 'Čekám na kontrolu souborů…',
    fileNotClean: 'Nic se neodeslalo: soubor {name} ještě neprošel kontrolou na malware. Kontroluje se znovu; odešlete, až bude připraven. Co jste napsali, zůstává.',
    blockedInfected: 'Soubor {fileName} obsahuje malware ({threat}), proto byl odstraněn a nelze ho otevřít.',
    blockedInfectedUnnamed: 'Soubor {fileName} obsahuje malware, proto byl odstraněn a nelze ho otevřít.',
    blockedUnscannable: 'Soubor {fileName} nešlo zkontrolovat na malware, a proto ho nelze otevřít.',
    mode: 'Co píšete',
    toClient: 'Zpráva klientovi',
    internalNote: 'Interní poznámka',
    messageLabel: 'Vaše zpráva klientovi',
    noteLabel: 'Interní poznámka – klient ji nevidí',
    messageHint: 'Čte ji klient a všichni pozvaní k požadavku a dostanou ji e-mailem.',
    noteHint: 'Čte ji jen agentura a jen agentura vidí i soubory k ní přiložené.',
    sendToClient: 'Odeslat klientovi',
    saveNote: 'Uložit interní poznámku',
    saving: 'Ukládám…',
    agencyEntry: 'Jen pro agenturu – klient to nevidí',
  },
};

type Entry = Schemas['TimelineEntry'];
type Mode = 'message' | 'internal';

/** A page of the timeline as read: the cursor it was read from (none for the first) and its entries. */
interface Page {
  from?: string;
  items: Entry[];
}

/** The timeline is read 100 entries at a time, every page, up to this many (10,000 entries). */
const pageLimit = 100;
const maxPages = 100;

/**
 * The Communication tab: the request's timeline, oldest first, and the composer under it.
 *
 * The whole timeline shows: every page is read (the API pages it oldest first, so the newest
 * entries are on the last page). A refresh reads again from the start of the last page held, so
 * what was added since appears without reading the whole timeline again.
 *
 * Agency staff write either a message to the client or an internal note, two modes that look and
 * read differently (the composer's colour, its label and its button), each with its own draft and
 * its own files: a note's are uploaded as internal (agency-only) attachments, a message's as the
 * client's, and neither set is ever sent with the other mode. The timeline marks the entries only
 * the agency sees. A client never gets those from the API.
 */
export const CommunicationTab = () => {
  const { api, language, me } = useContext(AppContext);
  // The statuses in the page's side's words: the agency's timeline says "In the client's review".
  const { request, reload, refreshed, statusWords } = useContext(RequestContext);
  const t = useWords(words);
  const status = useWords(statusWords);
  const staff = isAgency(me);
  // The timeline as read, for the request it was read for: until then it is being read, not empty.
  const [timeline, setTimeline] = useState<{ requestId: string; pages: Page[] }>();
  const held = useRef<{ requestId: string; pages: Page[] }>({ requestId: request.requestId, pages: [] });
  const shownId = useRef(request.requestId);
  shownId.current = request.requestId;
  const [problem, setProblem] = useState<ApiProblem>();
  // A file the API would not cite (a 409: its check is not what this page last read), by name.
  const [notClean, setNotClean] = useState<string>();
  const [mode, setMode] = useDraft<Mode>(`composer-mode.${request.requestId}`, 'message');
  const internal = staff && mode === 'internal';
  const [message, setMessage, clearMessage] = useDraft(`message.${request.requestId}`, '');
  const [note, setNote, clearNote] = useDraft(`internal-note.${request.requestId}`, '');
  const [text, setText, clearText] = internal ? [note, setNote, clearNote] : [message, setMessage, clearMessage];
  const [sending, setSending] = useState(false);
  const [files, setFiles] = useState<Map<string, Schemas['Attachment']>>(new Map());
  // One set of files per mode: the API takes a note's files as internal only when announced so.
  const messageUploads = useUploads(request.requestId);
  const noteUploads = useUploads(request.requestId, { internal: true });
  const uploads = internal ? noteUploads : messageUploads;
  const fields = fieldProblems(problem);

  const loadFiles = async () => {
    try {
      const list = await must(api.GET('/requests/{requestId}/attachments', { params: { path: { requestId: request.requestId } } }));
      setFiles(new Map(list.map((file) => [file.attachmentId, file])));
    } catch (error) {
      setProblem(refusalOf(error));
    }
  };

  const load = async () => {
    const { requestId } = request;
    // The pages held before the last one stand; the last one may have grown, and more may follow it.
    const kept = held.current.requestId === requestId ? held.current.pages.slice(0, -1) : [];
    let from = held.current.requestId === requestId ? held.current.pages.at(-1)?.from : undefined;
    const read: Page[] = [];
    try {
      for (let page = kept.length; page < maxPages; page++) {
        const answer = await must(api.GET('/requests/{requestId}/timeline', { params: { path: { requestId }, query: { limit: String(pageLimit), ...(from ? { cursor: from } : {}) } } }));
        read.push({ ...(from ? { from } : {}), items: answer.items });
        from = answer.nextCursor;
        if (!from) break;
      }
    } catch (error) {
      setProblem(refusalOf(error));
      return;
    }
    // Another request's answer arriving late is not this one's.
    if (requestId !== shownId.current) return;
    held.current = { requestId, pages: [...kept, ...read] };
    setTimeline(held.current);
  };
  useEffect(() => {
    void load();
    void loadFiles();
  }, [request.requestId, request.version, refreshed]);

  const send = async (event: Event) => {
    event.preventDefault();
    setSending(true);
    try {
      // Files only: the message (or note) says so (the API asks for a body).
      const body = text.trim() ? text : internal ? t('noteFilesOnly') : t('filesOnly');
      await must(
        api.POST('/requests/{requestId}/messages', { params: { path: { requestId: request.requestId } }, body: { body, format: 'markdown', internal, attachmentIds: uploads.doneIds } }),
      );
      clearText();
      uploads.clear();
      setProblem(undefined);
      setNotClean(undefined);
      await Promise.all([load(), loadFiles(), reload()]);
    } catch (error) {
      const refusal = refusalOf(error);
      // The API names the file it would not cite: say so, and read the files' checks again.
      const refused = refusal.status === 409 ? uploads.items.find((item) => item.attachment && refusal.message.includes(item.attachment.attachmentId)) : undefined;
      if (refused?.attachment) {
        setNotClean(refused.file.name);
        setProblem(undefined);
        uploads.recheck([refused.attachment.attachmentId]);
      } else {
        setNotClean(undefined);
        setProblem(refusal);
      }
    } finally {
      setSending(false);
    }
  };

  const when = (iso: string) => new Date(iso).toLocaleString(language === 'cs' ? 'cs-CZ' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const summary = (entry: Entry): string => {
    switch (entry.kind) {
      case 'request_created':
        return t('created');
      case 'status_changed': {
        const to = entry.details?.to;
        return to && to in statusWords.en ? t('status', { status: status(to as keyof typeof statusWords.en) }) : t('other');
      }
      case 'attachment_added':
        return entry.details?.fileName ? `${t('file')}: ${entry.details.fileName}` : t('file');
      case 'participant_invited':
        return t('invited');
      case 'participant_removed':
        return t('removed');
      case 'assignee_changed':
        return entry.details?.toName ? t('assigned', { name: entry.details.toName }) : t('unassigned');
      case 'rank_changed':
        return t('ranked');
      case 'offer_posted':
        return t('offer');
      case 'order_issued':
        return t('order');
      case 'offer_reminder':
      case 'payment_reminder':
      case 'review_reminder':
        return t('reminder');
      case 'payment_flagged':
        return t('flagged');
      case 'mail_undeliverable':
        return t('undeliverable');
      case 'attachment_blocked': {
        const fileName = entry.details?.fileName ?? files.get(entry.attachmentIds?.[0] ?? '')?.fileName ?? '';
        if (entry.details?.verdict === 'failed') return t('blockedUnscannable', { fileName });
        return entry.details?.threat ? t('blockedInfected', { fileName, threat: entry.details.threat }) : t('blockedInfectedUnnamed', { fileName });
      }
      default:
        return t('other');
    }
  };
  /** Written by a person as the entry itself (a message, a note); any other entry is a change, summed up, with its note if it has one. */
  const written = (entry: Entry) => (entry.kind === 'message' || entry.kind === 'internal_note') && entry.body !== undefined;
  // Oldest first, as a conversation reads (and as the API pages it).
  const pages = timeline?.requestId === request.requestId ? timeline.pages : undefined;
  const shown = pages?.flatMap((page) => page.items) ?? [];
  /** A message or an internal note: the files it cites are listed with it. */
  const cites = (entry: Entry) => entry.kind === 'message' || entry.kind === 'internal_note';
  const cited = new Set(shown.flatMap((entry) => (cites(entry) ? (entry.attachmentIds ?? []) : [])));
  /**
   * A message's (or note's) files by the request's list, with their malware check; a file's own
   * entry lists it only when no message shown cites it (else it is listed there). A blocked file's
   * entry names it in its sentence and lists nothing more.
   */
  const filesOf = (entry: Entry): ListedFile[] =>
    (entry.kind === 'attachment_blocked' ? [] : (entry.attachmentIds ?? [])).flatMap((attachmentId) => {
      if (!cites(entry) && cited.has(attachmentId)) return [];
      const file = files.get(attachmentId);
      if (file) return [listedFile(file)];
      if (entry.kind === 'attachment_added' && entry.details?.fileName) return [{ attachmentId, fileName: entry.details.fileName, ...(entry.details.size ? { size: Number(entry.details.size) } : {}) }];
      return [];
    });
  const canSend = (text.trim() !== '' || uploads.doneIds.length > 0) && !uploads.busy && !uploads.failed;
  const waitId = `composer-wait-${request.requestId}`;
  const label = !staff ? t('message') : internal ? t('noteLabel') : t('messageLabel');
  const button = sending ? (internal ? t('saving') : t('sending')) : !staff ? t('send') : internal ? t('saveNote') : t('sendToClient');

  return (
    <section class="communication">
      <ProblemBox problem={problem} />
      {!pages && !problem && (
        <p class="muted" aria-busy="true">
          {t('loading')}
        </p>
      )}
      {pages && shown.length === 0 && <p class="muted">{t('empty')}</p>}
      <ol class="timeline">
        {shown.map((entry) => (
          <li key={entry.entryId} class={`entry entry-${entry.kind}${entry.visibility === 'agency' ? ' entry-internal' : ''}`}>
            {entry.visibility === 'agency' && <p class="internal-label">{entry.kind === 'internal_note' ? t('noteLabel') : t('agencyEntry')}</p>}
            <p class="entry-head">
              <strong>{entry.actorType === 'system' ? t('system') : entry.actorName}</strong> <time dateTime={entry.createdAt}>{when(entry.createdAt)}</time>
            </p>
            {written(entry) ? (
              <MarkdownView source={entry.body!} format={entry.format ?? 'text'} />
            ) : (
              <>
                <p class="entry-summary">{summary(entry)}</p>
                {entry.body && <MarkdownView source={entry.body} format={entry.format ?? 'text'} />}
              </>
            )}
            <AttachmentList requestId={request.requestId} files={filesOf(entry)} onChanged={loadFiles} />
          </li>
        ))}
      </ol>
      <form class={`stack composer${staff ? ` composer-${internal ? 'internal' : 'message'}` : ''}`} onSubmit={send} noValidate>
        {staff && (
          <fieldset class="composer-mode">
            <legend class="visually-hidden">{t('mode')}</legend>
            {(['message', 'internal'] as const).map((choice) => (
              <label class={`mode-${choice}`}>
                <input type="radio" name={`composer-mode-${request.requestId}`} value={choice} checked={mode === choice} onChange={() => (setMode(choice), setProblem(undefined), setNotClean(undefined))} />
                <span>{choice === 'message' ? t('toClient') : t('internalNote')}</span>
              </label>
            ))}
          </fieldset>
        )}
        <Field label={label} problem={fields.get('body')} {...(staff ? { hint: internal ? t('noteHint') : t('messageHint') } : {})}>
          {(props) => (
            <MarkdownEditor
              brand={staff && !internal ? request.platform : undefined}
              key={internal ? 'internal' : 'message'}
              id={props.id}
              describedBy={props['aria-describedby']}
              invalid={props['aria-invalid'] === 'true'}
              rows={4}
              required={uploads.doneIds.length === 0}
              value={text}
              onInput={setText}
            />
          )}
        </Field>
        <FileUpload key={internal ? 'internal' : 'message'} uploads={uploads} label={internal ? t('attachInternal') : t('attach')} />
        {uploads.failed && <p class="field-problem">{t('unsent')}</p>}
        {notClean && (
          <div class="problem" role="alert">
            <p>{t('fileNotClean', { name: notClean })}</p>
          </div>
        )}
        <div class="actions">
          <button type="submit" class={internal ? 'internal' : 'primary'} disabled={sending || !canSend} {...(uploads.waitingFor ? { 'aria-describedby': waitId } : {})}>
            {button}
          </button>
          {uploads.waitingFor && (
            <p class="hint composer-wait" id={waitId}>
              {uploads.waitingFor === 'scanning' ? t('scanWait') : t('uploadingWait')}
            </p>
          )}
        </div>
      </form>
    </section>
  );
};

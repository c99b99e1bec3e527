import { useContext, useEffect, useState } from 'preact/hooks';
import { refusalOf, must, type ApiProblem, type Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useDraft } from '../../drafts.js';
import { useWords, type Words } from '../../i18n.js';
import { fieldProblems } from '../../problems.js';
import { AttachmentList, type ListedFile } from '../../ui/attachment-list.js';
import { Field } from '../../ui/field.js';
import { FileUpload, useUploads } from '../../ui/file-upload.js';
import { MarkdownEditor } from '../../ui/markdown-editor.js';
import { MarkdownView } from '../../ui/markdown-view.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { RequestContext } from './request-context.js';

const words: Words<'message' | 'send' | 'sending' | 'older' | 'empty' | 'system' | 'created' | 'status' | 'file' | 'invited' | 'removed' | 'offer' | 'order' | 'reminder' | 'flagged' | 'undeliverable' | 'other' | 'attach' | 'filesOnly' | 'unsent' | 'uploadingWait'> = {
  en: {
    message: 'Your message',
    send: 'Send',
    sending: 'Sending…',
    older: 'Show older',
    empty: 'No messages yet.',
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
    other: 'Changed the request',
    attach: 'Attach files',
    filesOnly: 'Sending files.',
    unsent: 'Some files were not uploaded: try them again or remove them, then send.',
    uploadingWait: 'Wait until the files are uploaded, then send.',
  },
  cs: {
    message: 'Vaše zpráva',
    send: 'Odeslat',
    sending: 'Odesílám…',
    older: 'Zobrazit starší',
    empty: 'Zatím žádné zprávy.',
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
    other: 'Změnil(a) požadavek',
    attach: 'Přiložit soubory',
    filesOnly: 'Posílám soubory.',
    unsent: 'Některé soubory se nenahrály: zkuste je znovu nebo je odeberte, pak odešlete.',
    uploadingWait: 'Počkejte, až se soubory nahrají, pak odešlete.',
  },
};

type Entry = Schemas['TimelineEntry'];

/** The Communication tab: the request's timeline, oldest first, and the composer under it. */
export const CommunicationTab = () => {
  const { api, language } = useContext(AppContext);
  const { request, reload, refreshed } = useContext(RequestContext);
  const t = useWords(words);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [older, setOlder] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [text, setText, clearText] = useDraft(`message.${request.requestId}`, '');
  const [sending, setSending] = useState(false);
  const [files, setFiles] = useState<Map<string, Schemas['Attachment']>>(new Map());
  const uploads = useUploads(request.requestId);
  const fields = fieldProblems(problem);

  const loadFiles = async () => {
    try {
      const list = await must(api.GET('/requests/{requestId}/attachments', { params: { path: { requestId: request.requestId } } }));
      setFiles(new Map(list.map((file) => [file.attachmentId, file])));
    } catch (error) {
      setProblem(refusalOf(error));
    }
  };

  const load = async (cursor?: string) => {
    try {
      const page = await must(api.GET('/requests/{requestId}/timeline', { params: { path: { requestId: request.requestId }, query: cursor ? { cursor } : {} } }));
      setEntries((before) => (cursor ? [...before, ...page.items] : page.items));
      setOlder(page.nextCursor);
    } catch (error) {
      setProblem(refusalOf(error));
    }
  };
  useEffect(() => {
    void load();
    void loadFiles();
  }, [request.requestId, request.version, refreshed]);

  const send = async (event: Event) => {
    event.preventDefault();
    setSending(true);
    try {
      // Files only: the message says so (the API asks for a body).
      const body = text.trim() ? text : t('filesOnly');
      await must(api.POST('/requests/{requestId}/messages', { params: { path: { requestId: request.requestId } }, body: { body, format: 'markdown', internal: false, attachmentIds: uploads.doneIds } }));
      clearText();
      uploads.clear();
      setProblem(undefined);
      await Promise.all([load(), loadFiles(), reload()]);
    } catch (error) {
      setProblem(refusalOf(error));
    } finally {
      setSending(false);
    }
  };

  const when = (iso: string) => new Date(iso).toLocaleString(language === 'cs' ? 'cs-CZ' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const summary = (entry: Entry): string => {
    switch (entry.kind) {
      case 'request_created':
        return t('created');
      case 'attachment_added':
        return entry.details?.fileName ? `${t('file')}: ${entry.details.fileName}` : t('file');
      case 'participant_invited':
        return t('invited');
      case 'participant_removed':
        return t('removed');
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
      default:
        return t('other');
    }
  };
  // Oldest first, as a conversation reads (and as the API pages it).
  const shown = entries;
  const cited = new Set(shown.flatMap((entry) => (entry.kind === 'message' ? (entry.attachmentIds ?? []) : [])));
  /** A message's files by the request's list; a file's own entry lists it only when no message shown cites it (else it is listed there). */
  const filesOf = (entry: Entry): ListedFile[] =>
    (entry.attachmentIds ?? []).flatMap((attachmentId) => {
      if (entry.kind !== 'message' && cited.has(attachmentId)) return [];
      const file = files.get(attachmentId);
      if (file) return [{ attachmentId, fileName: file.fileName, size: file.size }];
      if (entry.kind === 'attachment_added' && entry.details?.fileName) return [{ attachmentId, fileName: entry.details.fileName, ...(entry.details.size ? { size: Number(entry.details.size) } : {}) }];
      return [];
    });
  const canSend = (text.trim() !== '' || uploads.doneIds.length > 0) && !uploads.busy && !uploads.failed;

  return (
    <section class="communication">
      <ProblemBox problem={problem} />
      {older && (
        <button type="button" class="secondary" onClick={() => void load(older)}>
          {t('older')}
        </button>
      )}
      {shown.length === 0 && <p class="muted">{t('empty')}</p>}
      <ol class="timeline">
        {shown.map((entry) => (
          <li key={entry.entryId} class={`entry entry-${entry.kind}`}>
            <p class="entry-head">
              <strong>{entry.actorType === 'system' ? t('system') : entry.actorName}</strong> <time dateTime={entry.createdAt}>{when(entry.createdAt)}</time>
            </p>
            {entry.kind === 'message' && entry.body !== undefined ? <MarkdownView source={entry.body} format={entry.format ?? 'text'} /> : <p class="entry-summary">{summary(entry)}</p>}
            <AttachmentList requestId={request.requestId} files={filesOf(entry)} />
          </li>
        ))}
      </ol>
      <form class="stack composer" onSubmit={send} noValidate>
        <Field label={t('message')} problem={fields.get('body')}>
          {(props) => (
            <MarkdownEditor id={props.id} describedBy={props['aria-describedby']} invalid={props['aria-invalid'] === 'true'} rows={4} required={uploads.doneIds.length === 0} value={text} onInput={setText} />
          )}
        </Field>
        <FileUpload uploads={uploads} label={t('attach')} />
        {uploads.busy && <p class="hint">{t('uploadingWait')}</p>}
        {uploads.failed && <p class="field-problem">{t('unsent')}</p>}
        <div class="actions">
          <button type="submit" class="primary" disabled={sending || !canSend}>
            {sending ? t('sending') : t('send')}
          </button>
        </div>
      </form>
    </section>
  );
};

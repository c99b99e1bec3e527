import { useContext, useRef, useState } from 'preact/hooks';
import { must, refusalOf, type ApiProblem, type Schemas } from '../../../api/client.js';
import { useDraft } from '../../../drafts.js';
import { useWords, type Words } from '../../../i18n.js';
import { Refusal, useApp } from '../../../pages/request/decision-kit.js';
import { RequestContext } from '../../../pages/request/request-context.js';
import { fieldProblems } from '../../../problems.js';
import { Field } from '../../../ui/field.js';
import { formatSize } from '../../../ui/file-upload.js';
import { MarkdownEditor } from '../../../ui/markdown-editor.js';
import { ScanBadge } from '../../../ui/scan-badge.js';
import { fieldReason } from '../../../field-reasons.js';

type Attachment = Schemas['Attachment'];
type Handover = Schemas['Handover'];

const words: Words<'title' | 'intro' | 'notes' | 'notesHint' | 'link' | 'linkHint' | 'files' | 'noFiles' | 'onlyClean' | 'internal' | 'submit' | 'sending'> = {
  en: {
    title: 'Hand over round {n} for review',
    intro: 'The client gets it by e-mail and has 7 days to accept it or ask for changes; without an answer it is deemed accepted.',
    notes: 'What was done and how to check it',
    notesHint: 'The client reads it on the request and in the e-mail.',
    link: 'Where to see it (optional)',
    linkHint: 'For example the staging site: https://…',
    files: 'Files of this request to hand over',
    noFiles: 'The request has no files the client sees. Upload them on the Communication tab to hand them over.',
    onlyClean: 'Only files checked for malware and found clean can be handed over.',
    internal: 'Internal files are not offered: the client would not see them.',
    submit: 'Hand over round {n}',
    sending: 'Handing over…',
  },
  cs: {
    title: 'Předat kolo {n} ke kontrole',
    intro: 'Klient ho dostane e-mailem a má 7 dní na převzetí nebo požadavek na úpravy; bez odpovědi se považuje za převzaté.',
    notes: 'Co se udělalo a jak to zkontrolovat',
    notesHint: 'Klient to čte u požadavku i v e-mailu.',
    link: 'Kde to najdete (nepovinné)',
    linkHint: 'Například testovací web: https://…',
    files: 'Soubory požadavku k předání',
    noFiles: 'Požadavek nemá soubory, které klient vidí. Nahrajte je na záložce Komunikace a pak je předejte.',
    onlyClean: 'Předat lze jen soubory, které prošly kontrolou na malware a jsou čisté.',
    internal: 'Interní soubory se nenabízejí: klient by je neviděl.',
    submit: 'Předat kolo {n}',
    sending: 'Předávám…',
  },
};

interface HandoverDraft {
  notes: string;
  link: string;
  attachmentIds: string[];
}

const emptyHandover: HandoverDraft = { notes: '', link: '', attachmentIds: [] };

/**
 * Handing the work over for review (`POST …/handovers`): notes in Markdown with a preview, a link,
 * and files of the request the client sees, checked. The draft is kept per request and round.
 */
export const HandoverForm = ({ files, onHandedOver, onReload }: { files: readonly Attachment[]; onHandedOver: (handover: Handover) => Promise<void>; onReload: () => Promise<void> }) => {
  const { api, language } = useApp();
  const { request } = useContext(RequestContext);
  const t = useWords(words);
  const round = (request.round ?? 0) + 1;
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft, clearDraft] = useDraft<HandoverDraft>(`handover.${request.requestId}.${round}`, emptyHandover);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const fields = fieldProblems(problem);
  // Only confirmed files the client sees may be handed over (the API refuses internal ones), and of
  // those only the clean ones can be picked: the others are listed with their malware check.
  const offered = files.filter((file) => file.status === 'uploaded' && file.visibility === 'all');
  const pickable = (id: string) => offered.some((file) => file.attachmentId === id && file.scan === 'clean');
  const internal = files.some((file) => file.status === 'uploaded' && file.visibility === 'agency');
  const filesProblem = [...fields].find(([field]) => field.startsWith('attachmentIds'))?.[1];
  const toggle = (id: string, on: boolean) => setDraft({ ...draft, attachmentIds: on ? [...draft.attachmentIds, id] : draft.attachmentIds.filter((other) => other !== id) });

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const body: Schemas['NewHandover'] = {
        notes: draft.notes,
        // A file that has gone since it was checked is not sent: only what is still offered.
        attachmentIds: draft.attachmentIds.filter(pickable),
        ...(draft.link.trim() ? { link: draft.link.trim() } : {}),
      };
      const { handover } = await must(api.POST('/requests/{requestId}/handovers', { params: { path: { requestId: request.requestId } }, body }));
      clearDraft();
      setProblem(undefined);
      await onHandedOver(handover);
    } catch (error) {
      setProblem(refusalOf(error));
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} class="handover-form stack" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="handover-form-title">
      <h2 id="handover-form-title">{t('title', { n: round })}</h2>
      <p class="hint">{t('intro')}</p>
      <Field label={t('notes')} hint={t('notesHint')} problem={fields.get('notes')}>
        {(props) => (
          <MarkdownEditor
            brand={request.platform}
            id={props.id}
            rows={8}
            required
            maxLength={20000}
            value={draft.notes}
            onInput={(notes) => setDraft({ ...draft, notes })}
            {...(props['aria-describedby'] ? { describedBy: props['aria-describedby'] } : {})}
            invalid={props['aria-invalid'] === 'true'}
          />
        )}
      </Field>
      <Field label={t('link')} hint={t('linkHint')} problem={fields.get('link')}>
        {(props) => <input {...props} type="url" inputMode="url" maxLength={2000} autoComplete="url" value={draft.link} onInput={(event) => setDraft({ ...draft, link: event.currentTarget.value })} />}
      </Field>
      <fieldset class={filesProblem ? 'handover-files invalid' : 'handover-files'}>
        <legend>{t('files')}</legend>
        {offered.length === 0 && <p class="muted">{t('noFiles')}</p>}
        {offered.map((file) =>
          file.scan === 'clean' ? (
            <label key={file.attachmentId} class="choice">
              <input type="checkbox" checked={draft.attachmentIds.includes(file.attachmentId)} onChange={(event) => toggle(file.attachmentId, event.currentTarget.checked)} />
              <span>
                {file.fileName} <span class="file-size">{formatSize(file.size, language)}</span>
              </span>
            </label>
          ) : (
            <label key={file.attachmentId} class="choice unavailable">
              <input type="checkbox" checked={false} disabled />
              <span>
                {file.fileName} <span class="file-size">{formatSize(file.size, language)}</span>
                <ScanBadge scan={file.scan} threat={file.threat} />
              </span>
            </label>
          ),
        )}
        {offered.some((file) => file.scan !== 'clean') && <p class="hint">{t('onlyClean')}</p>}
        {internal && <p class="hint">{t('internal')}</p>}
        {filesProblem && <p class="field-problem">{fieldReason(filesProblem, language)}</p>}
      </fieldset>
      <Refusal problem={problem} onReload={onReload} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('sending') : t('submit', { n: round })}
        </button>
      </div>
    </form>
  );
};

import { useContext, useState } from 'preact/hooks';
import { refusalOf, must, type ApiProblem } from '../api/client.js';
import { AppContext } from '../app-context.js';
import { useDraft } from '../drafts.js';
import { useWords, type Words } from '../i18n.js';
import { fieldProblems } from '../problems.js';
import { typeWords, type RequestType } from '../request-words.js';
import { navigate } from '../router.js';
import { Field } from '../ui/field.js';
import { FileUpload, useUploads } from '../ui/file-upload.js';
import { MarkdownEditor } from '../ui/markdown-editor.js';
import { ProblemBox } from '../ui/problem-box.js';
import { Shell } from '../ui/shell.js';

const words: Words<'title' | 'type' | 'inquiryHelp' | 'defectHelp' | 'authorizedHelp' | 'requestTitle' | 'description' | 'submit' | 'working' | 'cancel' | 'files' | 'filed' | 'sendingFiles' | 'filesLeft' | 'sendFiles' | 'open'> = {
  en: {
    title: 'New request',
    type: 'What is it?',
    inquiryHelp: 'Something new you would like: the agency answers with an offer.',
    defectHelp: 'Something that does not work as agreed: the agency fixes or explains it.',
    authorizedHelp: 'Work your contract already covers: the agency does it.',
    requestTitle: 'Title',
    description: 'Description',
    submit: 'File the request',
    working: 'Filing…',
    cancel: 'Cancel',
    files: 'Files (optional)',
    filed: 'Your request “{title}” was filed.',
    sendingFiles: 'Sending its files…',
    filesLeft: 'Some of its files were not sent. Try them again, or open the request without them (you can attach files there too).',
    sendFiles: 'Send the files',
    open: 'Open the request',
  },
  cs: {
    title: 'Nový požadavek',
    type: 'O co jde?',
    inquiryHelp: 'Něco nového, co byste chtěli: agentura odpoví nabídkou.',
    defectHelp: 'Něco nefunguje, jak bylo dohodnuto: agentura to opraví nebo vysvětlí.',
    authorizedHelp: 'Práce, kterou už pokrývá vaše smlouva: agentura ji udělá.',
    requestTitle: 'Název',
    description: 'Popis',
    submit: 'Podat požadavek',
    working: 'Podávám…',
    cancel: 'Zrušit',
    files: 'Soubory (nepovinné)',
    filed: 'Váš požadavek „{title}“ je podán.',
    sendingFiles: 'Posílám jeho soubory…',
    filesLeft: 'Některé jeho soubory se neodeslaly. Zkuste je znovu, nebo otevřete požadavek bez nich (soubory lze přiložit i tam).',
    sendFiles: 'Odeslat soubory',
    open: 'Otevřít požadavek',
  },
};

const types: readonly RequestType[] = ['inquiry', 'defect', 'authorized'];
const help = { inquiry: 'inquiryHelp', defect: 'defectHelp', authorized: 'authorizedHelp' } as const;

/**
 * Files a request (non-binding): its type, title and description in Markdown; kept as a draft until
 * filed. Files picked here belong to a request, so they are uploaded once it is filed; each is on
 * the request's timeline as soon as it is confirmed ("added a file"), being checked for malware.
 * The person lands on the request without waiting for that check (it may take minutes in AWS),
 * which is why no first message cites them: a message may cite clean files only. If one fails, the
 * request stays filed (the draft is gone, so filing again cannot make a second one): the page
 * offers to try the files again or to open the request without them.
 */
export const NewRequest = () => {
  const { api, brand } = useContext(AppContext);
  const t = useWords(words);
  const typeName = useWords(typeWords);
  const [draft, setDraft, clearDraft] = useDraft('new-request', { type: 'inquiry' as RequestType, title: '', description: '' });
  const [problem, setProblem] = useState<ApiProblem>();
  const [working, setWorking] = useState(false);
  const [filed, setFiled] = useState<{ requestId: string; title: string }>();
  const uploads = useUploads();
  const fields = fieldProblems(problem);

  /** Uploads the files to the filed request, then opens it: their malware check goes on there. */
  const sendFiles = async (requestId: string) => {
    if (uploads.sendable.length > 0) {
      const { complete } = await uploads.uploadAll(requestId);
      if (!complete) return;
    }
    navigate(`/requests/${requestId}`);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setWorking(true);
    setProblem(undefined);
    try {
      let requestId = filed?.requestId;
      if (!requestId) {
        const created = await must(api.POST('/requests', { body: { type: draft.type, title: draft.title.trim(), description: draft.description, platform: brand } }));
        requestId = created.requestId;
        setFiled({ requestId, title: created.title });
        clearDraft();
      }
      await sendFiles(requestId);
    } catch (error) {
      setProblem(refusalOf(error));
    } finally {
      setWorking(false);
    }
  };

  if (filed)
    return (
      <Shell current="requests">
        <h1>{t('title')}</h1>
        <form class="stack" onSubmit={submit} noValidate>
          <ProblemBox problem={problem} />
          <div class="notice" role="status">
            <p>{t('filed', { title: filed.title })}</p>
            <p>{working ? t('sendingFiles') : t('filesLeft')}</p>
          </div>
          <FileUpload uploads={uploads} label={t('files')} />
          <div class="actions">
            <button type="submit" class="primary" disabled={working || uploads.waitingFor === 'uploading'}>
              {t('sendFiles')}
            </button>
            <a href={`/requests/${filed.requestId}`}>{t('open')}</a>
          </div>
        </form>
      </Shell>
    );

  return (
    <Shell current="requests">
      <h1>{t('title')}</h1>
      <form class="stack" onSubmit={submit} noValidate>
        <ProblemBox problem={problem} />
        <fieldset class={fields.has('type') ? 'invalid' : undefined}>
          <legend>{t('type')}</legend>
          {types.map((type) => (
            <label class="choice">
              <input type="radio" name="type" value={type} checked={draft.type === type} onChange={() => setDraft({ ...draft, type })} />
              <span>
                <strong>{typeName(type)}</strong>
                <span class="hint">{t(help[type])}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <Field label={t('requestTitle')} problem={fields.get('title')}>
          {(props) => <input {...props} required maxLength={200} value={draft.title} onInput={(e) => setDraft({ ...draft, title: e.currentTarget.value })} />}
        </Field>
        <Field label={t('description')} problem={fields.get('description')}>
          {(props) => (
            <MarkdownEditor
              id={props.id}
              describedBy={props['aria-describedby']}
              invalid={props['aria-invalid'] === 'true'}
              required
              value={draft.description}
              onInput={(description) => setDraft({ ...draft, description })}
            />
          )}
        </Field>
        <FileUpload uploads={uploads} label={t('files')} />
        <div class="actions">
          <button type="submit" class="primary" disabled={working}>
            {working ? t('working') : t('submit')}
          </button>
          <a href="/">{t('cancel')}</a>
        </div>
      </form>
    </Shell>
  );
};

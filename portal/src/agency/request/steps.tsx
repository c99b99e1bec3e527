import { useContext } from 'preact/hooks';
import { must } from '../../api/client.js';
import { useDraft } from '../../drafts.js';
import { useWords, type Words } from '../../i18n.js';
import { fieldProblems } from '../../problems.js';
import { Refusal, useApp, useStep } from '../../pages/request/decision-kit.js';
import { RequestContext } from '../../pages/request/request-context.js';
import { Field } from '../../ui/field.js';

/** The lifecycle steps `POST /requests/{requestId}/actions` takes; offers, payments and handovers have their tabs. */
const stepActions = ['clarify', 'start_work', 'fix', 'explain', 'reopen', 'close'] as const;
type StepAction = (typeof stepActions)[number];

/** The steps whose note the API requires: the note is what the step says to the client. */
const noteRequired: ReadonlySet<StepAction> = new Set(['explain', 'reopen']);

/** Other steps the API lists, and the tab where each is taken. */
const tabSteps = [
  { action: 'post_offer', tab: 'offer' },
  { action: 'mark_paid', tab: 'order' },
  { action: 'hand_over', tab: 'handover' },
] as const;

type StepWords = `${StepAction}${'' | 'Title' | 'What' | 'Confirm'}`;

const words: Words<
  | StepWords
  | 'heading'
  | 'none'
  | 'note'
  | 'noteHint'
  | 'explanation'
  | 'explanationHint'
  | 'reason'
  | 'required'
  | 'explanationMissing'
  | 'final'
  | 'back'
  | 'working'
  | 'post_offer'
  | 'mark_paid'
  | 'hand_over'
> = {
  en: {
    heading: 'Next steps',
    none: 'No step waits on the agency now.',
    clarify: 'Clarify…',
    clarifyTitle: 'Clarify the request',
    clarifyWhat: 'The request moves to “Being clarified”: talk it through with the client in Communication, then write an offer.',
    clarifyConfirm: 'Move to clarifying',
    start_work: 'Start work…',
    start_workTitle: 'Start work',
    start_workWhat: 'The request moves to “In progress”. You are assigned if nobody is.',
    start_workConfirm: 'Start work',
    fix: 'Fix…',
    fixTitle: 'Fix it right away',
    fixWhat: 'The request moves to “In progress” without an offer. You are assigned if nobody is.',
    fixConfirm: 'Start fixing',
    explain: 'Explain…',
    explainTitle: 'Explain instead of fixing',
    explainWhat: 'The request is answered with your explanation: the client gets it by mail and may reopen the request within 7 days; otherwise it closes by itself.',
    explainConfirm: 'Send the explanation',
    reopen: 'Reopen…',
    reopenTitle: 'Reopen the answer',
    reopenWhat: 'The request goes back to “Being clarified”.',
    reopenConfirm: 'Reopen the request',
    close: 'Close…',
    closeTitle: 'Close the request',
    closeWhat: 'The request ends here.',
    closeConfirm: 'Yes, close the request',
    final: 'This is final: a closed request cannot be reopened. The client can file a new one.',
    note: 'Note (optional)',
    noteHint: 'The client sees it on the request’s timeline with the change.',
    explanation: 'Explanation for the client (required)',
    explanationHint: 'Required: this is the explanation the client gets, by mail and on the request.',
    reason: 'Why is it reopened? (required)',
    required: 'Write it: the step is not taken without it.',
    explanationMissing: 'Write the explanation first: it is what the client gets.',
    back: 'Back',
    working: 'Saving…',
    post_offer: 'Write an offer',
    mark_paid: 'Record the payment',
    hand_over: 'Hand over for review',
  },
  cs: {
    heading: 'Další kroky',
    none: 'Na agenturu teď nečeká žádný krok.',
    clarify: 'Upřesnit…',
    clarifyTitle: 'Upřesnit požadavek',
    clarifyWhat: 'Požadavek přejde do stavu „Upřesňuje se“: proberte ho s klientem v Komunikaci a pak napište nabídku.',
    clarifyConfirm: 'Přejít k upřesnění',
    start_work: 'Zahájit práci…',
    start_workTitle: 'Zahájit práci',
    start_workWhat: 'Požadavek přejde do stavu „Zpracovává se“. Pokud ho nikdo nemá přidělený, přidělí se vám.',
    start_workConfirm: 'Zahájit práci',
    fix: 'Opravit…',
    fixTitle: 'Opravit hned',
    fixWhat: 'Požadavek přejde do stavu „Zpracovává se“ bez nabídky. Pokud ho nikdo nemá přidělený, přidělí se vám.',
    fixConfirm: 'Začít opravu',
    explain: 'Vysvětlit…',
    explainTitle: 'Vysvětlit místo opravy',
    explainWhat: 'Požadavek se zodpoví vaším vysvětlením: klient ho dostane e-mailem a může požadavek do 7 dní znovu otevřít; jinak se uzavře sám.',
    explainConfirm: 'Odeslat vysvětlení',
    reopen: 'Znovu otevřít…',
    reopenTitle: 'Znovu otevřít odpověď',
    reopenWhat: 'Požadavek se vrátí do stavu „Upřesňuje se“.',
    reopenConfirm: 'Znovu otevřít požadavek',
    close: 'Uzavřít…',
    closeTitle: 'Uzavřít požadavek',
    closeWhat: 'Požadavek tímto končí.',
    closeConfirm: 'Ano, uzavřít požadavek',
    final: 'Je to konečné: uzavřený požadavek už nejde znovu otevřít. Klient může podat nový.',
    note: 'Poznámka (nepovinná)',
    noteHint: 'Klient ji uvidí v historii požadavku u této změny.',
    explanation: 'Vysvětlení pro klienta (povinné)',
    explanationHint: 'Povinné: tohle je vysvětlení, které klient dostane e-mailem a uvidí u požadavku.',
    reason: 'Proč se znovu otevírá? (povinné)',
    required: 'Napište ho: bez něj se krok neprovede.',
    explanationMissing: 'Nejdřív napište vysvětlení: právě to klient dostane.',
    back: 'Zpět',
    working: 'Ukládám…',
    post_offer: 'Napsat nabídku',
    mark_paid: 'Zaznamenat platbu',
    hand_over: 'Předat ke kontrole',
  },
};

/**
 * The lifecycle steps the API allows the agency now (`request.allowedActions`), one at a time:
 * choosing one opens it with what it does and its note (required where the note is what the client
 * gets: an explanation), and a final step (close) says so before its confirm button. The note is
 * a draft per step until the API took it. A 400 marks the note; a 409 says the request changed and
 * offers to reload it.
 */
export const Steps = () => {
  const { api } = useApp();
  const { request, reload } = useContext(RequestContext);
  const t = useWords(words);
  const step = useStep();
  const allowed = stepActions.filter((action) => request.allowedActions.includes(action));
  const elsewhere = tabSteps.filter(({ action }) => request.allowedActions.includes(action));
  const [open, setOpen] = useDraft<StepAction | ''>(`agency-step.${request.requestId}`, '');
  const [notes, setNotes] = useDraft<Partial<Record<StepAction, string>>>(`agency-step-notes.${request.requestId}`, {});
  const chosen = open && allowed.includes(open) ? open : undefined;
  const note = chosen ? (notes[chosen] ?? '') : '';
  const noteProblem = fieldProblems(step.problem).get('note');

  const choose = (action: StepAction | '') => {
    step.setProblem(undefined);
    setOpen(action);
  };
  const take = (event: Event) => {
    event.preventDefault();
    if (!chosen) return;
    const written = note.trim();
    void step.run(
      () => must(api.POST('/requests/{requestId}/actions', { params: { path: { requestId: request.requestId } }, body: { action: chosen, ...(written ? { note } : {}) } })),
      async () => {
        const { [chosen]: _taken, ...rest } = notes;
        setNotes(rest);
        setOpen('');
        await reload();
      },
    );
  };
  const noteLabel = (action: StepAction) => (action === 'explain' ? t('explanation') : action === 'reopen' ? t('reason') : t('note'));
  const noteHint = (action: StepAction) => (action === 'explain' ? t('explanationHint') : t('noteHint'));

  return (
    <section class="agency-steps" aria-labelledby="agency-steps-title">
      <h2 id="agency-steps-title">{t('heading')}</h2>
      {allowed.length === 0 && elsewhere.length === 0 && <p class="muted">{t('none')}</p>}
      {!chosen && (allowed.length > 0 || elsewhere.length > 0) && (
        <div class="actions">
          {allowed.map((action) => (
            <button type="button" class={action === 'close' ? 'danger' : 'secondary'} onClick={() => choose(action)}>
              {t(action)}
            </button>
          ))}
          {elsewhere.map(({ action, tab }) => (
            <a class="button secondary" href={`/requests/${request.requestId}?tab=${tab}`}>
              {t(action)}
            </a>
          ))}
        </div>
      )}
      {chosen && (
        <form class={`stack step step-${chosen}`} onSubmit={take} noValidate aria-labelledby="agency-step-title">
          <h3 id="agency-step-title">{t(`${chosen}Title`)}</h3>
          <p>{t(`${chosen}What`)}</p>
          {chosen === 'close' && (
            <p class="notice final" role="note">
              {t('final')}
            </p>
          )}
          <Field label={noteLabel(chosen)} hint={noteHint(chosen)} problem={noteProblem && (note.trim() ? noteProblem : chosen === 'explain' ? t('explanationMissing') : t('required'))}>
            {(props) => (
              <textarea
                {...props}
                rows={chosen === 'explain' ? 6 : 3}
                maxLength={5000}
                required={noteRequired.has(chosen)}
                value={note}
                onInput={(event) => setNotes({ ...notes, [chosen]: event.currentTarget.value })}
              />
            )}
          </Field>
          <Refusal problem={step.problem} onReload={async () => (choose(''), await reload())} />
          <div class="actions">
            <button type="submit" class={chosen === 'close' ? 'danger' : 'primary'} disabled={step.busy}>
              {step.busy ? t('working') : t(`${chosen}Confirm`)}
            </button>
            <button type="button" class="secondary" onClick={() => choose('')}>
              {t('back')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
};

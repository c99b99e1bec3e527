import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { must, refusalOf, type ApiProblem, type Schemas } from '../../../api/client.js';
import { useDraft } from '../../../drafts.js';
import { useWords, type Words } from '../../../i18n.js';
import { Refusal, useApp } from '../../../pages/request/decision-kit.js';
import { RequestContext } from '../../../pages/request/request-context.js';
import { fieldProblems } from '../../../problems.js';
import { Field } from '../../../ui/field.js';
import { MarkdownEditor } from '../../../ui/markdown-editor.js';
import { CurrencySelect } from '../currency-select.js';
import { LineEditor } from './line-editor.js';
import { LiveTotals } from './live-totals.js';
import { numberProblemText, type NumberKind } from './number-words.js';
import { draftFromOffer, emptyDraft, isPristine, lineField, newLine, placeProblems, readDraft, retypeDraft, type DraftLine, type LineField, type OfferDraft } from './offer-draft.js';
import { fieldReason } from '../../../field-reasons.js';

type Offer = Schemas['Offer'];

const words: Words<
  | 'write'
  | 'revise'
  | 'startFrom'
  | 'startFromHint'
  | 'lines'
  | 'linesHint'
  | 'addLine'
  | 'removed'
  | 'putBack'
  | 'currency'
  | 'validUntil'
  | 'validHint'
  | 'delivery'
  | 'deliveryHint'
  | 'terms'
  | 'termsHint'
  | 'note'
  | 'noteHint'
  | 'replaces'
  | 'post'
  | 'postReplacing'
  | 'posting'
  | 'overLimit'
  | 'overLimitGross'
  | 'elsewhere'
> = {
  en: {
    write: 'Write an offer',
    revise: 'Write a revised offer',
    startFrom: 'Start from offer {n}',
    startFromHint: 'Copies its lines, delivery and terms into the form, to change what needs changing.',
    lines: 'What the offer includes',
    linesHint: 'Prices without VAT: the VAT is added per rate in the totals below.',
    addLine: 'Add a line',
    removed: 'Line {n} was removed.',
    putBack: 'Put it back',
    currency: 'Currency',
    validUntil: 'Valid until (end of the day)',
    validHint: 'Leave empty for 30 days from posting.',
    delivery: 'Delivery estimate',
    deliveryHint: 'For example: 10 working days after payment.',
    terms: 'Terms',
    termsHint: 'Plain text; the client reads them before the button that makes the order binding.',
    note: 'Note for the client (optional)',
    noteHint: 'Shown with the offer on the request’s timeline and in its e-mail.',
    replaces:
      'Offer {n} is open: the client has not decided on it yet. Posting this offer replaces it: offer {n} is marked as replaced and can no longer be accepted, and the client sees only offer {next}.',
    post: 'Post offer {next}',
    postReplacing: 'Post offer {next}, replacing offer {n}',
    posting: 'Posting…',
    overLimit: 'Quantity × unit price is more than 10 billion, the most one payment may be.',
    overLimitGross: 'The total with VAT is more than 10 billion, the most one payment may be.',
    elsewhere: 'Also: {field}: {reason}',
  },
  cs: {
    write: 'Napsat nabídku',
    revise: 'Napsat upravenou nabídku',
    startFrom: 'Vyjít z nabídky {n}',
    startFromHint: 'Zkopíruje do formuláře její řádky, dodání a podmínky, ať změníte jen to, co je potřeba.',
    lines: 'Co nabídka zahrnuje',
    linesHint: 'Ceny bez DPH: DPH se připočte podle sazeb v součtech níže.',
    addLine: 'Přidat řádek',
    removed: 'Řádek {n} byl odebrán.',
    putBack: 'Vrátit ho zpět',
    currency: 'Měna',
    validUntil: 'Platí do (konce dne)',
    validHint: 'Nevyplněno: 30 dní od odeslání.',
    delivery: 'Odhad dodání',
    deliveryHint: 'Například: 10 pracovních dnů po úhradě.',
    terms: 'Podmínky',
    termsHint: 'Prostý text; klient je čte před tlačítkem, kterým se objednávka stává závaznou.',
    note: 'Poznámka pro klienta (nepovinná)',
    noteHint: 'Zobrazí se s nabídkou na časové ose požadavku a v jejím e-mailu.',
    replaces:
      'Nabídka {n} je otevřená: klient o ní zatím nerozhodl. Odesláním této nabídky ji nahradíte: nabídka {n} se označí jako nahrazená a už ji nepůjde přijmout, klient uvidí jen nabídku {next}.',
    post: 'Odeslat nabídku {next}',
    postReplacing: 'Odeslat nabídku {next} místo nabídky {n}',
    posting: 'Odesílám…',
    overLimit: 'Množství × cena za jednotku je víc než 10 miliard, nejvíc, kolik může mít jedna platba.',
    overLimitGross: 'Celkem s DPH je víc než 10 miliard, nejvíc, kolik může mít jedna platba.',
    elsewhere: 'Také: {field}: {reason}',
  },
};

/** Which example a number field's problem gives, by where it is (`<key>.unitPrice` is money); a date's problem needs none. */
const kindOf = (where: string): NumberKind => (where.endsWith('.unitPrice') ? 'money' : where.endsWith('.quantity') ? 'quantity' : 'rate');
/** The offer's own fields a 400 may name, each shown on its field; anything else is listed under the refusal. */
const offerFields = ['currency', 'validUntil', 'deliveryEstimate', 'terms', 'note', 'lines'] as const;

/**
 * The offer editor: lines added, moved and removed, live totals by the API's own arithmetic, the
 * terms, and the post. What is typed is a draft per request until the API took it. A refusal
 * marks the field it names, on the line it was on when posted.
 */
export const OfferForm = ({ offers, onPosted, onReload }: { offers: readonly Offer[]; onPosted: (offer: Offer) => Promise<void>; onReload: () => Promise<void> }) => {
  const { api, language } = useApp();
  const { request } = useContext(RequestContext);
  const t = useWords(words);
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraftAsIs, clearDraft] = useDraft<OfferDraft>(`offer-editor.${request.requestId}`, emptyDraft());
  // What is typed is written the way the portal's language writes numbers; a switch of language rewrites them.
  const setDraft = (next: OfferDraft) => setDraftAsIs({ ...next, language: next.language ?? draft.language ?? language });
  useEffect(() => {
    if (draft.language && draft.language !== language) setDraftAsIs(retypeDraft(draft, language));
  }, [language]);
  // Fields left (blurred) or everything after a try to post: a number's problem shows from then on, not while typing it.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [checked, setChecked] = useState(false);
  const [placed, setPlaced] = useState<Map<string, string>>(new Map());
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);
  const [removed, setRemoved] = useState<{ line: DraftLine; index: number }>();

  const read = readDraft(draft, language);
  const open = offers.find((offer) => offer.status === 'open');
  const latest = open ?? offers.at(-1);
  const next = (offers.at(-1)?.number ?? 0) + 1;

  const problemOf = (where: string): string | undefined => {
    const said = placed.get(where);
    if (said) return said;
    const local = read.problems.get(where);
    if (local && (checked || touched.has(where))) return numberProblemText(local, kindOf(where), language);
    if (read.overLimit.includes(where)) return t('overLimit');
    return undefined;
  };
  /** What the person changes is no longer what the API refused: its mark goes. */
  const forget = (where: string) => {
    if (!placed.has(where)) return;
    const rest = new Map(placed);
    rest.delete(where);
    setPlaced(rest);
  };
  const setField = <K extends Exclude<keyof OfferDraft, 'lines'>>(field: K, value: OfferDraft[K]) => {
    forget(field);
    setDraft({ ...draft, [field]: value });
  };
  const setLine = (key: string, field: LineField, value: string) => {
    forget(lineField(key, field));
    forget(key);
    setDraft({ ...draft, lines: draft.lines.map((line) => (line.key === key ? { ...line, [field]: value } : line)) });
  };
  const moveLine = (index: number, by: -1 | 1) => {
    const lines = [...draft.lines];
    const [line] = lines.splice(index, 1);
    lines.splice(index + by, 0, line!);
    setDraft({ ...draft, lines });
    // Moving a focused button moves it out of focus; the same line's button takes it back (the other one at an end).
    requestAnimationFrame(() => {
      const same = document.getElementById(`line-${line!.key}-${by < 0 ? 'up' : 'down'}`) as HTMLButtonElement | null;
      const other = document.getElementById(`line-${line!.key}-${by < 0 ? 'down' : 'up'}`) as HTMLButtonElement | null;
      (same && !same.disabled ? same : other)?.focus();
    });
  };
  const removeLine = (index: number) => {
    setRemoved({ line: draft.lines[index]!, index });
    setDraft({ ...draft, lines: draft.lines.filter((_, at) => at !== index) });
  };
  const putBack = () => {
    if (!removed) return;
    const lines = [...draft.lines];
    lines.splice(Math.min(removed.index, lines.length), 0, removed.line);
    setDraft({ ...draft, lines });
    setRemoved(undefined);
  };
  const addLine = () => {
    const line = newLine();
    setDraft({ ...draft, lines: [...draft.lines, line] });
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`#line-${line.key} input`)?.focus());
  };
  const focusFirstProblem = () => requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const submit = async (event: Event) => {
    event.preventDefault();
    setChecked(true);
    if (!read.body) return focusFirstProblem();
    const postedKeys = draft.lines.map((line) => line.key);
    setBusy(true);
    try {
      const offer = await must(api.POST('/requests/{requestId}/offers', { params: { path: { requestId: request.requestId } }, body: read.body }));
      clearDraft();
      setPlaced(new Map());
      setProblem(undefined);
      setChecked(false);
      setTouched(new Set());
      setRemoved(undefined);
      await onPosted(offer);
    } catch (error) {
      const refusal = refusalOf(error);
      setProblem(refusal);
      setPlaced(placeProblems(fieldProblems(refusal), postedKeys));
      focusFirstProblem();
    } finally {
      setBusy(false);
    }
  };

  const lineKeys = new Set(draft.lines.flatMap((line) => [line.key, ...(['description', 'quantity', 'unit', 'unitPrice', 'vatRate'] as const).map((field) => lineField(line.key, field))]));
  const unplaced = [...placed].filter(([where]) => !lineKeys.has(where) && !(offerFields as readonly string[]).includes(where));
  const linesProblem = placed.get('lines') ?? (read.overLimit.includes('lines') ? t('overLimitGross') : undefined);

  return (
    <form ref={form} class="offer-form stack" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="offer-form-title" onFocusOut={(event) => touch(event, setTouched, touched)}>
      <h2 id="offer-form-title">{t(open ? 'revise' : 'write')}</h2>
      {latest && isPristine(draft) && (
        <div class="start-from">
          <button type="button" class="secondary" onClick={() => setDraft(draftFromOffer(latest, language))} aria-describedby="start-from-hint">
            {t('startFrom', { n: latest.number })}
          </button>
          <p class="hint" id="start-from-hint">
            {t('startFromHint')}
          </p>
        </div>
      )}
      <section class="offer-lines" aria-labelledby="offer-lines-title">
        <h3 id="offer-lines-title">{t('lines')}</h3>
        <p class="hint">{t('linesHint')}</p>
        {draft.lines.map((line, index) => (
          <LineEditor
            key={line.key}
            line={line}
            index={index}
            count={draft.lines.length}
            currency={draft.currency}
            net={read.lineNets[index]}
            problemOf={problemOf}
            onChange={(field, value) => setLine(line.key, field, value)}
            onMove={(by) => moveLine(index, by)}
            onRemove={() => removeLine(index)}
          />
        ))}
        {removed && (
          <p class="notice removed-line" role="status">
            {t('removed', { n: removed.index + 1 })}{' '}
            <button type="button" class="link" onClick={putBack}>
              {t('putBack')}
            </button>
          </p>
        )}
        {linesProblem && <p class="field-problem">{fieldReason(linesProblem, language)}</p>}
        <div>
          <button type="button" class="secondary" onClick={addLine}>
            + {t('addLine')}
          </button>
        </div>
      </section>
      <LiveTotals totals={read.totals} currency={draft.currency} complete={read.complete} />
      <div class="offer-facts">
        <Field label={t('currency')} problem={problemOf('currency')}>
          {(props) => <CurrencySelect field={props} value={draft.currency} onChange={(code) => setField('currency', code)} />}
        </Field>
        <Field label={t('validUntil')} hint={t('validHint')} problem={problemOf('validUntil')}>
          {(props) => <input {...props} type="date" data-where="validUntil" value={draft.validUntil} onInput={(event) => setField('validUntil', event.currentTarget.value)} />}
        </Field>
        <Field label={t('delivery')} hint={t('deliveryHint')} problem={problemOf('deliveryEstimate')}>
          {(props) => <input {...props} type="text" maxLength={200} value={draft.deliveryEstimate} onInput={(event) => setField('deliveryEstimate', event.currentTarget.value)} />}
        </Field>
      </div>
      <Field label={t('terms')} hint={t('termsHint')} problem={problemOf('terms')}>
        {(props) => <textarea {...props} rows={4} maxLength={5000} value={draft.terms} onInput={(event) => setField('terms', event.currentTarget.value)} />}
      </Field>
      <Field label={t('note')} hint={t('noteHint')} problem={problemOf('note')}>
        {(props) => (
          <MarkdownEditor
            brand={request.platform}
            id={props.id}
            rows={5}
            maxLength={5000}
            value={draft.note}
            onInput={(value) => setField('note', value)}
            {...(props['aria-describedby'] ? { describedBy: props['aria-describedby'] } : {})}
            invalid={props['aria-invalid'] === 'true'}
          />
        )}
      </Field>
      {open && (
        <p class="notice replaces" id="offer-replaces">
          {t('replaces', { n: open.number, next })}
        </p>
      )}
      <Refusal problem={problem} onReload={onReload} />
      {unplaced.length > 0 && (
        <ul class="unplaced">
          {unplaced.map(([field, reason]) => (
            <li key={field}>{t('elsewhere', { field, reason })}</li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy} {...(open ? { 'aria-describedby': 'offer-replaces' } : {})}>
          {busy ? t('posting') : open ? t('postReplacing', { next, n: open.number }) : t('post', { next })}
        </button>
      </div>
    </form>
  );
};

/** A field the person leaves counts as touched: its number's problem shows from then on. */
const touch = (event: FocusEvent, setTouched: (touched: ReadonlySet<string>) => void, touched: ReadonlySet<string>) => {
  const target = event.target;
  if (!(target instanceof HTMLInputElement)) return;
  const where = target.dataset.where;
  if (where && !touched.has(where)) setTouched(new Set([...touched, where]));
};

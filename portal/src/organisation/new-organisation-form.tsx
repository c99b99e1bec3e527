import { useContext, useState } from 'preact/hooks';
import { brands } from '../../../lib/mail/brands.js';
import { must, refusalOf, type ApiProblem, type Schemas } from '../api/client.js';
import { AppContext } from '../app-context.js';
import { useDraft } from '../drafts.js';
import { useWords, type Words } from '../i18n.js';
import { fieldProblems } from '../problems.js';
import { Field } from '../ui/field.js';
import { ProblemBox } from '../ui/problem-box.js';
import type { Language } from '../words.js';
import { useFieldReasons } from './field-reasons.js';
import { BillingFields, billingBody, emptyBilling, type BillingDraft } from './billing-fields.js';

type Platform = Schemas['Organisation']['platform'];

const words: Words<
  | 'heading'
  | 'intro'
  | 'name'
  | 'platform'
  | 'platformHint'
  | 'language'
  | 'languageHint'
  | 'cs'
  | 'en'
  | 'withBilling'
  | 'withBillingHint'
  | 'create'
  | 'creating'
  | 'cancel'
> = {
  en: {
    heading: 'New client organisation',
    intro: 'Its first administrator is invited next, on its page.',
    name: 'Name',
    platform: 'Platform',
    platformHint: 'The platform the client comes from: its people’s invitations and mail come in its brand, and they sign in on its portal.',
    language: 'Language',
    languageHint: 'Its people are invited in this language unless an invitation says otherwise.',
    cs: 'Czech',
    en: 'English',
    withBilling: 'Set its billing details now',
    withBillingHint: 'Optional: its administrators can set them later. A priced offer can’t be accepted without them.',
    create: 'Create the organisation',
    creating: 'Creating…',
    cancel: 'Cancel',
  },
  cs: {
    heading: 'Nová klientská organizace',
    intro: 'Jejího prvního správce pak pozvete na její stránce.',
    name: 'Název',
    platform: 'Platforma',
    platformHint: 'Platforma, ze které klient přichází: pozvánky a e-maily jejích lidí chodí v její značce a přihlašují se na jejím portálu.',
    language: 'Jazyk',
    languageHint: 'V tomto jazyce se její lidé zvou, pokud pozvánka neříká jinak.',
    cs: 'čeština',
    en: 'angličtina',
    withBilling: 'Vyplnit rovnou fakturační údaje',
    withBillingHint: 'Nepovinné: její správci je mohou vyplnit později. Bez nich nelze přijmout placenou nabídku.',
    create: 'Založit organizaci',
    creating: 'Zakládám…',
    cancel: 'Zpět',
  },
};

interface Draft {
  name: string;
  platform: Platform;
  language: Language;
  withBilling: boolean;
  billing: BillingDraft;
}

/**
 * Creating a client organisation (the agency's admins): name, platform, language and, if known,
 * its billing details. What is typed stays in a draft until the API took it; `onCreated` then
 * goes on to the new organisation's page.
 */
export const NewOrganisationForm = ({ onCreated, onCancel }: { onCreated: (organisation: Schemas['Organisation']) => void; onCancel: () => void }) => {
  const { api, brand } = useContext(AppContext);
  const t = useWords(words);
  const [draft, setDraft, clearDraft] = useDraft<Draft>('new-organisation', { name: '', platform: brand, language: 'cs', withBilling: false, billing: emptyBilling });
  const [problem, setProblem] = useState<ApiProblem>();
  const [working, setWorking] = useState(false);
  const fields = fieldProblems(problem);
  const reason = useFieldReasons();
  const change = (next: Partial<Draft>) => setDraft({ ...draft, ...next });

  const create = async (event: Event) => {
    event.preventDefault();
    setWorking(true);
    setProblem(undefined);
    try {
      const created = await must(
        api.POST('/orgs', { body: { name: draft.name.trim(), platform: draft.platform, language: draft.language, ...(draft.withBilling ? { billing: billingBody(draft.billing) } : {}) } }),
      );
      clearDraft();
      onCreated(created);
    } catch (error) {
      setProblem(refusalOf(error));
    } finally {
      setWorking(false);
    }
  };

  return (
    <form class="new-organisation stack" onSubmit={create} noValidate aria-labelledby="new-organisation-heading">
      <h2 id="new-organisation-heading">{t('heading')}</h2>
      <p class="hint">{t('intro')}</p>
      <ProblemBox problem={problem} />
      <Field label={t('name')} problem={reason(fields, 'name', 'organisationName')}>
        {(props) => <input {...props} required maxLength={200} autocomplete="off" value={draft.name} onInput={(e) => change({ name: e.currentTarget.value })} />}
      </Field>
      <fieldset class={fields.get('platform') ? 'invalid' : undefined}>
        <legend>{t('platform')}</legend>
        {(['azami', 'digimadi'] as const).map((platform) => (
          <label class="choice">
            <input type="radio" name="new-organisation-platform" value={platform} checked={draft.platform === platform} onChange={() => change({ platform })} />
            <span>{brands[platform].name}</span>
          </label>
        ))}
        <p class="hint">{t('platformHint')}</p>
      </fieldset>
      <Field label={t('language')} hint={t('languageHint')} problem={fields.get('language')}>
        {(props) => (
          <select {...props} value={draft.language} onChange={(e) => change({ language: e.currentTarget.value === 'en' ? 'en' : 'cs' })}>
            <option value="cs">{t('cs')}</option>
            <option value="en">{t('en')}</option>
          </select>
        )}
      </Field>
      <label class="choice">
        <input type="checkbox" checked={draft.withBilling} onChange={(e) => change({ withBilling: e.currentTarget.checked })} />
        <span>
          <strong>{t('withBilling')}</strong>
          <span class="hint">{t('withBillingHint')}</span>
        </span>
      </label>
      {draft.withBilling && <BillingFields draft={draft.billing} onChange={(billing) => change({ billing })} problems={fields} prefix="billing." />}
      <div class="actions">
        <button type="submit" class="primary" disabled={working} aria-busy={working ? 'true' : undefined}>
          {working ? t('creating') : t('create')}
        </button>
        <button
          type="button"
          class="secondary"
          disabled={working}
          onClick={() => {
            clearDraft();
            onCancel();
          }}
        >
          {t('cancel')}
        </button>
      </div>
    </form>
  );
};

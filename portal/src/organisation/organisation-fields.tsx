import { brands } from '../../../lib/mail/brands.js';
import type { Schemas } from '../api/client.js';
import { useWords, type Words } from '../i18n.js';
import { Field } from '../ui/field.js';
import type { Language } from '../words.js';
import { useFieldReasons } from './field-reasons.js';

type Platform = Schemas['Organisation']['platform'];

const words: Words<'name' | 'platform' | 'language' | 'languageHint' | 'cs' | 'en'> = {
  en: {
    name: 'Name',
    platform: 'Platform',
    language: 'Language',
    languageHint: 'Its people are invited in this language unless an invitation says otherwise.',
    cs: 'Czech',
    en: 'English',
  },
  cs: {
    name: 'Název',
    platform: 'Platforma',
    language: 'Jazyk',
    languageHint: 'V tomto jazyce se její lidé zvou, pokud pozvánka neříká jinak.',
    cs: 'čeština',
    en: 'angličtina',
  },
};

export interface OrganisationDraft {
  name: string;
  platform: Platform;
  language: Language;
}

/**
 * An organisation's name, platform and language as fields: creating one and changing one ask the
 * same. `group` names the platform's radio group (unique on the page); `platformHint` is the
 * form's own sentence on what the platform means.
 */
export const OrganisationFields = ({
  draft,
  onChange,
  problems,
  group,
  platformHint,
  autocomplete,
}: {
  draft: OrganisationDraft;
  onChange: (next: Partial<OrganisationDraft>) => void;
  problems: Map<string, string>;
  group: string;
  platformHint: string;
  autocomplete?: 'off';
}) => {
  const t = useWords(words);
  const reason = useFieldReasons();
  return (
    <>
      <Field label={t('name')} problem={reason(problems, 'name', 'organisationName')}>
        {(props) => <input {...props} required maxLength={200} autocomplete={autocomplete} value={draft.name} onInput={(e) => onChange({ name: e.currentTarget.value })} />}
      </Field>
      <fieldset class={problems.get('platform') ? 'invalid' : undefined}>
        <legend>{t('platform')}</legend>
        {(['azami', 'digimadi'] as const).map((platform) => (
          <label class="choice">
            <input type="radio" name={group} value={platform} checked={draft.platform === platform} onChange={() => onChange({ platform })} />
            <span>{brands[platform].name}</span>
          </label>
        ))}
        <p class="hint">{platformHint}</p>
      </fieldset>
      <Field label={t('language')} hint={t('languageHint')} problem={problems.get('language')}>
        {(props) => (
          <select {...props} value={draft.language} onChange={(e) => onChange({ language: e.currentTarget.value === 'en' ? 'en' : 'cs' })}>
            <option value="cs">{t('cs')}</option>
            <option value="en">{t('en')}</option>
          </select>
        )}
      </Field>
    </>
  );
};

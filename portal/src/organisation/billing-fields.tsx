import type { Schemas } from '../api/client.js';
import { useWords, type Words } from '../i18n.js';
import { Field } from '../ui/field.js';
import { useFieldReasons } from './field-reasons.js';

export type Billing = Schemas['BillingDetails'];

/** The billing details as typed: every field a string, kept in a draft until the API takes them. */
export interface BillingDraft {
  name: string;
  ico: string;
  dic: string;
  street: string;
  city: string;
  postalCode: string;
  country: string;
}

export const emptyBilling: BillingDraft = { name: '', ico: '', dic: '', street: '', city: '', postalCode: '', country: 'CZ' };

export const billingDraftOf = (billing: Billing | undefined): BillingDraft =>
  billing
    ? { name: billing.name, ico: billing.ico ?? '', dic: billing.dic ?? '', ...billing.address }
    : emptyBilling;

/** What the API takes: the optional ids left out when empty, the country in capitals. */
export const billingBody = (draft: BillingDraft): Billing => {
  const ico = draft.ico.replace(/\s/g, '');
  const dic = draft.dic.replace(/\s/g, '').toUpperCase();
  return {
    name: draft.name.trim(),
    ...(ico ? { ico } : {}),
    ...(dic ? { dic } : {}),
    address: { street: draft.street.trim(), city: draft.city.trim(), postalCode: draft.postalCode.trim(), country: draft.country.trim().toUpperCase() },
  };
};

type ControlProps = { id: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string };
type InputExtras = { required?: boolean; maxLength: number; autocomplete: string; inputMode?: 'numeric'; class?: string };

const words: Words<'name' | 'nameHint' | 'ico' | 'icoHint' | 'dic' | 'dicHint' | 'street' | 'city' | 'postalCode' | 'country' | 'countryHint'> = {
  en: {
    name: 'Company name',
    nameHint: 'As the orders state the customer.',
    ico: 'IČO',
    icoHint: 'Optional: the 8-digit company id.',
    dic: 'DIČ',
    dicHint: 'Optional: the VAT id, e.g. CZ12345678.',
    street: 'Street and number',
    city: 'City',
    postalCode: 'Postal code',
    country: 'Country',
    countryHint: 'Two letters, e.g. CZ.',
  },
  cs: {
    name: 'Název firmy',
    nameHint: 'Jak objednávky uvádějí odběratele.',
    ico: 'IČO',
    icoHint: 'Nepovinné: osmimístné identifikační číslo.',
    dic: 'DIČ',
    dicHint: 'Nepovinné: daňové identifikační číslo, např. CZ12345678.',
    street: 'Ulice a číslo',
    city: 'Obec',
    postalCode: 'PSČ',
    country: 'Země',
    countryHint: 'Dvě písmena, např. CZ.',
  },
};

/**
 * The billing details' fields, for setting them on an organisation and for a new one. `problems`
 * are a 400's reasons by field (`name`, `address.city`), under `prefix` (`billing.` in a new
 * organisation's body), so the field the API names is the one marked.
 */
export const BillingFields = ({ draft, onChange, problems, prefix = '' }: { draft: BillingDraft; onChange: (next: BillingDraft) => void; problems: Map<string, string>; prefix?: string }) => {
  const t = useWords(words);
  const reason = useFieldReasons();
  // Field renders its control through this function (a render prop, not a component: nothing remounts).
  const input = (key: keyof BillingDraft, extra: InputExtras) => (props: ControlProps) => (
    <input {...props} {...extra} value={draft[key]} onInput={(event) => onChange({ ...draft, [key]: event.currentTarget.value })} />
  );
  return (
    <div class="billing-fields">
      <Field label={t('name')} hint={t('nameHint')} problem={reason(problems, `${prefix}name`, 'billingName')}>
        {input('name', { required: true, maxLength: 200, autocomplete: 'organization' })}
      </Field>
      <div class="field-row">
        <Field label={t('ico')} hint={t('icoHint')} problem={reason(problems, `${prefix}ico`, 'ico')}>
          {input('ico', { inputMode: 'numeric', maxLength: 12, autocomplete: 'off' })}
        </Field>
        <Field label={t('dic')} hint={t('dicHint')} problem={reason(problems, `${prefix}dic`, 'dic')}>
          {input('dic', { maxLength: 16, autocomplete: 'off' })}
        </Field>
      </div>
      <Field label={t('street')} problem={reason(problems, `${prefix}address.street`, 'street')}>
        {input('street', { required: true, maxLength: 100, autocomplete: 'street-address' })}
      </Field>
      <div class="field-row">
        <Field label={t('postalCode')} problem={reason(problems, `${prefix}address.postalCode`, 'postalCode')}>
          {input('postalCode', { required: true, maxLength: 12, autocomplete: 'postal-code' })}
        </Field>
        <Field label={t('city')} problem={reason(problems, `${prefix}address.city`, 'city')}>
          {input('city', { required: true, maxLength: 100, autocomplete: 'address-level2' })}
        </Field>
        <Field label={t('country')} hint={t('countryHint')} problem={reason(problems, `${prefix}address.country`, 'country')}>
          {input('country', { required: true, maxLength: 2, autocomplete: 'country', class: 'narrow' })}
        </Field>
      </div>
    </div>
  );
};

/** The billing details as an address block. */
export const BillingAddress = ({ billing }: { billing: Billing }) => {
  const t = useWords(words);
  return (
    <address class="billing-address">
      <strong>{billing.name}</strong>
      <br />
      {billing.address.street}
      <br />
      {billing.address.postalCode} {billing.address.city}, {billing.address.country}
      {billing.ico && (
        <>
          <br />
          {t('ico')}: {billing.ico}
        </>
      )}
      {billing.dic && (
        <>
          <br />
          {t('dic')}: {billing.dic}
        </>
      )}
    </address>
  );
};

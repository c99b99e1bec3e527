import { useContext, useId } from 'preact/hooks';
import { AppContext } from '../../app-context.js';
import { useWords, type Words } from '../../i18n.js';
import { Field } from '../../ui/field.js';
import type { Clients } from '../directory.js';
import { eventNames, eventSentences, eventTypes, type EventType } from './event-types.js';
import type { SubscriptionDraft } from './subscription-body.js';
import { choiceReason, urlReason } from './url-reasons.js';


const words: Words<
  | 'url'
  | 'urlHint'
  | 'urlLocal'
  | 'events'
  | 'eventsHint'
  | 'all'
  | 'none'
  | 'chosen'
  | 'organisation'
  | 'allOrganisations'
  | 'organisationHint'
  | 'description'
  | 'descriptionHint'
> = {
  en: {
    url: 'Receiver’s URL',
    urlHint: 'It must be https, to a public address (for example https://hooks.azami.example/orderdesk): checked now, and again on every delivery.',
    urlLocal: 'On this local stack http://127.0.0.1:<port> works too: npm run webhooks:listen starts a receiver that prints each delivery and checks its signature.',
    events: 'Events',
    eventsHint: 'Which events are sent to it.',
    all: 'Choose all',
    none: 'Choose none',
    chosen: '{n} of {total} chosen.',
    organisation: 'Organisation',
    allOrganisations: 'All organisations',
    organisationHint: 'Events of every organisation’s requests, or of one’s only.',
    description: 'Description (optional)',
    descriptionHint: 'What it is for, as the agency’s admins will read it in this list, for example “Azami request pages”.',
  },
  cs: {
    url: 'URL příjemce',
    urlHint: 'Musí být https a vést na veřejnou adresu (např. https://hooks.azami.example/orderdesk): kontroluje se teď a znovu při každém doručení.',
    urlLocal: 'Na tomto lokálním stacku funguje i http://127.0.0.1:<port>: npm run webhooks:listen spustí příjemce, který každé doručení vypíše a ověří jeho podpis.',
    events: 'Události',
    eventsHint: 'Které události se mu posílají.',
    all: 'Vybrat všechny',
    none: 'Zrušit výběr',
    chosen: 'Vybráno {n} z {total}.',
    organisation: 'Organizace',
    allOrganisations: 'Všechny organizace',
    organisationHint: 'Události požadavků všech organizací, nebo jen jedné.',
    description: 'Popis (nepovinný)',
    descriptionHint: 'K čemu odběr slouží, jak to budou správci agentury číst v seznamu, např. „Stránky požadavků na Azami“.',
  },
};

/** Whether the API runs on this machine (`npm start`): then http://127.0.0.1 is a receiver's URL too. */
const isLocalStack = (apiUrl: string) => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(apiUrl).hostname);

/**
 * A subscription's fields, for a new one and a change: the receiver's URL, the events as a
 * checkbox group (with "all" and "none"), the organisation (every one, or one of the agency's
 * clients) and a description. A 400 marks the field it names, in the page's own sentences where it
 * knows the rule (url-reasons.ts).
 */
export const SubscriptionFields = ({
  draft,
  onChange,
  problems,
  clients,
}: {
  draft: SubscriptionDraft;
  onChange: (next: Partial<SubscriptionDraft>) => void;
  problems: ReadonlyMap<string, string>;
  clients: Clients;
}) => {
  const { config, language } = useContext(AppContext);
  const t = useWords(words);
  const names = eventNames[language];
  const sentences = eventSentences[language];
  const id = useId();
  const urlProblem = problems.get('url');
  const eventsProblem = problems.get('eventTypes') ?? [...problems].find(([field]) => field.startsWith('eventTypes.'))?.[1];
  const orgProblem = problems.get('orgId');
  const chosen = new Set(draft.eventTypes);
  // The chosen types in the list's order, whatever order they were clicked in.
  const toggle = (type: EventType, on: boolean) => onChange({ eventTypes: eventTypes.filter((one) => (one === type ? on : chosen.has(one))) });
  const knownOrg = draft.orgId === '' || clients.list.some((client) => client.orgId === draft.orgId);

  return (
    <>
      <Field label={t('url')} hint={isLocalStack(config.apiUrl) ? `${t('urlHint')} ${t('urlLocal')}` : t('urlHint')} problem={urlProblem && urlReason(urlProblem, language)}>
        {(field) => (
          <input
            {...field}
            type="url"
            inputMode="url"
            autocomplete="off"
            spellcheck={false}
            maxLength={2000}
            value={draft.url}
            onInput={(event) => onChange({ url: event.currentTarget.value })}
          />
        )}
      </Field>
      <fieldset class={eventsProblem ? 'hook-events invalid' : 'hook-events'} aria-describedby={`${id}-events-hint${eventsProblem ? ` ${id}-events-problem` : ''}`}>
        <legend>{t('events')}</legend>
        <div class="hook-events-head">
          <p class="hint" id={`${id}-events-hint`}>
            {t('eventsHint')} {t('chosen', { n: chosen.size, total: eventTypes.length })}
          </p>
          <div class="hook-events-helpers">
            <button type="button" class="secondary small" onClick={() => onChange({ eventTypes: [...eventTypes] })}>
              {t('all')}
            </button>
            <button type="button" class="secondary small" onClick={() => onChange({ eventTypes: [] })}>
              {t('none')}
            </button>
          </div>
        </div>
        {eventsProblem && (
          <p class="field-problem" id={`${id}-events-problem`}>
            {choiceReason('eventTypes', eventsProblem, language)}
          </p>
        )}
        <ul class="hook-event-choices">
          {eventTypes.map((type) => (
            <li key={type}>
              <label class="choice">
                <input type="checkbox" value={type} checked={chosen.has(type)} onChange={(event) => toggle(type, event.currentTarget.checked)} />
                <span>
                  <strong>{names[type]}</strong>
                  <span class="hint">{sentences[type]}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <Field label={t('organisation')} hint={t('organisationHint')} problem={orgProblem && choiceReason('orgId', orgProblem, language)}>
        {(field) => (
          <select {...field} value={draft.orgId} onChange={(event) => onChange({ orgId: event.currentTarget.value })}>
            <option value="">{t('allOrganisations')}</option>
            {!knownOrg && <option value={draft.orgId}>{clients.names.get(draft.orgId) ?? draft.orgId}</option>}
            {clients.list.map((client) => (
              <option key={client.orgId} value={client.orgId}>
                {client.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('description')} hint={t('descriptionHint')} problem={problems.get('description')}>
        {(field) => <input {...field} type="text" maxLength={200} value={draft.description} onInput={(event) => onChange({ description: event.currentTarget.value })} />}
      </Field>
    </>
  );
};

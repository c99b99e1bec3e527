import type { ComponentChildren } from 'preact';
import { useContext, useState } from 'preact/hooks';
import type { Schemas } from '../api/client.js';
import { AppContext } from '../app-context.js';
import { useWords, type Words } from '../i18n.js';
import { ConfirmPanel } from './confirm-panel.js';
import { toggledRole, type Person, type PersonRole, type PersonStep } from './people-rules.js';
import { roleWords, stateWords } from './people-words.js';
import { formatWhen } from './when.js';

const words: Words<
  | 'you'
  | 'selfNote'
  | 'selfLastOrganisation'
  | 'selfLastStaff'
  | 'lastOrganisation'
  | 'lastStaff'
  | 'to_client_admin'
  | 'to_client_member'
  | 'to_admin'
  | 'to_agent'
  | 'to_participant'
  | 'resend'
  | 'deactivate'
  | 'reactivate'
  | 'remove'
  | 'export'
  | 'erase'
  | 'staffNotRemoved'
  | 'actions'
  | 'deactivateTitle'
  | 'deactivateText'
  | 'deactivateButton'
  | 'removeTitle'
  | 'removeText'
  | 'removeButton'
  | 'eraseTitle'
  | 'eraseText'
  | 'eraseType'
  | 'eraseButton'
  | 'exporting'
  | 'exportReady'
  | 'exportLink'
  | 'exportUntil'
> = {
  en: {
    you: '(you)',
    selfNote: 'This is you: nobody changes their own role or access. Another administrator does.',
    selfLastOrganisation: 'This is you, the only administrator. An organisation always keeps one: to step down, make someone else administrator first, and they change your role.',
    selfLastStaff: 'This is you, the agency’s only administrator. The agency always keeps one: to step down, make someone else administrator first, and they change your role.',
    lastOrganisation: 'The organisation’s only administrator: it always keeps one.',
    lastStaff: 'The agency’s only administrator: it always keeps one.',
    to_client_admin: 'Make administrator',
    to_client_member: 'Make member',
    to_admin: 'Make administrator',
    to_agent: 'Make agent',
    to_participant: 'Make participant',
    resend: 'Send the invitation again',
    deactivate: 'Deactivate…',
    reactivate: 'Reactivate',
    remove: 'Remove…',
    export: 'Export personal data',
    erase: 'Erase personal data…',
    staffNotRemoved: 'Staff are deactivated, never removed: the requests assigned to them and their ratings stay theirs.',
    actions: 'What to do with {name}',
    deactivateTitle: 'Take away the access of {name}?',
    deactivateText:
      'Their access ends at once: their next step in the Helpdesk is refused, they can’t sign in and they get no more mail. Nothing is deleted: everything in the Helpdesk stays, and the access can be given back at any time.',
    deactivateButton: 'Deactivate {name}',
    removeTitle: 'Remove {name} from the organisation?',
    removeText:
      'Their login is deleted at once, so they can’t sign in any more; the address can be invited again later. Messages, offers and orders keep the name they were written under.',
    removeButton: 'Remove {name}',
    eraseTitle: 'Erase the personal data of {name}?',
    eraseText:
      'This can’t be undone. Their login, profile, preferences, invitations and mail are deleted, and their name and address in what others keep become “former user”. Binding orders and their acceptances are kept, as Czech VAT law requires (10 years).',
    eraseType: 'To confirm, type their e-mail address: {email}',
    eraseButton: 'Erase for good',
    exporting: 'Collecting their data… this takes a few seconds.',
    exportReady: 'The export is ready:',
    exportLink: 'download {file}',
    exportUntil: '(the link works until {time})',
  },
  cs: {
    you: '(vy)',
    selfNote: 'To jste vy: vlastní roli ani přístup si nikdo nemění sám. Udělá to jiný správce.',
    selfLastOrganisation: 'To jste vy, jediný správce. Organizace má vždy aspoň jednoho: chcete-li roli předat, udělejte nejdřív správcem někoho jiného a ten pak změní roli vám.',
    selfLastStaff: 'To jste vy, jediný správce agentury. Agentura má vždy aspoň jednoho: chcete-li roli předat, udělejte nejdřív správcem někoho jiného a ten pak změní roli vám.',
    lastOrganisation: 'Jediný správce organizace: organizace má vždy aspoň jednoho.',
    lastStaff: 'Jediný správce agentury: agentura má vždy aspoň jednoho.',
    to_client_admin: 'Udělat správcem',
    to_client_member: 'Udělat členem',
    to_admin: 'Udělat správcem',
    to_agent: 'Udělat agentem',
    to_participant: 'Udělat pozvaným',
    resend: 'Poslat pozvánku znovu',
    deactivate: 'Zrušit přístup…',
    reactivate: 'Obnovit přístup',
    remove: 'Odebrat…',
    export: 'Exportovat osobní údaje',
    erase: 'Vymazat osobní údaje…',
    staffNotRemoved: 'Členy týmu nelze odebrat, jen jim zrušit přístup: přidělené požadavky a hodnocení zůstávají jejich.',
    actions: 'Co udělat: {name}',
    deactivateTitle: 'Zrušit přístup osobě {name}?',
    deactivateText:
      'Přístup skončí okamžitě: další krok v Helpdesku bude odmítnut, přihlášení nepůjde a e-maily přestanou chodit. Nic se nemaže: vše v Helpdesku zůstává a přístup lze kdykoli obnovit.',
    deactivateButton: 'Zrušit přístup: {name}',
    removeTitle: 'Odebrat osobu {name} z organizace?',
    removeText:
      'Přihlašovací účet se hned smaže, takže přihlášení už nepůjde; stejnou adresu lze později pozvat znovu. Zprávy, nabídky a objednávky si ponechají jméno, pod kterým vznikly.',
    removeButton: 'Odebrat: {name}',
    eraseTitle: 'Vymazat osobní údaje osoby {name}?',
    eraseText:
      'Tohle nejde vrátit. Smaže se přihlašovací účet, profil, nastavení, pozvánky a e-maily; jméno a adresa v tom, co zůstává ostatním, se nahradí „bývalý uživatel“. Závazné objednávky a jejich přijetí zůstávají, jak ukládá zákon o DPH (10 let).',
    eraseType: 'Pro potvrzení napište e-mailovou adresu: {email}',
    eraseButton: 'Nevratně vymazat',
    exporting: 'Shromažďuji údaje… trvá to pár sekund.',
    exportReady: 'Export je připraven:',
    exportLink: 'stáhnout {file}',
    exportUntil: '(odkaz platí do {time})',
  },
};

export interface PersonCardProps {
  person: Person;
  /** Whether the person is one of the agency's staff (never removed) or of a client organisation. */
  kind: 'organisation' | 'staff';
  self: boolean;
  /** The reader manages this person: role, access, invitation, removal. */
  manages: boolean;
  /** Invitations and reactivations are possible (the organisation is not deactivated). */
  mayInvite: boolean;
  /** The reader is an agency admin: export and erasure. */
  privacy: boolean;
  lastAdmin: boolean;
  busy: PersonStep | undefined;
  /** What happened to this person last: a sentence, a refusal. */
  notice?: ComponentChildren;
  exportLink?: Schemas['DownloadLink'];
  /** Takes the step; answers whether the API took it. */
  onStep: (step: PersonStep) => Promise<boolean>;
}

type Confirming = 'deactivate' | 'remove' | 'erase';

/** One person: who, their role and state (until when an invitation works), and what the reader may do with them. */
export const PersonCard = (props: PersonCardProps) => {
  const { language } = useContext(AppContext);
  const t = useWords(words);
  const role = useWords(roleWords);
  const state = useWords(stateWords);
  const [confirming, setConfirming] = useState<Confirming>();
  const { person } = props;
  const name = person.name;
  const hidden = (text: string) => <span class="visually-hidden"> {text}</span>;
  const triggerId = (step: Confirming) => `person-${person.userId}-${step}`;

  const stateDate = person.state === 'deactivated' ? person.deactivatedAt : person.invitationExpiresAt;
  const detail = state(`${person.state}Detail`, { date: stateDate ? formatWhen(stateDate, language) : '—' });

  const confirmed = async (step: Confirming) => {
    await props.onStep(step);
    setConfirming(undefined);
  };
  const cancel = (step: Confirming) => {
    setConfirming(undefined);
    requestAnimationFrame(() => document.getElementById(triggerId(step))?.focus());
  };

  const next: PersonRole = toggledRole(person);
  const acts = props.manages && !props.self;
  const busy = props.busy !== undefined;
  const selfNote = props.lastAdmin ? (props.kind === 'staff' ? t('selfLastStaff') : t('selfLastOrganisation')) : t('selfNote');

  return (
    <li class={`person-card person-${person.state}`} data-user-id={person.userId}>
      <div class="person-head">
        <h3 class="person-name">
          {name} {props.self && <span class="muted">{t('you')}</span>}
        </h3>
        <span class={`state state-${person.state}`}>{state(person.state)}</span>
      </div>
      <p class="person-email">{person.email}</p>
      <p class="person-role">
        <strong>{role(person.role)}</strong>
        {props.lastAdmin && !props.self && <span class="hint"> · {props.kind === 'staff' ? t('lastStaff') : t('lastOrganisation')}</span>}
      </p>
      <p class="hint">{detail}</p>
      {person.organisationDeactivated && <p class="hint">{state('organisationDeactivated')}</p>}
      {props.self && props.manages && <p class="notice self-note">{selfNote}</p>}
      {props.notice}
      {props.busy === 'export' && (
        <p class="hint" aria-busy="true">
          {t('exporting')}
        </p>
      )}
      {props.exportLink && (
        <p class="export-link">
          {t('exportReady')}{' '}
          <a href={props.exportLink.url} download={props.exportLink.fileName}>
            {t('exportLink', { file: props.exportLink.fileName })}
          </a>{' '}
          <span class="muted">{t('exportUntil', { time: formatWhen(props.exportLink.expiresAt, language) })}</span>
        </p>
      )}
      {(acts || (props.privacy && !props.self)) && !confirming && (
        <div class="person-actions" role="group" aria-label={t('actions', { name })}>
          {acts && (
            <button type="button" class="secondary small" disabled={busy} aria-busy={props.busy === 'role' ? 'true' : undefined} onClick={() => void props.onStep('role')}>
              {t(`to_${next}`)}
              {hidden(name)}
            </button>
          )}
          {acts && props.mayInvite && (person.state === 'invited' || person.state === 'invitation_expired') && (
            <button type="button" class={person.state === 'invitation_expired' ? 'primary small' : 'secondary small'} disabled={busy} aria-busy={props.busy === 'resend' ? 'true' : undefined} onClick={() => void props.onStep('resend')}>
              {t('resend')}
              {hidden(name)}
            </button>
          )}
          {acts && person.state !== 'deactivated' && (
            <button type="button" id={triggerId('deactivate')} class="danger small" disabled={busy} onClick={() => setConfirming('deactivate')}>
              {t('deactivate')}
              {hidden(name)}
            </button>
          )}
          {acts && props.mayInvite && person.state === 'deactivated' && (
            <button type="button" class="secondary small" disabled={busy} aria-busy={props.busy === 'reactivate' ? 'true' : undefined} onClick={() => void props.onStep('reactivate')}>
              {t('reactivate')}
              {hidden(name)}
            </button>
          )}
          {acts && props.kind === 'organisation' && (
            <button type="button" id={triggerId('remove')} class="danger small" disabled={busy} onClick={() => setConfirming('remove')}>
              {t('remove')}
              {hidden(name)}
            </button>
          )}
          {props.privacy && !props.self && (
            <button type="button" class="secondary small" disabled={busy} aria-busy={props.busy === 'export' ? 'true' : undefined} onClick={() => void props.onStep('export')}>
              {t('export')}
              {hidden(name)}
            </button>
          )}
          {props.privacy && !props.self && (
            <button type="button" id={triggerId('erase')} class="danger small" disabled={busy} onClick={() => setConfirming('erase')}>
              {t('erase')}
              {hidden(name)}
            </button>
          )}
        </div>
      )}
      {acts && props.kind === 'staff' && <p class="hint staff-not-removed">{t('staffNotRemoved')}</p>}
      {confirming === 'deactivate' && (
        <ConfirmPanel title={t('deactivateTitle', { name })} confirmLabel={t('deactivateButton', { name })} busy={busy} onConfirm={() => void confirmed('deactivate')} onCancel={() => cancel('deactivate')}>
          <p>{t('deactivateText')}</p>
        </ConfirmPanel>
      )}
      {confirming === 'remove' && (
        <ConfirmPanel title={t('removeTitle', { name })} confirmLabel={t('removeButton', { name })} busy={busy} onConfirm={() => void confirmed('remove')} onCancel={() => cancel('remove')}>
          <p>{t('removeText')}</p>
        </ConfirmPanel>
      )}
      {confirming === 'erase' && (
        <ConfirmPanel
          title={t('eraseTitle', { name })}
          confirmLabel={t('eraseButton')}
          busy={busy}
          onConfirm={() => void confirmed('erase')}
          onCancel={() => cancel('erase')}
          typeToConfirm={{ label: t('eraseType', { email: person.email }), text: person.email }}
        >
          <p>{t('eraseText')}</p>
        </ConfirmPanel>
      )}
    </li>
  );
};

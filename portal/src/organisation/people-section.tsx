import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { must, refusalOf, type ApiProblem, type Schemas } from '../api/client.js';
import { AppContext } from '../app-context.js';
import { useWords, type Words } from '../i18n.js';
import { ProblemBox } from '../ui/problem-box.js';
import { InviteForm } from './invite-form.js';
import { countsAsAdmin, isLastAdmin, personConflict, toggledRole, type PeopleScope, type Person, type PersonConflict, type PersonStep } from './people-rules.js';
import { PersonCard } from './person-card.js';
import { roleWords } from './people-words.js';
import { ConflictBox } from './conflict-box.js';
import './organisation.css';

const words: Words<
  | 'loading'
  | 'none'
  | 'noneOrganisation'
  | 'noAdmin'
  | 'deactivatedOrganisation'
  | 'list'
  | `conflict_${PersonConflict}`
  | 'lastAdminStaff'
  | 'self'
  | 'roleChanged'
  | 'deactivated'
  | 'reactivated'
  | 'resent'
  | 'removed'
  | 'erased'
  | 'kept'
  | 'keptUntil'
> = {
  en: {
    loading: 'Loading the people…',
    none: 'Nobody here yet.',
    noneOrganisation: 'Nobody here yet. Invite the organisation’s first administrator below: until then nobody of it can sign in.',
    noAdmin: 'The organisation has no administrator: invite one, or make someone administrator, so that someone of theirs manages its people.',
    deactivatedOrganisation: 'The organisation is deactivated: nobody of it can sign in. Invitations and reactivations wait until the agency’s administrators reactivate it.',
    list: 'People',
    conflict_lastAdmin: '{name} is the organisation’s only administrator, and an organisation always keeps one, so nothing was changed. Make someone else administrator first (invite one, or change a member’s role), then try again.',
    lastAdminStaff: '{name} is the agency’s only administrator, and the agency always keeps one, so nothing was changed. Make someone else administrator first, then try again.',
    conflict_organisationDeactivated: 'The organisation is deactivated, so nothing was done. The agency’s administrators reactivate it first.',
    conflict_signedInAlready: '{name} has signed in already, so there is no invitation to send. A forgotten password is reset on the sign-in page.',
    conflict_deactivatedAlready: '{name} has no access, so no invitation was sent. Reactivate them first.',
    conflict_changed: 'Someone else changed {name} in the meantime, so nothing was done. Below is how things stand now: decide again.',
    self: 'Nobody changes their own role or access: ask another administrator.',
    roleChanged: '{name} is now: {role}.',
    deactivated: '{name} has no access any more, from this moment.',
    reactivated: '{name} has their access back.',
    resent: 'The invitation went to {email} again, with a new temporary password valid for 7 days.',
    removed: '{name} was removed: their login is deleted.',
    erased: 'The personal data of {name} are erased: {deleted} items deleted, {anonymised} anonymised.',
    kept: 'What is kept, and why:',
    keptUntil: 'until {date}',
  },
  cs: {
    loading: 'Načítám lidi…',
    none: 'Zatím tu nikdo není.',
    noneOrganisation: 'Zatím tu nikdo není. Níže pozvěte prvního správce organizace: do té doby se za ni nikdo nepřihlásí.',
    noAdmin: 'Organizace nemá žádného správce: pozvěte ho, nebo někoho správcem udělejte, aby její lidi měl kdo spravovat.',
    deactivatedOrganisation: 'Organizace je deaktivovaná: nikdo z ní se nepřihlásí. Pozvánky a obnovení přístupu počkají, až ji správci agentury znovu aktivují.',
    list: 'Lidé',
    conflict_lastAdmin: 'Osoba {name} je jediný správce organizace a organizace má vždy aspoň jednoho, takže se nic nezměnilo. Nejdřív udělejte správcem někoho jiného (pozvěte ho, nebo změňte roli některému členovi) a pak to zkuste znovu.',
    lastAdminStaff: 'Osoba {name} je jediný správce agentury a agentura má vždy aspoň jednoho, takže se nic nezměnilo. Nejdřív udělejte správcem někoho jiného a pak to zkuste znovu.',
    conflict_organisationDeactivated: 'Organizace je deaktivovaná, takže se nic neprovedlo. Nejdřív ji musí znovu aktivovat správci agentury.',
    conflict_signedInAlready: 'Osoba {name} se už přihlásila, takže není jakou pozvánku poslat. Zapomenuté heslo si obnoví na přihlašovací stránce.',
    conflict_deactivatedAlready: 'Osoba {name} nemá přístup, takže se pozvánka neposlala. Nejdřív přístup obnovte.',
    conflict_changed: 'Osobu {name} mezitím změnil někdo jiný, takže se nic neprovedlo. Níže je aktuální stav: rozhodněte znovu.',
    self: 'Vlastní roli ani přístup si nikdo nemění sám: požádejte jiného správce.',
    roleChanged: 'Osoba {name} má nyní roli: {role}.',
    deactivated: 'Osoba {name} od této chvíle nemá přístup.',
    reactivated: 'Osoba {name} má přístup zase obnovený.',
    resent: 'Pozvánka odešla znovu na {email}, s novým dočasným heslem platným 7 dní.',
    removed: 'Osoba {name} je odebrána: její přihlašovací účet je smazán.',
    erased: 'Osobní údaje osoby {name} jsou vymazány: smazáno {deleted} záznamů, anonymizováno {anonymised}.',
    kept: 'Co zůstává uchováno a proč:',
    keptUntil: 'do {date}',
  },
};

interface PeopleSectionProps {
  scope: PeopleScope;
  /** The reader manages these people (a client admin of theirs, an agency admin); agents only read. */
  manages: boolean;
  /** The reader is an agency admin, who exports and erases a person's data. */
  privacy: boolean;
  /** Called after every change the API took, so the log shows it. */
  onChanged: () => void;
}

/** What is said about a step: done, refused by a rule the page knows, refused otherwise, or an erasure's record. */
type Said =
  | { kind: 'done'; text: string }
  | { kind: 'conflict'; text: string; next?: string; status: number }
  | { kind: 'problem'; problem: ApiProblem }
  | { kind: 'erased'; record: Schemas['Erasure'] };

/** What happened last, to a person (shown on their card) or to someone no longer listed (shown above the list). */
type Notice = { userId: string; name: string } & Said;

/**
 * The people of an organisation or of the agency, with their role and state, and what the reader
 * may do with each: invite, change the role, deactivate and reactivate, send the invitation again,
 * remove (not staff), and for the agency's admins export and erase. One implementation for the
 * agency's pages and the client admin's own. Each step reloads the list; a 409 is explained from
 * the list as it is afterwards (people-rules.ts).
 */
export const PeopleSection = ({ scope, manages, privacy, onChanged }: PeopleSectionProps) => {
  const { api, me, language } = useContext(AppContext);
  const t = useWords(words);
  const role = useWords(roleWords);
  const [people, setPeople] = useState<Person[]>();
  const [loadProblem, setLoadProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState<{ userId: string; step: PersonStep }>();
  const [notice, setNotice] = useState<Notice>();
  const [exports, setExports] = useState<Record<string, Schemas['DownloadLink']>>({});
  const noticeRef = useRef<HTMLDivElement>(null);
  const scopeKey = scope.kind === 'staff' ? 'staff' : scope.orgId;

  const load = async (): Promise<Person[] | undefined> => {
    try {
      const list = scope.kind === 'staff' ? await must(api.GET('/staff')) : await must(api.GET('/orgs/{orgId}/people', { params: { path: { orgId: scope.orgId } } }));
      setPeople(list);
      setLoadProblem(undefined);
      return list;
    } catch (error) {
      setLoadProblem(refusalOf(error));
      return undefined;
    }
  };
  // Read again when the organisation is (de)activated: every person's access changes with it.
  useEffect(() => void load(), [scopeKey, scope.kind === 'organisation' && scope.deactivated]);
  // A notice is read out (role=alert/status) and scrolled to: the list may have moved under it.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  /** Sends the step; answers what to say about it (an export shows its link on the card instead). */
  const take = async (person: Person, kind: PersonStep): Promise<Said | undefined> => {
    const path = { params: { path: { userId: person.userId } } };
    const done = (text: string) => ({ kind: 'done' as const, text });
    switch (kind) {
      case 'role': {
        // The version as shown (none stored reads as 0, as the API counts it): a change made meanwhile is a 409, not overwritten.
        const changed = await must(api.PUT('/people/{userId}/role', { ...path, body: { role: toggledRole(person), version: person.version ?? 0 } }));
        return done(t('roleChanged', { name: person.name, role: role(changed.role) }));
      }
      case 'deactivate':
        await must(api.POST('/people/{userId}/deactivate', path));
        return done(t('deactivated', { name: person.name }));
      case 'reactivate':
        await must(api.POST('/people/{userId}/reactivate', path));
        return done(t('reactivated', { name: person.name }));
      case 'resend':
        await must(api.POST('/people/{userId}/invitation', path));
        return done(t('resent', { email: person.email }));
      case 'remove':
        await must(api.DELETE('/people/{userId}', path));
        return done(t('removed', { name: person.name }));
      case 'export': {
        const link = await must(api.POST('/people/{userId}/export', path));
        setExports((before) => ({ ...before, [person.userId]: link }));
        return undefined;
      }
      case 'erase':
        return { kind: 'erased', record: await must(api.POST('/people/{userId}/erasure', path)) };
    }
  };

  const step = async (person: Person, kind: PersonStep): Promise<boolean> => {
    setBusy({ userId: person.userId, step: kind });
    setNotice(undefined);
    const who = { userId: person.userId, name: person.name };
    try {
      const done = await take(person, kind);
      // Said once the list shows the change, so the sentence and the card agree.
      await load();
      if (done) setNotice({ ...who, ...done });
      onChanged();
      return true;
    } catch (error) {
      const problem = refusalOf(error);
      if (problem.status === 409) {
        const fresh = (await load()) ?? people ?? [];
        const conflict = personConflict(kind, person.userId, fresh);
        const text = conflict === 'lastAdmin' && scope.kind === 'staff' ? t('lastAdminStaff', { name: person.name }) : t(`conflict_${conflict}`, { name: person.name });
        setNotice({ ...who, kind: 'conflict', text, status: 409, ...(problem.next ? { next: problem.next } : {}) });
      } else if (problem.status === 403 && person.userId === me?.userId) setNotice({ ...who, kind: 'conflict', text: t('self'), status: 403 });
      else setNotice({ ...who, kind: 'problem', problem });
      return false;
    } finally {
      setBusy(undefined);
    }
  };

  const shown = (item: Notice) => (
    <div class="person-notice" tabIndex={-1} ref={noticeRef}>
      {item.kind === 'done' && (
        <p class="confirmation" role="status">
          {item.text}
        </p>
      )}
      {item.kind === 'conflict' && <ConflictBox sentence={item.text} next={item.next} status={item.status} />}
      {item.kind === 'problem' && <ProblemBox problem={item.problem} />}
      {item.kind === 'erased' && (
        <div class="confirmation-box" role="status">
          <p>{t('erased', { name: item.name, deleted: sum(item.record.deleted), anonymised: sum(item.record.anonymised) })}</p>
          {item.record.kept.length > 0 && (
            <>
              <p>{t('kept')}</p>
              <ul class="kept">
                {item.record.kept.map((kept) => (
                  <li>
                    <span class="mono">{kept.requestId ? `#${kept.requestId} ` : ''}{kept.kind}</span>
                    {kept.keepUntil && <span> {t('keptUntil', { date: new Date(kept.keepUntil).toLocaleDateString(language === 'cs' ? 'cs-CZ' : 'en-GB') })}</span>}
                    <span lang="en" class="hint">
                      {' '}
                      — {kept.reason}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );

  const organisationActive = scope.kind === 'staff' || !scope.deactivated;
  const listed = notice && people?.some((person) => person.userId === notice.userId);
  const hasAdmin = people?.some(countsAsAdmin);

  return (
    <div class="people-section stack">
      {scope.kind === 'organisation' && scope.deactivated && <p class="notice">{t('deactivatedOrganisation')}</p>}
      {notice && !listed && shown(notice)}
      <ProblemBox problem={loadProblem} />
      {!people && !loadProblem && (
        <p class="loading-line" aria-busy="true">
          {t('loading')}
        </p>
      )}
      {people?.length === 0 && <p class="empty">{scope.kind === 'organisation' && manages ? t('noneOrganisation') : t('none')}</p>}
      {people && people.length > 0 && scope.kind === 'organisation' && !hasAdmin && <p class="notice">{t('noAdmin')}</p>}
      {people && people.length > 0 && (
        <ul class="person-cards" aria-label={t('list')} aria-busy={busy ? 'true' : undefined}>
          {people.map((person) => (
            <PersonCard
              key={person.userId}
              person={person}
              kind={scope.kind}
              self={person.userId === me?.userId}
              manages={manages}
              mayInvite={organisationActive}
              privacy={privacy}
              lastAdmin={isLastAdmin(person, people)}
              busy={busy?.userId === person.userId ? busy.step : undefined}
              {...(notice?.userId === person.userId ? { notice: shown(notice) } : {})}
              {...(exports[person.userId] ? { exportLink: exports[person.userId] } : {})}
              onStep={(kind) => step(person, kind)}
            />
          ))}
        </ul>
      )}
      {manages && organisationActive && people && (
        <InviteForm
          scope={scope}
          people={people}
          onInvited={async () => {
            setNotice(undefined);
            await load();
            onChanged();
          }}
        />
      )}
    </div>
  );
};

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, count) => total + count, 0);

import { useContext, useState } from 'preact/hooks';
import { must, refusalOf, type ApiProblem, type Schemas } from '../api/client.js';
import { AppContext } from '../app-context.js';
import { useWords, type Words } from '../i18n.js';
import { ProblemBox } from '../ui/problem-box.js';
import { ConfirmPanel } from './confirm-panel.js';
import { formatWhen } from './when.js';

type Organisation = Schemas['Organisation'];

const words: Words<
  | 'active'
  | 'deactivatedSince'
  | 'deactivate'
  | 'confirmTitle'
  | 'confirmText'
  | 'confirmKept'
  | 'confirmBack'
  | 'confirmButton'
  | 'reactivate'
  | 'reactivateHint'
  | 'reactivating'
  | 'deactivated'
  | 'reactivated'
> = {
  en: {
    active: 'Active: its people sign in as their own access allows.',
    deactivatedSince: 'Deactivated since {date}: nobody of it signs in or takes a step. Its requests, orders and history stay.',
    deactivate: 'Deactivate the organisation…',
    confirmTitle: 'Deactivate {name}?',
    confirmText: 'Everyone of {name} loses their access at once: their next step in the Helpdesk is refused, nobody of it can sign in, and they get no more mail.',
    confirmKept: 'Nothing is deleted: its requests, offers, orders and history stay, and the agency still sees them.',
    confirmBack: 'Reactivating gives everyone their access back, except people whose own access was taken away.',
    confirmButton: 'Deactivate {name}',
    reactivate: 'Reactivate the organisation',
    reactivateHint: 'Everyone gets their access back, except people whose own access was taken away.',
    reactivating: 'Reactivating…',
    deactivated: '{name} is deactivated: nobody of it has access any more.',
    reactivated: '{name} is active again: its people have their access back.',
  },
  cs: {
    active: 'Aktivní: její lidé se přihlašují, jak jim dovoluje jejich vlastní přístup.',
    deactivatedSince: 'Deaktivovaná od {date}: nikdo z ní se nepřihlásí ani nic neudělá. Její požadavky, objednávky a historie zůstávají.',
    deactivate: 'Deaktivovat organizaci…',
    confirmTitle: 'Deaktivovat organizaci {name}?',
    confirmText: 'Všichni z organizace {name} okamžitě přijdou o přístup: další krok v Helpdesku bude odmítnut, nikdo z ní se nepřihlásí a e-maily přestanou chodit.',
    confirmKept: 'Nic se nemaže: její požadavky, nabídky, objednávky i historie zůstávají a agentura je dál vidí.',
    confirmBack: 'Opětovná aktivace vrátí přístup všem kromě těch, kterým byl zrušen jednotlivě.',
    confirmButton: 'Deaktivovat {name}',
    reactivate: 'Znovu aktivovat organizaci',
    reactivateHint: 'Všichni dostanou přístup zpět kromě těch, kterým byl zrušen jednotlivě.',
    reactivating: 'Aktivuji…',
    deactivated: 'Organizace {name} je deaktivovaná: nikdo z ní už nemá přístup.',
    reactivated: 'Organizace {name} je znovu aktivní: její lidé mají přístup zpět.',
  },
};

/**
 * Whether an organisation's people may sign in at all: the agency's admins deactivate it (asked
 * again, saying that access ends at once and nothing is deleted) and reactivate it.
 */
export const OrganisationAccess = ({ organisation, manages, onChanged }: { organisation: Organisation; manages: boolean; onChanged: (next: Organisation) => void }) => {
  const { api, language } = useContext(AppContext);
  const t = useWords(words);
  const [confirming, setConfirming] = useState(false);
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [done, setDone] = useState<string>();
  const path = { params: { path: { orgId: organisation.orgId } } };
  const name = organisation.name;

  const run = async (active: boolean) => {
    setWorking(true);
    setProblem(undefined);
    setDone(undefined);
    try {
      const next = await must(active ? api.POST('/orgs/{orgId}/reactivate', path) : api.POST('/orgs/{orgId}/deactivate', path));
      setConfirming(false);
      onChanged(next);
      setDone(t(active ? 'reactivated' : 'deactivated', { name }));
    } catch (error) {
      setConfirming(false);
      setProblem(refusalOf(error));
    } finally {
      setWorking(false);
    }
  };

  return (
    <div class="stack">
      <p class={organisation.deactivatedAt ? 'notice org-deactivated' : 'org-active'}>
        {organisation.deactivatedAt ? t('deactivatedSince', { date: formatWhen(organisation.deactivatedAt, language) }) : t('active')}
      </p>
      <p class="confirmation" role="status">
        {done}
      </p>
      <ProblemBox problem={problem} />
      {manages && !organisation.deactivatedAt && !confirming && (
        <div class="actions">
          <button type="button" class="danger" id="organisation-deactivate" onClick={() => setConfirming(true)}>
            {t('deactivate')}
          </button>
        </div>
      )}
      {manages && confirming && (
        <ConfirmPanel
          title={t('confirmTitle', { name })}
          confirmLabel={t('confirmButton', { name })}
          busy={working}
          onConfirm={() => void run(false)}
          onCancel={() => {
            setConfirming(false);
            requestAnimationFrame(() => document.getElementById('organisation-deactivate')?.focus());
          }}
        >
          <p>{t('confirmText', { name })}</p>
          <p>{t('confirmKept')}</p>
          <p>{t('confirmBack')}</p>
        </ConfirmPanel>
      )}
      {manages && organisation.deactivatedAt && (
        <div class="actions">
          <button type="button" class="primary" disabled={working} aria-busy={working ? 'true' : undefined} onClick={() => void run(true)}>
            {working ? t('reactivating') : t('reactivate')}
          </button>
          <p class="hint">{t('reactivateHint')}</p>
        </div>
      )}
    </div>
  );
};

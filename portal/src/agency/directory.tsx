import { useContext, useEffect, useId, useRef, useState } from 'preact/hooks';
import { must, refusalOf, type ApiProblem, type Schemas } from '../api/client.js';
import { AppContext } from '../app-context.js';
import { useWords, type Words } from '../i18n.js';
import { statusWords, type RequestStatus } from '../request-words.js';
import './directory.css';

/**
 * Who the agency's pages name: its people (`GET /staff`: assignees and who may be assigned) and its
 * clients (`GET /orgs`: names beside requests, and the choice of a client to filter by). Both are
 * read once per page, not on every live refresh: they change rarely, and a client the list does not
 * hold yet (filed since, or past the pages read) is read on its own when a request of theirs shows.
 */

type Person = Schemas['Person'];

/**
 * The agency's people; an assignee may be someone deactivated since, so everyone is kept for their
 * name. `undefined` until the list is read: nobody is "no longer on the staff" before it is known.
 */
export const useStaff = () => {
  const { api } = useContext(AppContext);
  const [staff, setStaff] = useState<Person[]>();
  const [problem, setProblem] = useState<ApiProblem>();
  useEffect(() => {
    must(api.GET('/staff')).then(
      (people) => setStaff([...people].sort((a, b) => a.name.localeCompare(b.name))),
      (error: unknown) => setProblem(refusalOf(error)),
    );
  }, [api]);
  return { staff, problem };
};

/** Who a request may be assigned to: the agency's people who can still sign in (the API refuses the others); nobody before the list is read. */
export const assignable = (staff: readonly Person[] | undefined) => (staff ?? []).filter((person) => person.state !== 'deactivated' && !person.organisationDeactivated);

/** Pages of `GET /orgs` read for the names and the filter (200 each): a thousand clients. */
const clientPages = 5;

export interface Clients {
  /** Names by organisation id. */
  names: ReadonlyMap<string, string>;
  /** Every client read, by name: the choices of a filter. */
  list: readonly { orgId: string; name: string }[];
  problem: ApiProblem | undefined;
}

/** The agency's clients by name; `shown` are the organisations whose requests the page shows (their names are made sure of). */
export const useClients = (shown: readonly string[]): Clients => {
  const { api, language } = useContext(AppContext);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [listed, setListed] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const asked = useRef(new Set<string>());

  useEffect(() => {
    const read = async () => {
      const found = new Map<string, string>();
      let cursor: string | undefined;
      for (let page = 0; page < clientPages; page++) {
        const answer = await must(api.GET('/orgs', { params: { query: { limit: '200', ...(cursor ? { cursor } : {}) } } }));
        for (const organisation of answer.items) found.set(organisation.orgId, organisation.name);
        cursor = answer.nextCursor;
        if (!cursor) break;
      }
      return found;
    };
    read().then(
      (found) => {
        setNames((before) => new Map([...before, ...found]));
        setListed(true);
      },
      (error: unknown) => setProblem(refusalOf(error)),
    );
  }, [api]);

  const missing = shown.filter((orgId) => !names.has(orgId) && !asked.current.has(orgId));
  useEffect(() => {
    if (!listed) return;
    for (const orgId of new Set(missing)) {
      asked.current.add(orgId);
      // One client read alone; a refusal leaves the id shown instead of a name.
      void api.GET('/orgs/{orgId}', { params: { path: { orgId } } }).then(({ data }) => data && setNames((before) => new Map(before).set(orgId, data.name)));
    }
  }, [listed, missing.join(' ')]);

  const collator = new Intl.Collator(language);
  const list = [...names].map(([orgId, name]) => ({ orgId, name })).sort((a, b) => collator.compare(a.name, b.name));
  return { names, list, problem };
};

const words: Words<'client' | 'allClients'> = {
  en: { client: 'Client', allClients: 'All clients' },
  cs: { client: 'Klient', allClients: 'Všichni klienti' },
};

/** The choice of a client to filter by (`''`: all); the one chosen stays a choice while the list is read. */
export const ClientSelect = ({ clients, value, onChange }: { clients: Clients; value: string; onChange: (orgId: string) => void }) => {
  const t = useWords(words);
  const id = useId();
  const known = clients.list.some((client) => client.orgId === value);
  return (
    <div class="filter">
      <label for={id}>{t('client')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        <option value="">{t('allClients')}</option>
        {value && !known && <option value={value}>{clients.names.get(value) ?? value}</option>}
        {clients.list.map((client) => (
          <option key={client.orgId} value={client.orgId}>
            {client.name}
          </option>
        ))}
      </select>
    </div>
  );
};

/** The address of a list with its filters: empty ones left out, so a link names only what was chosen. */
export const withQuery = (path: string, filters: Record<string, string | undefined>) => {
  const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
};

/**
 * Statuses as the agency reads them: the client's words (request-words.ts) except where those
 * speak to the client ("For your review" is the client's review, "Offer to decide" their decision).
 */
export const agencyStatusWords: Words<RequestStatus> = {
  en: { ...statusWords.en, quoted: 'Offer sent', in_review: 'In the client’s review' },
  cs: { ...statusWords.cs, quoted: 'Nabídka odeslána', in_review: 'Klient kontroluje' },
};

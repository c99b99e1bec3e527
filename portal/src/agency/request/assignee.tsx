import { useContext, useId, useState } from 'preact/hooks';
import { must, type Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useWords, type Words } from '../../i18n.js';
import { Refusal, useStep } from '../../pages/request/decision-kit.js';
import { assignable } from '../directory.js';
import './assignee.css';

type Request = Schemas['Request'];
type Person = Schemas['Person'];

const words: Words<'assignedTo' | 'nobody' | 'handledBy' | 'nobodyHandled' | 'former' | 'toMe' | 'someoneElse' | 'assignTo' | 'assign' | 'unassign' | 'working' | 'mine'> = {
  en: {
    assignedTo: 'Assigned to {name}',
    nobody: 'Nobody is assigned',
    handledBy: 'Handled by {name}',
    nobodyHandled: 'Nobody was assigned',
    former: 'someone no longer on the staff',
    toMe: 'Assign to me',
    someoneElse: 'Someone else…',
    assignTo: 'Assign to',
    assign: 'Assign',
    unassign: 'Unassign',
    working: 'Saving…',
    mine: 'Assigned to you',
  },
  cs: {
    assignedTo: 'Přiděleno: {name}',
    nobody: 'Nikomu nepřiděleno',
    handledBy: 'Měl(a) na starosti: {name}',
    nobodyHandled: 'Nikomu nebyl přidělen',
    former: 'někdo, kdo už v týmu není',
    toMe: 'Přidělit mně',
    someoneElse: 'Někomu jinému…',
    assignTo: 'Přidělit komu',
    assign: 'Přidělit',
    unassign: 'Zrušit přidělení',
    working: 'Ukládám…',
    mine: 'Přiděleno vám',
  },
};

/** Statuses whose requests are finished: the API assigns none of them (409), and their assignee is who handled them. */
const finished: ReadonlySet<Request['status']> = new Set(['accepted', 'closed', 'cancelled']);

/** The name of an assignee not known yet (the staff list is being read). */
export const unknownName = '…';

/**
 * Who a request is assigned to, in words; a finished one in the past ("Handled by"): it keeps its
 * assignee, but nobody is assigned to it any more. Before the staff list is read (`undefined`) an
 * assignee is `unknownName`: "someone no longer on the staff" only when the list is known and lacks them.
 */
export const useAssigneeName = (staff: readonly Person[] | undefined) => {
  const t = useWords(words);
  return (request: Pick<Request, 'assigneeId' | 'status'>) => {
    const done = finished.has(request.status);
    if (!request.assigneeId) return done ? t('nobodyHandled') : t('nobody');
    if (!staff) return unknownName;
    const name = staff.find((person) => person.userId === request.assigneeId)?.name ?? t('former');
    return done ? t('handledBy', { name }) : t('assignedTo', { name });
  };
};

/**
 * Who works on a request, and changing it (`PUT /requests/{requestId}/assignee`): take it, give it
 * to someone else of the agency, or (in full) leave it unassigned. `compact` is a row of the work
 * queue: "Assign to me" and the others folded away, each button naming its request for a screen
 * reader (`label`). A refusal shows as a sentence; a 409 (someone changed it first) offers a reload.
 */
export const AssignControls = ({
  request,
  staff,
  onChanged,
  compact = false,
  label,
}: {
  request: Request;
  /** `undefined` while it is read: nobody to choose yet. */
  staff: readonly Person[] | undefined;
  /** After the API took the change, or to read the request again after a 409. */
  onChanged: () => Promise<void>;
  compact?: boolean;
  /** The request, as a screen reader hears it after each button's name in a list of many. */
  label?: string;
}) => {
  const { api, me } = useContext(AppContext);
  const t = useWords(words);
  const id = useId();
  const step = useStep();
  const people = assignable(staff);
  const [chosen, setChosen] = useState('');
  const mine = me !== undefined && request.assigneeId === me.userId;
  const suffix = label ? <span class="visually-hidden">: {label}</span> : null;

  const assign = (assigneeId: string | null) =>
    step.run(
      () => must(api.PUT('/requests/{requestId}/assignee', { params: { path: { requestId: request.requestId } }, body: { assigneeId } })),
      async () => {
        setChosen('');
        await onChanged();
      },
    );

  // A finished request is assigned no more (the API refuses it): its name says who handled it, and nothing here contradicts it.
  if (finished.has(request.status)) return null;
  const others = (
    <div class="assign-other">
      <label for={`${id}-to`}>{t('assignTo')}</label>
      <select id={`${id}-to`} value={chosen} onChange={(event) => setChosen(event.currentTarget.value)}>
        <option value="" disabled>
          —
        </option>
        {people
          .filter((person) => person.userId !== request.assigneeId)
          .map((person) => (
            <option key={person.userId} value={person.userId}>
              {person.name}
            </option>
          ))}
      </select>
      <button type="button" class="secondary small" disabled={step.busy || !chosen} onClick={() => void assign(chosen)}>
        {t('assign')}
        {suffix}
      </button>
    </div>
  );

  return (
    <div class={compact ? 'assign assign-compact' : 'assign'}>
      <div class="assign-buttons">
        {mine ? (
          <span class="badge mine">{t('mine')}</span>
        ) : (
          me && (
            <button type="button" class={compact ? 'secondary small' : 'primary'} disabled={step.busy} onClick={() => void assign(me.userId)}>
              {step.busy ? t('working') : t('toMe')}
              {suffix}
            </button>
          )
        )}
        {!compact && request.assigneeId && (
          <button type="button" class="secondary" disabled={step.busy} onClick={() => void assign(null)}>
            {t('unassign')}
          </button>
        )}
      </div>
      {compact ? (
        <details class="assign-more">
          <summary>
            {t('someoneElse')}
            {suffix}
          </summary>
          {others}
        </details>
      ) : (
        others
      )}
      <Refusal problem={step.problem} onReload={async () => (step.setProblem(undefined), await onChanged())} />
    </div>
  );
};

import { useContext, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiRefusal, must, type ApiProblem, type Schemas } from '../api/client.js';
import { AppContext } from '../app-context.js';
import { useWords, type Words } from '../i18n.js';
import { statusWords } from '../request-words.js';
import { ProblemBox } from '../ui/problem-box.js';
import { Shell } from '../ui/shell.js';

type Request = Schemas['Request'];

const words: Words<
  | 'title'
  | 'intro'
  | 'help'
  | 'loading'
  | 'empty'
  | 'grab'
  | 'up'
  | 'down'
  | 'top'
  | 'position'
  | 'readOnlyMember'
  | 'readOnly'
  | 'noQueue'
  | 'lifted'
  | 'at'
  | 'dropped'
  | 'unchanged'
  | 'cancelled'
  | 'saving'
  | 'race'
  | 'changedMeanwhile'
  | 'list'
> = {
  en: {
    title: 'Priorities',
    intro: 'Your organisation’s active requests in the order the agency handles them: first at the top.',
    help: 'Drag a request by its handle (⠿), or use its buttons. By keyboard: focus the handle, press Space to pick the request up, the arrow keys to move it, Space to drop it there, Escape to cancel.',
    loading: 'Loading the queue…',
    empty: 'No active requests: there is nothing to rank.',
    grab: 'Reorder #{id} {title}',
    up: 'Move up',
    down: 'Move down',
    top: 'Move to top',
    position: 'Position {n}',
    readOnlyMember: 'Your organisation lets only its administrators set the priorities, so you see the order but cannot change it. Ask an administrator to reorder, or to allow members to rank.',
    readOnly: 'You see this order but your role does not let you change it.',
    noQueue: 'You were invited to single requests only, so there is no queue of yours to rank. Your requests are under My requests.',
    lifted: '#{id} {title} picked up, position {n} of {total}. Arrow keys move it, Space drops it, Escape cancels.',
    at: '#{id}: position {n} of {total}.',
    dropped: '#{id} {title} moved to position {n} of {total}.',
    unchanged: '#{id} stays at position {n} of {total}.',
    cancelled: 'Moving cancelled: #{id} is back at position {n} of {total}.',
    saving: 'Saving the order…',
    race: 'The queue changed in the meantime (someone else reordered it), so this move was not made. Below is the queue as it is now: move the request again if needed.',
    changedMeanwhile: 'The queue had changed in the meantime (someone else reordered it). #{id} was moved, and below is the queue as it is now: check the order.',
    list: 'Queue of active requests',
  },
  cs: {
    title: 'Priority',
    intro: 'Aktivní požadavky vaší organizace v pořadí, v jakém je agentura vyřizuje: první nahoře.',
    help: 'Požadavek přetáhněte za úchyt (⠿), nebo použijte jeho tlačítka. Klávesnicí: přejděte na úchyt, mezerníkem požadavek zvedněte, šipkami ho posuňte, mezerníkem ho položte, Escape přesun zruší.',
    loading: 'Načítám pořadí…',
    empty: 'Žádné aktivní požadavky: není co řadit.',
    grab: 'Přeřadit #{id} {title}',
    up: 'Posunout výš',
    down: 'Posunout níž',
    top: 'Posunout na začátek',
    position: '{n}. místo',
    readOnlyMember: 'Vaše organizace dovoluje měnit priority jen správcům, takže pořadí vidíte, ale nemůžete ho měnit. Požádejte správce o přeřazení, nebo ať členům řazení povolí.',
    readOnly: 'Pořadí vidíte, ale vaše role vám ho měnit nedovoluje.',
    noQueue: 'Jste pozváni jen k jednotlivým požadavkům, takže nemáte žádné vlastní pořadí. Své požadavky najdete v Mých požadavcích.',
    lifted: '#{id} {title} zvednut, {n}. místo z {total}. Šipky ho posouvají, mezerník ho položí, Escape přesun zruší.',
    at: '#{id}: {n}. místo z {total}.',
    dropped: '#{id} {title} přesunut na {n}. místo z {total}.',
    unchanged: '#{id} zůstává na {n}. místě z {total}.',
    cancelled: 'Přesun zrušen: #{id} je zpět na {n}. místě z {total}.',
    saving: 'Ukládám pořadí…',
    race: 'Pořadí se mezitím změnilo (někdo jiný ho přeřadil), takže se tento přesun neprovedl. Níže je pořadí, jak je teď: případně požadavek přesuňte znovu.',
    changedMeanwhile: 'Pořadí se mezitím změnilo (někdo jiný ho přeřadil). #{id} se přesunul a níže je pořadí, jak je teď: zkontrolujte ho.',
    list: 'Pořadí aktivních požadavků',
  },
};

/** Where the request at `index` of `order` goes, as the API takes it: after its new upper neighbour, or to the top. */
const placement = (order: Request[], index: number): Schemas['Move'] => (index === 0 ? { to: 'top' } : { after: order[index - 1]!.requestId });

const moved = (order: Request[], from: number, to: number) => {
  const next = [...order];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
};

/** How an item is being moved right now: by the keyboard (picked up) or by a pointer (dragged). */
interface Lift {
  requestId: string;
  from: number;
  by: 'keyboard' | 'pointer';
}

/**
 * The client's queue, reordered by dragging a handle, by the keyboard alone (Space, arrows, Space,
 * Escape) or by the buttons of each item (a single pointer without dragging). Each change is one
 * move sent to the API; a move that lost a race reloads the queue and says so.
 */
export const Priorities = () => {
  const { api, me } = useContext(AppContext);
  const t = useWords(words);
  const status = useWords(statusWords);
  const [order, setOrder] = useState<Request[]>();
  const [mayRank, setMayRank] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [noQueue, setNoQueue] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  const [lift, setLift] = useState<Lift>();
  const [busy, setBusy] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  /** The control to focus once the list has been drawn again (moving a focused element's node blurs it). */
  const focusNext = useRef<string | undefined>(undefined);

  const load = async (): Promise<Request[] | undefined> => {
    try {
      const items: Request[] = [];
      let cursor: string | undefined;
      let rank = false;
      do {
        const page = await must(api.GET('/queue', { params: { query: { limit: '200', ...(cursor ? { cursor } : {}) } } }));
        items.push(...page.items.map((item) => item.request));
        rank = page.mayRank;
        cursor = page.nextCursor;
      } while (cursor);
      setOrder(items);
      setMayRank(rank);
      setProblem(undefined);
      return items;
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      if (error.problem.status === 403) setNoQueue(true);
      else setProblem(error.problem);
      return undefined;
    }
  };
  useEffect(() => void load(), []);
  useLayoutEffect(() => {
    if (!focusNext.current) return;
    const element = document.getElementById(focusNext.current) as HTMLButtonElement | null;
    if (element && !element.disabled) {
      element.focus();
      focusNext.current = undefined;
    }
  });

  const describe = (key: 'lifted' | 'at' | 'dropped' | 'unchanged' | 'cancelled', list: Request[], requestId: string) => {
    const index = list.findIndex((r) => r.requestId === requestId);
    return t(key, { id: requestId, title: list[index]?.title ?? '', n: index + 1, total: list.length });
  };

  /** Sends the move of `requestId` from `from` to where it is in `next`; reloads when the queue had changed meanwhile. */
  const commit = async (before: Request[], next: Request[], requestId: string, focus: string) => {
    const to = next.findIndex((r) => r.requestId === requestId);
    const from = before.findIndex((r) => r.requestId === requestId);
    if (to === from) {
      setOrder(before);
      setAnnouncement(describe('unchanged', before, requestId));
      return;
    }
    setOrder(next);
    setBusy(true);
    setNotice(undefined);
    setProblem(undefined);
    focusNext.current = focus;
    try {
      const answer = await must(api.POST('/requests/{requestId}/move', { params: { path: { requestId } }, body: placement(next, to) }));
      const expectedAfter = next[to - 1]?.requestId ?? null;
      const expectedBefore = next[to + 1]?.requestId ?? null;
      setAnnouncement(describe('dropped', next, requestId));
      if (answer.after !== expectedAfter || answer.before !== expectedBefore) {
        // It moved, but among neighbours the page did not show: someone reordered meanwhile.
        setNotice(t('changedMeanwhile', { id: requestId }));
        await load();
      }
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      const fresh = await load();
      setAnnouncement('');
      if (error.problem.status === 409) setNotice(t('race'));
      else {
        setOrder(fresh ?? before);
        setProblem(error.problem);
      }
    } finally {
      setBusy(false);
    }
  };

  // --- the keyboard: Space picks up and drops, arrows move, Escape cancels ---
  const lifted = useRef<Request[] | undefined>(undefined);
  const onHandleKey = (event: KeyboardEvent, requestId: string) => {
    if (!order || !mayRank || busy) return;
    const index = order.findIndex((r) => r.requestId === requestId);
    const handleId = `grab-${requestId}`;
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      if (!lift) {
        lifted.current = order;
        setLift({ requestId, from: index, by: 'keyboard' });
        setAnnouncement(describe('lifted', order, requestId));
      } else {
        setLift(undefined);
        void commit(lifted.current ?? order, order, requestId, handleId);
      }
      return;
    }
    if (!lift || lift.by !== 'keyboard') return;
    const step: Record<string, number> = { ArrowUp: -1, ArrowLeft: -1, ArrowDown: 1, ArrowRight: 1 };
    let target = index;
    if (event.key in step) target = Math.min(order.length - 1, Math.max(0, index + step[event.key]!));
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = order.length - 1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      const original = lifted.current ?? order;
      setOrder(original);
      setLift(undefined);
      focusNext.current = handleId;
      setAnnouncement(describe('cancelled', original, requestId));
      return;
    } else return;
    event.preventDefault();
    if (target === index) return;
    const next = moved(order, index, target);
    focusNext.current = handleId;
    setOrder(next);
    setAnnouncement(describe('at', next, requestId));
  };
  // A keyboard's Space or Enter "clicks" a button on key up: picking up and dropping happened on key down.
  const onHandleKeyUp = (event: KeyboardEvent) => {
    if (event.key === ' ') event.preventDefault();
  };

  // --- a pointer: drag the handle; the list follows the pointer, letting go drops ---
  const onPointerDown = (event: PointerEvent, requestId: string) => {
    if (!order || !mayRank || busy || lift || event.button !== 0) return;
    event.preventDefault();
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    lifted.current = order;
    setLift({ requestId, from: order.findIndex((r) => r.requestId === requestId), by: 'pointer' });
  };
  const onPointerMove = (event: PointerEvent) => {
    if (!order || lift?.by !== 'pointer' || !listRef.current) return;
    const rows = [...listRef.current.querySelectorAll<HTMLElement>(':scope > li')];
    const index = order.findIndex((r) => r.requestId === lift.requestId);
    // Its place: after every other row whose middle the pointer has passed.
    const target = rows.filter((row, i) => {
      if (i === index) return false;
      const box = row.getBoundingClientRect();
      return event.clientY > box.top + box.height / 2;
    }).length;
    if (target !== index) {
      const next = moved(order, index, target);
      setOrder(next);
      setAnnouncement(describe('at', next, lift.requestId));
    }
  };
  const onPointerUp = () => {
    if (!order || lift?.by !== 'pointer') return;
    const { requestId } = lift;
    setLift(undefined);
    void commit(lifted.current ?? order, order, requestId, `grab-${requestId}`);
  };
  const onPointerCancel = () => {
    if (lift?.by !== 'pointer') return;
    setOrder(lifted.current);
    setLift(undefined);
  };

  // --- the buttons: one click, one move ---
  const buttonMove = (requestId: string, kind: 'up' | 'down' | 'top') => {
    if (!order) return;
    const index = order.findIndex((r) => r.requestId === requestId);
    const target = kind === 'top' ? 0 : kind === 'up' ? index - 1 : index + 1;
    if (target < 0 || target >= order.length) return;
    const next = moved(order, index, target);
    const stillPossible = kind === 'down' ? target < order.length - 1 : target > 0;
    void commit(order, next, requestId, stillPossible ? `${kind}-${requestId}` : `grab-${requestId}`);
  };

  return (
    <Shell current="priorities">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <ProblemBox problem={problem} />
      {noQueue && <p class="notice">{t('noQueue')}</p>}
      {order === undefined && !problem && !noQueue && <p aria-busy="true">{t('loading')}</p>}
      {order && order.length === 0 && <p class="empty">{t('empty')}</p>}
      {order && order.length > 0 && !mayRank && <p class="notice">{me?.role === 'client_member' ? t('readOnlyMember') : t('readOnly')}</p>}
      {order && order.length > 0 && mayRank && (
        <p class="hint" id="queue-help">
          {t('help')}
        </p>
      )}
      {notice && (
        <p class="problem" role="alert">
          {notice}
        </p>
      )}
      <p class="visually-hidden" aria-live="assertive" aria-atomic="true" data-testid="queue-announcement">
        {announcement}
      </p>
      {order && order.length > 0 && (
        <ol class={`queue${lift ? ' queue-moving' : ''}`} ref={listRef} aria-label={t('list')} aria-busy={busy ? 'true' : undefined}>
          {order.map((request, index) => (
            <li key={request.requestId} class={lift?.requestId === request.requestId ? 'queue-item lifted' : 'queue-item'} data-request-id={request.requestId}>
              {mayRank && (
                <button
                  type="button"
                  class="grab"
                  id={`grab-${request.requestId}`}
                  aria-label={t('grab', { id: request.requestId, title: request.title })}
                  aria-describedby="queue-help"
                  aria-pressed={lift?.requestId === request.requestId}
                  disabled={busy}
                  onKeyDown={(event) => onHandleKey(event, request.requestId)}
                  onKeyUp={onHandleKeyUp}
                  onPointerDown={(event) => onPointerDown(event, request.requestId)}
                  onPointerMove={onPointerMove}
                  onPointerUp={onPointerUp}
                  onPointerCancel={onPointerCancel}
                >
                  <span aria-hidden="true">⠿</span>
                </button>
              )}
              <span class="queue-position" aria-hidden="true">
                {index + 1}
              </span>
              <span class="queue-text">
                <span class="visually-hidden">{t('position', { n: index + 1 })}: </span>
                <a href={`/requests/${request.requestId}`}>
                  <span class="number">#{request.requestId}</span> <span class="title">{request.title}</span>
                </a>
                <span class="meta">
                  <span class={`status status-${request.status}`}>{status(request.status)}</span>
                </span>
              </span>
              {mayRank && (
                <span class="queue-buttons">
                  <button type="button" class="secondary" id={`up-${request.requestId}`} disabled={busy || !!lift || index === 0} onClick={() => buttonMove(request.requestId, 'up')}>
                    {t('up')}
                    <span class="visually-hidden"> #{request.requestId}</span>
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    id={`down-${request.requestId}`}
                    disabled={busy || !!lift || index === order.length - 1}
                    onClick={() => buttonMove(request.requestId, 'down')}
                  >
                    {t('down')}
                    <span class="visually-hidden"> #{request.requestId}</span>
                  </button>
                  <button type="button" class="secondary" id={`top-${request.requestId}`} disabled={busy || !!lift || index === 0} onClick={() => buttonMove(request.requestId, 'top')}>
                    {t('top')}
                    <span class="visually-hidden"> #{request.requestId}</span>
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </Shell>
  );
};

import type { ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { must, refusalOf, type ApiProblem, type Schemas } from '../../api/client.js';
import { useWords, type Words } from '../../i18n.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { useApp } from './decision-kit.js';
import { RequestContext } from './request-context.js';

/**
 * What the client's Order tab and the agency's share: the order read (again when the tab says),
 * the state before it is read, its head with paid or not, and its PDF (or a button to look
 * again while the PDF is still being made). Each side keeps its own words where they differ.
 */

type OrderAnswer = Schemas['Order'];

const words: Words<'loading' | 'order' | 'paid' | 'awaiting' | 'download' | 'checkAgain'> = {
  en: {
    loading: 'Loading the order…',
    order: 'Order {number}',
    paid: 'Paid',
    awaiting: 'Awaiting payment',
    download: 'Download the order (PDF)',
    checkAgain: 'Check again',
  },
  cs: {
    loading: 'Načítám objednávku…',
    order: 'Objednávka {number}',
    paid: 'Zaplaceno',
    awaiting: 'Čeká na platbu',
    download: 'Stáhnout objednávku (PDF)',
    checkAgain: 'Zkontrolovat znovu',
  },
};

/** The request's order, read when the request changes and again whenever `readAgain` does. */
export const useOrder = (readAgain: unknown) => {
  const { api } = useApp();
  const { request } = useContext(RequestContext);
  const [answer, setAnswer] = useState<OrderAnswer>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [checking, setChecking] = useState(false);
  const load = async () => {
    setChecking(true);
    try {
      setAnswer(await must(api.GET('/requests/{requestId}/order', { params: { path: { requestId: request.requestId } } })));
      setProblem(undefined);
    } catch (error) {
      setProblem(refusalOf(error));
    } finally {
      setChecking(false);
    }
  };
  useEffect(() => void load(), [request.requestId, readAgain]);
  return { answer, problem, checking, load };
};

/** Before the order is read: loading, its refusal, or (a 404) `none`, the side's sentence for a request with no order. */
export const OrderUnread = ({ problem, none }: { problem: ApiProblem | undefined; none: ComponentChildren }) => {
  const t = useWords(words);
  if (problem?.status === 404) return <p class="muted">{none}</p>;
  return problem ? <ProblemBox problem={problem} /> : <p aria-busy="true">{t('loading')}</p>;
};

/** The order's number as the heading, and whether it is paid. */
export const OrderHead = ({ order, headingId }: { order: OrderAnswer['order']; headingId?: string }) => {
  const t = useWords(words);
  return (
    <header class="offer-head">
      <h2 id={headingId}>{t('order', { number: order.orderNumber })}</h2>
      <span class={order.paidAt ? 'offer-status offer-status-accepted' : 'offer-status offer-status-open'}>{order.paidAt ? t('paid') : t('awaiting')}</span>
    </header>
  );
};

/** The order's PDF; until it is made, the side's sentence (`preparing`) and a button to look again. */
export const OrderDownload = ({
  download,
  preparing,
  checking,
  onCheck,
  primary = false,
}: {
  download: OrderAnswer['download'];
  preparing: ComponentChildren;
  checking: boolean;
  onCheck: () => void;
  primary?: boolean;
}) => {
  const t = useWords(words);
  return (
    <div class="download">
      {download ? (
        <a class={primary ? 'button primary' : 'button secondary'} href={download.url} download={download.fileName}>
          {t('download')}
        </a>
      ) : (
        <>
          <p class="muted">{preparing}</p>
          <button type="button" class="secondary" disabled={checking} onClick={onCheck}>
            {t('checkAgain')}
          </button>
        </>
      )}
    </div>
  );
};

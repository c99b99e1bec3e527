import { useContext, useState } from 'preact/hooks';
import { must, type Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useWords, type Words } from '../../i18n.js';
import { Shell } from '../../ui/shell.js';
import { FlaggedPaymentItem } from './flagged-payment-item.js';
import { OpsList } from './ops-list.js';
import { usePagedList } from './paged-list.js';
import { useRequestTitles } from './request-titles.js';
import './operations.css';

type FlaggedPayment = Schemas['FlaggedPayment'];

const words: Words<'title' | 'intro' | 'resolveHelp' | 'loading' | 'empty' | 'list' | 'more' | 'resolved'> = {
  en: {
    title: 'Flagged payments',
    intro: 'Payments that did not pay their order: a wrong amount or currency, an order that was not waiting for payment, or a variable symbol that matches no order. Such a payment is recorded but not taken: its order still waits, and nothing changes until someone acts. Newest first.',
    resolveHelp: 'Do what each says, then resolve it with a note of what was done: it leaves this list, and the note stays with the payment and on its request’s timeline (the agency’s only). Resolving changes no order: record the right payment on the request first where one is due.',
    loading: 'Loading flagged payments…',
    empty: 'No flagged payment: every payment recorded paid its order, or has been resolved.',
    list: 'Flagged payments, newest first',
    more: 'Show more flagged payments',
    resolved: 'Payment {id} resolved: it has left the list.',
  },
  cs: {
    title: 'Platby k vyřešení',
    intro: 'Platby, které neuhradily svou objednávku: jiná částka nebo měna, objednávka, která na platbu nečekala, nebo variabilní symbol, který neodpovídá žádné objednávce. Taková platba je zaznamenaná, ale nezapočtená: objednávka dál čeká a nic se nezmění, dokud někdo nezasáhne. Nejnovější první.',
    resolveHelp: 'Udělejte, co je u každé napsané, a pak ji vyřešte s poznámkou, co se udělalo: zmizí z tohoto seznamu a poznámka zůstane u platby i na časové ose jejího požadavku (jen pro agenturu). Vyřešení žádnou objednávku nemění: kde je platba potřeba, zaznamenejte nejdřív u požadavku tu správnou.',
    loading: 'Načítám platby k vyřešení…',
    empty: 'Žádná platba k vyřešení: každá zaznamenaná platba uhradila svou objednávku, nebo už je vyřešená.',
    list: 'Platby k vyřešení, nejnovější první',
    more: 'Zobrazit další platby',
    resolved: 'Platba {id} vyřešena: ze seznamu zmizela.',
  },
};

/** The agency's flagged payments (`GET /payments/flagged`), each with why, what to do, its request, and “Resolve” with a note. */
export const FlaggedPayments = () => {
  const { api } = useContext(AppContext);
  const t = useWords(words);
  const list = usePagedList<FlaggedPayment>(
    (limit, cursor) => must(api.GET('/payments/flagged', { params: { query: { limit: String(limit), ...(cursor ? { cursor } : {}) } } })),
    (payment) => payment.paymentId,
  );
  const titles = useRequestTitles([...new Set((list.items ?? []).flatMap((payment) => (payment.requestId ? [payment.requestId] : [])))]);
  const [result, setResult] = useState<string>();

  const onResolved = (paymentId: string) => {
    list.remove(paymentId);
    setResult(t('resolved', { id: paymentId }));
    requestAnimationFrame(() => document.getElementById('payments-result')?.focus());
  };

  return (
    <Shell current="payments">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <p class="hint">{t('resolveHelp')}</p>
      <p class="confirmation ops-result" role="status" id="payments-result" tabIndex={-1}>
        {result}
      </p>
      <OpsList
        list={list}
        label={t('list')}
        loading={t('loading')}
        empty={t('empty')}
        more={t('more')}
        item={(payment) => (
          <FlaggedPaymentItem
            key={payment.paymentId}
            payment={payment}
            title={payment.requestId ? titles[payment.requestId] : undefined}
            onResolved={onResolved}
            onStale={() => void list.refresh()}
          />
        )}
      />
    </Shell>
  );
};

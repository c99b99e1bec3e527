import { useContext, useState } from 'preact/hooks';
import { must, type Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useWords, type Words } from '../../i18n.js';
import { PageSection } from '../../organisation/page-section.js';
import { OpsList } from '../pages/ops-list.js';
import { usePagedList } from '../pages/paged-list.js';
import { DeliveryItem } from './delivery-item.js';
import { eventNames } from './event-types.js';
import '../pages/operations.css';

type Delivery = Schemas['WebhookDelivery'];

const words: Words<'heading' | 'intro' | 'loading' | 'empty' | 'more' | 'list' | 'resent'> = {
  en: {
    heading: 'Recent deliveries',
    intro: 'Each event sent to it, newest first, with every try; kept 30 days after their last change. The list reads again every 10 seconds while this page is in view.',
    loading: 'Loading the deliveries…',
    empty: 'Nothing sent to it yet: deliveries show here once one of its events happens.',
    more: 'Show older deliveries',
    list: 'Deliveries, newest first',
    resent: '“{event}” about #{id} is being sent again: a new round of tries has started.',
  },
  cs: {
    heading: 'Poslední doručení',
    intro: 'Každá odeslaná událost, nejnovější nahoře, se všemi pokusy; uchovávají se 30 dní od poslední změny. Dokud je stránka vidět, seznam se každých 10 sekund načte znovu.',
    loading: 'Načítám doručení…',
    empty: 'Zatím se mu nic neposlalo: doručení se tu objeví, jakmile nastane některá z jeho událostí.',
    more: 'Zobrazit starší doručení',
    list: 'Doručení, nejnovější nahoře',
    resent: '„{event}“ k #{id} se odesílá znovu: začalo nové kolo pokusů.',
  },
};

/**
 * A subscription's deliveries (`GET /webhooks/{id}/deliveries`), paged with the API's cursor and
 * kept current like the operations lists (paged-list.ts: on focus and every 10 s, as far as the
 * person had read), each with "Send again" where the API allows it.
 */
export const DeliveriesSection = ({ subscription }: { subscription: Schemas['WebhookSubscription'] }) => {
  const { api, language } = useContext(AppContext);
  const t = useWords(words);
  const subscriptionId = subscription.subscriptionId;
  const list = usePagedList<Delivery>(
    (limit, cursor) => must(api.GET('/webhooks/{subscriptionId}/deliveries', { params: { path: { subscriptionId }, query: { limit: String(limit), ...(cursor ? { cursor } : {}) } } })),
    (delivery) => delivery.deliveryId,
    subscriptionId,
  );
  const [resent, setResent] = useState<string>();

  const onResent = (next: Delivery) => {
    list.replace(next);
    setResent(t('resent', { event: eventNames[language][next.eventType], id: next.requestId }));
  };

  return (
    <PageSection id="deliveries" title={t('heading')} intro={t('intro')}>
      <p class="confirmation ops-result" role="status">
        {resent}
      </p>
      <OpsList
        list={list}
        label={t('list')}
        loading={t('loading')}
        empty={t('empty')}
        more={t('more')}
        item={(delivery) => (
          <DeliveryItem
            key={delivery.deliveryId}
            delivery={delivery}
            canResend={subscription.state === 'active'}
            onResent={onResent}
            onRefused={() => void list.refresh()}
          />
        )}
      />
    </PageSection>
  );
};

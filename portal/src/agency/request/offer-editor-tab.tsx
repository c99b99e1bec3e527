import { useContext, useEffect, useState } from 'preact/hooks';
import { must, refusalOf, type ApiProblem, type Schemas } from '../../api/client.js';
import { useWords, type Words } from '../../i18n.js';
import { useApp } from '../../pages/request/decision-kit.js';
import { RequestContext } from '../../pages/request/request-context.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { OfferForm } from './offer/offer-form.js';
import { OfferList } from './offer/offer-list.js';
import './offer/offer-editor.css';

type Offer = Schemas['Offer'];

const words: Words<'loading' | 'posted' | 'readOnly' | 'accepted' | 'none'> = {
  en: {
    loading: 'Loading the offers…',
    posted: 'Offer {n} is posted: the client was sent it by e-mail and sees it on the request.',
    readOnly: 'No offer can be posted at this stage: offers are posted while a request is new, being clarified, quoted or its offer has expired.',
    accepted: 'Offer {n} was accepted: it is the binding order now (see the Order tab), so no other offer can be posted.',
    none: 'This request has no offer.',
  },
  cs: {
    loading: 'Načítám nabídky…',
    posted: 'Nabídka {n} je odeslaná: klient ji dostal e-mailem a vidí ji u požadavku.',
    readOnly: 'V této fázi nabídku poslat nelze: nabídky se posílají, dokud je požadavek nový, upřesňuje se, má nabídku k rozhodnutí nebo jeho nabídka vypršela.',
    accepted: 'Nabídka {n} byla přijata: teď je z ní závazná objednávka (viz záložka Objednávka), takže jinou nabídku poslat nelze.',
    none: 'K tomuto požadavku není žádná nabídka.',
  },
};

/**
 * The agency's Offers tab: the editor while the API lets this person post an offer (`post_offer`),
 * and every offer of the request with its status. Its totals are the API's arithmetic, run live.
 */
export const OfferEditorTab = () => {
  const { api } = useApp();
  const { request, reload } = useContext(RequestContext);
  const t = useWords(words);
  const [offers, setOffers] = useState<Offer[]>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [posted, setPosted] = useState<number>();

  const load = async () => {
    try {
      setOffers(await must(api.GET('/requests/{requestId}/offers', { params: { path: { requestId: request.requestId } } })));
      setProblem(undefined);
    } catch (error) {
      setProblem(refusalOf(error));
    }
  };
  useEffect(() => void load(), [request.requestId, request.version]);
  const refresh = async () => {
    await reload();
    await load();
  };

  if (!offers) return problem ? <ProblemBox problem={problem} /> : <p aria-busy="true">{t('loading')}</p>;
  const mayPost = request.allowedActions.includes('post_offer');
  // While an offer is open and may be replaced, it stands above the editor (folded), the others below it.
  const open = mayPost ? offers.find((offer) => offer.status === 'open') : undefined;
  const accepted = offers.find((offer) => offer.status === 'accepted');
  return (
    <div class="offer-editor-tab">
      <ProblemBox problem={problem} />
      {posted !== undefined && (
        <p class="confirmation" role="status">
          {t('posted', { n: posted })}
        </p>
      )}
      {open && <OfferList id="open-offer-title" title="open" shown={[open]} all={offers} expand={false} />}
      {mayPost ? (
        <OfferForm
          offers={offers}
          onReload={refresh}
          onPosted={async (offer) => {
            setPosted(offer.number);
            await refresh();
          }}
        />
      ) : (
        <p class="muted">{accepted ? t('accepted', { n: accepted.number }) : t('readOnly')}</p>
      )}
      {offers.length === 0 && !mayPost && <p class="muted">{t('none')}</p>}
      <OfferList id="offer-list-title" title={open ? 'earlier' : 'title'} shown={offers.filter((offer) => offer !== open)} all={offers} />
    </div>
  );
};

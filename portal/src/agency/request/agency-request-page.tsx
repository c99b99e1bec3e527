import { RequestPage, type RequestPageKind } from '../../pages/request-page.js';
import { agencyStatusWords } from '../directory.js';
import { AgencyHead } from './agency-head.js';
import { agencyTabs } from './agency-tabs.js';
import { ExplanationNote } from './explanation-note.js';

const agencyKind: RequestPageKind = {
  tabs: agencyTabs,
  Head: AgencyHead,
  // The client's explanation panel speaks to the client and has their buttons; the agency reads what they got.
  Explanation: ExplanationNote,
  statusWords: agencyStatusWords,
  // Back to the list it was opened from, with its filters: the Requests list, or the work queue
  // (also after a fresh load or a mail's link, and from any other page).
  way: (from = '/') => {
    const { pathname } = new URL(from, location.origin);
    if (pathname === '/requests') return { back: { href: from, label: { en: 'Requests', cs: 'Požadavky' } }, section: 'allRequests' };
    return { back: { href: pathname === '/' ? from : '/', label: { en: 'Work queue', cs: 'Fronta práce' } }, section: 'queue' };
  },
};

/**
 * A request's page for the agency: the client's page with the agency's tabs, its words for the
 * status, and, under the head, whose it is, who is assigned, the steps it may take and, once
 * answered, the explanation the client got.
 */
export const AgencyRequestPage = ({ requestId }: { requestId: string }) => <RequestPage requestId={requestId} kind={agencyKind} />;

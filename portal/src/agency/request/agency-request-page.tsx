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
  back: { href: '/', label: { en: 'Work queue', cs: 'Fronta práce' } },
  section: 'queue',
};

/**
 * A request's page for the agency: the client's page with the agency's tabs, its words for the
 * status, and, under the head, whose it is, who is assigned, the steps it may take and, once
 * answered, the explanation the client got.
 */
export const AgencyRequestPage = ({ requestId }: { requestId: string }) => <RequestPage requestId={requestId} kind={agencyKind} />;

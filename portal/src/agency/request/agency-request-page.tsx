import { RequestPage, type RequestPageKind } from '../../pages/request-page.js';
import { AgencyHead } from './agency-head.js';
import { agencyTabs } from './agency-tabs.js';

const agencyKind: RequestPageKind = { tabs: agencyTabs, Head: AgencyHead, back: { href: '/', label: { en: 'Work queue', cs: 'Fronta práce' } }, section: 'queue' };

/** A request's page for the agency: the client's page with the agency's tabs and, under the head, whose it is, who is assigned and the steps it may take. */
export const AgencyRequestPage = ({ requestId }: { requestId: string }) => <RequestPage requestId={requestId} kind={agencyKind} />;

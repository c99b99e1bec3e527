import { RequestPage, type RequestPageKind } from '../../pages/request-page.js';
import { agencyTabs } from './agency-tabs.js';

/** PLACEHOLDER head (skeleton): the assignee and the steps come here. */
const agencyKind: RequestPageKind = { tabs: agencyTabs, back: { href: '/', label: { en: 'Work queue', cs: 'Fronta práce' } }, section: 'queue' };

/** A request's page for the agency: the client's page with the agency's tabs and, under the head, who is assigned and the steps it may take. */
export const AgencyRequestPage = ({ requestId }: { requestId: string }) => <RequestPage requestId={requestId} kind={agencyKind} />;

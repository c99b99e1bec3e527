import { useContext, useEffect, useState } from 'preact/hooks';
import { brands } from '../../../../lib/mail/brands.js';
import { useWords, type Words } from '../../i18n.js';
import { useApp } from '../../pages/request/decision-kit.js';
import { RequestContext } from '../../pages/request/request-context.js';
import { useStaff } from '../directory.js';
import { AssignControls, useAssigneeName } from './assignee.js';
import { Steps } from './steps.js';
import './agency-head.css';

const words: Words<'client' | 'assignee' | 'agency' | 'platform' | 'platformHint'> = {
  en: { client: 'Client', assignee: 'Assignee', agency: 'The agency’s side of the request', platform: 'Platform', platformHint: 'its mails and previews in this brand' },
  cs: { client: 'Klient', assignee: 'Přidělení', agency: 'Požadavek z pohledu agentury', platform: 'Platforma', platformHint: 'e-maily i náhledy v této značce' },
};

/**
 * What the agency sees under a request's head: whose request it is (the client, `GET /orgs/{orgId}`),
 * on which platform (the brand of its mails, whichever portal the agent signed in on),
 * who is assigned (and changing it), and the lifecycle steps the API allows now.
 */
export const AgencyHead = () => {
  const { api } = useApp();
  const { request, reload } = useContext(RequestContext);
  const t = useWords(words);
  const { staff } = useStaff();
  const assigneeName = useAssigneeName(staff);
  const [client, setClient] = useState<string>();
  useEffect(() => {
    // The name only: without it the client's id stands in.
    void api.GET('/orgs/{orgId}', { params: { path: { orgId: request.orgId } } }).then(({ data }) => setClient(data?.name));
  }, [request.orgId]);

  return (
    <section class="agency-head" aria-label={t('agency')}>
      <dl class="agency-facts">
        <div>
          <dt>{t('client')}</dt>
          <dd>
            <a href={`/orgs/${encodeURIComponent(request.orgId)}`}>{client ?? request.orgId}</a>
          </dd>
        </div>
        <div>
          <dt>{t('platform')}</dt>
          <dd class="platform">
            {brands[request.platform].name} <span class="muted">({t('platformHint')})</span>
          </dd>
        </div>
        <div>
          <dt>{t('assignee')}</dt>
          <dd>
            <p class="assignee-name">{assigneeName(request)}</p>
            <AssignControls request={request} staff={staff} onChanged={reload} />
          </dd>
        </div>
      </dl>
      <Steps />
    </section>
  );
};

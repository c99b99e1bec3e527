import { useContext, useEffect, useState } from 'preact/hooks';
import { brands } from '../../../../lib/mail/brands.js';
import type { Schemas } from '../../api/client.js';
import { useWords, type Words } from '../../i18n.js';
import { useApp } from '../../pages/request/decision-kit.js';
import { RequestContext } from '../../pages/request/request-context.js';
import { ProblemBox } from '../../ui/problem-box.js';
import { useStaff } from '../directory.js';
import { AssignControls, useAssigneeName } from './assignee.js';
import { Steps } from './steps.js';
import './agency-head.css';

type Organisation = Schemas['Organisation'];

const words: Words<'client' | 'assignee' | 'agency' | 'platform' | 'platformHint' | 'language' | 'languageHint' | Organisation['language']> = {
  en: {
    client: 'Client',
    assignee: 'Assignee',
    agency: 'The agency’s side of the request',
    platform: 'Platform',
    platformHint: 'its mails and previews in this brand',
    language: 'Client’s language',
    languageHint: 'write offers and messages in it',
    cs: 'Czech',
    en: 'English',
  },
  cs: {
    client: 'Klient',
    assignee: 'Přidělení',
    agency: 'Požadavek z pohledu agentury',
    platform: 'Platforma',
    platformHint: 'e-maily i náhledy v této značce',
    language: 'Jazyk klienta',
    languageHint: 'nabídky a zprávy pište v ní',
    cs: 'čeština',
    en: 'angličtina',
  },
};

/**
 * What the agency sees under a request's head: whose request it is (the client, `GET /orgs/{orgId}`)
 * and the language it reads, on which platform (the brand of its mails, whichever portal the agent
 * signed in on), who is assigned (and changing it), and the lifecycle steps the API allows now.
 */
export const AgencyHead = () => {
  const { api } = useApp();
  const { request, reload } = useContext(RequestContext);
  const t = useWords(words);
  const { staff, problem: staffProblem } = useStaff();
  const assigneeName = useAssigneeName(staff);
  // The client as read, for the organisation it was read for: until then it shows as being read.
  const [client, setClient] = useState<{ orgId: string; organisation: Organisation | undefined }>();
  useEffect(() => {
    const { orgId } = request;
    // A refusal (or no answer) leaves the client's id standing in for the name.
    const readAs = (organisation: Organisation | undefined) => setClient({ orgId, organisation });
    api.GET('/orgs/{orgId}', { params: { path: { orgId } } }).then(
      ({ data }) => readAs(data),
      () => readAs(undefined),
    );
  }, [request.orgId]);
  const known = client?.orgId === request.orgId ? client : undefined;
  const assigneeUnknown = Boolean(request.assigneeId) && staff === undefined;

  return (
    <section class="agency-head" aria-label={t('agency')}>
      <dl class="agency-facts">
        <div>
          <dt>{t('client')}</dt>
          {known ? (
            <dd>
              <a href={`/orgs/${encodeURIComponent(request.orgId)}`}>{known.organisation?.name ?? request.orgId}</a>
            </dd>
          ) : (
            <dd class="muted" aria-busy="true">
              …
            </dd>
          )}
        </div>
        {/* The language the client reads (the organisation's), so an offer or a message is written in it. */}
        {(!known || known.organisation) && (
          <div>
            <dt>{t('language')}</dt>
            {known?.organisation ? (
              <dd class="client-language">
                {t(known.organisation.language)} <span class="muted">({t('languageHint')})</span>
              </dd>
            ) : (
              <dd class="muted" aria-busy="true">
                …
              </dd>
            )}
          </div>
        )}
        <div>
          <dt>{t('platform')}</dt>
          <dd class="platform">
            {brands[request.platform].name} <span class="muted">({t('platformHint')})</span>
          </dd>
        </div>
        <div>
          <dt>{t('assignee')}</dt>
          <dd>
            <p class="assignee-name" aria-busy={assigneeUnknown && !staffProblem ? 'true' : undefined}>
              {assigneeName(request)}
            </p>
            <ProblemBox problem={staffProblem} />
            <AssignControls request={request} staff={staff} onChanged={reload} />
          </dd>
        </div>
      </dl>
      <Steps />
    </section>
  );
};

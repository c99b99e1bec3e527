import { useContext, useEffect, useState } from 'preact/hooks';
import { must, refusalOf, type ApiProblem, type Schemas } from '../api/client.js';
import { AppContext } from '../app-context.js';

/**
 * An organisation read by its id (`GET /orgs/{orgId}`), for the agency's page of a client and the
 * client admin's page of their own: `load` reads it again (after a change made meanwhile),
 * `setOrganisation` takes the one a change answered with. No id yet (`/me` still coming): nothing.
 */
export const useOrganisation = (orgId: string | undefined) => {
  const { api } = useContext(AppContext);
  const [organisation, setOrganisation] = useState<Schemas['Organisation']>();
  const [problem, setProblem] = useState<ApiProblem>();

  const load = async () => {
    if (!orgId) return;
    try {
      setOrganisation(await must(api.GET('/orgs/{orgId}', { params: { path: { orgId } } })));
      setProblem(undefined);
    } catch (error) {
      setProblem(refusalOf(error));
    }
  };
  useEffect(() => void load(), [orgId]);
  return { organisation, setOrganisation, problem, load };
};

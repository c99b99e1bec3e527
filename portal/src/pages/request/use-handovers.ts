import { useContext, useEffect, useState } from 'preact/hooks';
import { must, refusalOf, type ApiProblem, type Schemas } from '../../api/client.js';
import { useApp } from './decision-kit.js';
import { RequestContext } from './request-context.js';

type Handover = Schemas['Handover'];
type Attachment = Schemas['Attachment'];

/**
 * The request's handover rounds and its files (a round names the files it hands over), read
 * together whenever the request changes: what the client's Review tab and the agency's Handover
 * tab both show. `refresh` reads the request and then these again, after a step.
 */
export const useHandovers = () => {
  const { api } = useApp();
  const { request, reload, refreshed } = useContext(RequestContext);
  const [rounds, setRounds] = useState<Handover[]>();
  const [files, setFiles] = useState<Attachment[]>([]);
  const [problem, setProblem] = useState<ApiProblem>();

  const load = async () => {
    try {
      const path = { requestId: request.requestId };
      const [handovers, attachments] = await Promise.all([
        must(api.GET('/requests/{requestId}/handovers', { params: { path } })),
        must(api.GET('/requests/{requestId}/attachments', { params: { path } })),
      ]);
      setRounds(handovers);
      setFiles(attachments);
      setProblem(undefined);
    } catch (error) {
      setProblem(refusalOf(error));
    }
  };
  // Read again with the page's live refresh too: a file's malware check changes no request version.
  useEffect(() => void load(), [request.requestId, request.version, refreshed]);
  const refresh = async () => {
    await reload();
    await load();
  };
  return { rounds, files, problem, refresh };
};

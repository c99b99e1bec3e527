import { useContext, useEffect, useState } from 'preact/hooks';
import { ApiRefusal, must, type ApiProblem, type Schemas } from '../../api/client.js';
import { AppContext } from '../../app-context.js';
import { useLiveRefresh } from '../../live.js';

/**
 * One subscription (`GET /webhooks/{id}`), read on opening and kept current with its deliveries
 * (orderdesk changes its last success, its failing streak, its state): on focus and every 10 s.
 * What a form holds is a draft of its own, untouched by a read.
 */
export const useSubscription = (subscriptionId: string) => {
  const { api } = useContext(AppContext);
  const [subscription, setSubscription] = useState<Schemas['WebhookSubscription']>();
  const [problem, setProblem] = useState<ApiProblem>();

  /** Reads it again; answers what was read (nothing on a refusal, which `problem` then holds). */
  const load = async (): Promise<Schemas['WebhookSubscription'] | undefined> => {
    try {
      const read = await must(api.GET('/webhooks/{subscriptionId}', { params: { path: { subscriptionId } } }));
      setSubscription(read);
      setProblem(undefined);
      return read;
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      setProblem(error.problem);
      return undefined;
    }
  };
  useEffect(() => void load(), [api, subscriptionId]);
  useLiveRefresh(load);
  return { subscription, setSubscription, problem, load };
};

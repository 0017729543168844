/**
 * Every outgoing webhook endpoint of the workspace (GET /v1/webhook-endpoints, page after page), for
 * a webhook step to pick one. Keyed under `webhook-endpoints` so the settings page's changes refresh it.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/api.ts';
import type { ResponseOf } from '../../../api/types.ts';
import { useSession } from '../../../session/session.tsx';

type Endpoint = ResponseOf<'/v1/webhook-endpoints', 'get'>['endpoints'][number];

/** A guard against a server that keeps answering `next`: 20 pages of 100 endpoints. */
const MAX_PAGES = 20;

export const useWebhookEndpoints = () => {
  const { workspaceId } = useSession();
  return useQuery({
    queryKey: ['webhook-endpoints', workspaceId, { pages: 'all' }],
    queryFn: async ({ signal }): Promise<Endpoint[]> => {
      const all: Endpoint[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const answer = await api.get('/v1/webhook-endpoints', {
          query: { limit: 100, ...(cursor ? { cursor } : {}) },
          signal,
        });
        all.push(...answer.endpoints);
        cursor = answer.next;
        if (!cursor) break;
      }
      return all;
    },
  });
};

/**
 * Completes the fan-out marker of a workspace made before the marker existed (lib/shared/events/fanout.ts):
 * until then its endpoints and live journeys were never counted, so its bus entries go to every optional
 * consumer. This counts them and marks the item `exact`; from then on the bus rules skip the consumers
 * it does not need. Safe while the API runs: the write is conditional on the endpoint count read
 * before counting (every endpoint create and delete moves it), so a change in between makes it count
 * again; a journey going live meanwhile sets `journeysLive` itself, and this never clears it.
 */
import type { JourneysRepository } from '../journeys/journeys.repository.ts';
import type { EndpointsRepository } from '../outgoing-webhooks/endpoints.repository.ts';
import { ConflictError } from '../shared/errors.ts';
import type { FanoutRepository } from '../shared/events/fanout.repository.ts';

export interface CompleteMarkerDeps {
  readonly fanout: Pick<FanoutRepository, 'get' | 'complete'>;
  readonly endpoints: Pick<EndpointsRepository, 'all'>;
  readonly journeys: Pick<JourneysRepository, 'list'>;
}

export interface MarkerCompletion {
  readonly workspaceId: string;
  /** `already`: the marker was complete (made with the workspace, or by an earlier run). */
  readonly outcome: 'completed' | 'already';
}

const ATTEMPTS = 5;

/** Whether a journey of the workspace ever went live: any that is not a draft (drafts never were). */
const everLive = async (workspaceId: string, deps: CompleteMarkerDeps): Promise<boolean> => {
  let cursor: string | undefined;
  do {
    const page = await deps.journeys.list(workspaceId, { limit: 100, cursor, consistent: true });
    if (page.journeys.some((j) => j.status !== 'draft')) return true;
    cursor = page.next;
  } while (cursor);
  return false;
};

export const completeFanoutMarker = async (
  workspaceId: string,
  deps: CompleteMarkerDeps,
): Promise<MarkerCompletion> => {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const marker = await deps.fanout.get(workspaceId);
    if (marker?.exact) return { workspaceId, outcome: 'already' };
    const endpoints = (await deps.endpoints.all(workspaceId)).length;
    const journeysLive = await everLive(workspaceId, deps);
    if (await deps.fanout.complete(workspaceId, marker?.webhookEndpoints, { endpoints, journeysLive }))
      return { workspaceId, outcome: 'completed' };
  }
  throw new ConflictError(
    `the endpoints of ${workspaceId} kept changing while they were counted: run the command again`,
  );
};

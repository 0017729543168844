/**
 * Real dependencies for handlers, built once per cold start from the parsed environment. The AWS
 * clients take their endpoints from the standard AWS_ENDPOINT_URL_* variables, which is how the
 * local stack points the same code at DynamoDB Local, the local bus and the local SES.
 */
import { receivedEventsRepository } from '../../lib/events/received-events.repository.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { documentClient } from '../../lib/shared/dynamodb/document-client.ts';
import type { Table } from '../../lib/shared/table.ts';
import { authenticator } from '../../lib/workspaces/authenticate.ts';
import { rateCountersRepository } from '../../lib/workspaces/rate-counters.repository.ts';
import { rateLimiter } from '../../lib/workspaces/rate-limit.ts';
import type { RateLimits } from '../../lib/workspaces/workspace.schema.ts';
import { workspacesRepository } from '../../lib/workspaces/workspaces.repository.ts';
import { awsEndpoint } from './aws-endpoint.ts';
import { config } from './config.ts';

export const once = <T>(build: () => T): (() => T) => {
  let value: T | undefined;
  return () => {
    value ??= build();
    return value;
  };
};

export const table = once((): Table => {
  const client = documentClient(awsEndpoint('dynamodb', 'DYNAMODB', 'dynamodb'));
  return { client, name: config('table').TABLE_NAME };
});

/** API keys, cached in the container for at most 30 s (the revocation delay). */
export const keyAuthenticator = once(() =>
  authenticator({ workspaces: workspacesRepository(table()), clock: systemClock }),
);

/** The ingest rate limiter: counts in the container, shares totals through the table. */
export const ingestLimiter = once(() =>
  rateLimiter({ counters: rateCountersRepository(table()), clock: systemClock }),
);

const LIMITS_CACHE_MS = 60 * 1000;
const limitsCache = new Map<string, { limits: RateLimits | undefined; until: number }>();

/** A workspace's rate limits, cached a minute: they change rarely and are read per ingest request. */
export const workspaceRateLimits = async (workspaceId: string): Promise<RateLimits | undefined> => {
  const hit = limitsCache.get(workspaceId);
  if (hit && hit.until > Date.now()) return hit.limits;
  const limits = (await workspacesRepository(table()).get(workspaceId))?.settings.rateLimits;
  limitsCache.set(workspaceId, { limits, until: Date.now() + LIMITS_CACHE_MS });
  return limits;
};

/** What the track API needs: the received-events store (its one conditional write per event). */
export const ingestDeps = once(() => ({ received: receivedEventsRepository(table()), clock: systemClock }));

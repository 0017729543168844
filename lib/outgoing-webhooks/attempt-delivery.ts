/**
 * One attempt of a delivery: claimed (so it is made once), signed with every live secret, checked
 * against SSRF and sent pinned to the checked address, then settled:
 * - a 2xx: `delivered` (and the endpoint is no longer failing);
 * - otherwise, within the retry window: `retrying`, the next attempt a `webhook-retry` timer (set
 *   before the outcome is written, so a crash in between still retries);
 * - otherwise: `dead`; and if the endpoint has been failing for `disableAfterSeconds` with no success,
 *   it is disabled and `webhook.endpoint.disabled` is published (the notice).
 * A delivery whose endpoint was deleted or disabled meanwhile is dead-lettered without a request.
 */
import type { Clock } from '../shared/clock.ts';
import { domainEvent } from '../shared/events/outbox.ts';
import type { Timers } from '../timers/timers.ts';
import type { SecretBox } from '../webhooks/secret-box.ts';
import type { DeliveriesRepository, Outcome } from './deliveries.repository.ts';
import { type Attempt, DELIVERY_LIMITS, type Delivery } from './delivery.schema.ts';
import { type DeliverySettings, STALE_CLAIM_MS } from './delivery-settings.ts';
import type { Endpoint } from './endpoint.schema.ts';
import { checkedAddress, RefusedAddressError, type Resolve } from './endpoint-address.ts';
import { openLiveSecrets } from './endpoint-secrets.ts';
import type { EndpointsRepository } from './endpoints.repository.ts';
import { nextAttemptAt } from './retry-policy.ts';
import type { PostResult, PostWebhook } from './sender.ts';
import { SIGNATURE_HEADER, signatureHeader } from './signature.ts';

export const USER_AGENT = 'ecrm-webhooks/1';

export interface AttemptDeps {
  readonly endpoints: EndpointsRepository;
  /** The endpoint as it is now (read at each attempt). */
  readonly endpointOf: (workspaceId: string, endpointId: string) => Promise<Endpoint | undefined>;
  readonly deliveries: DeliveriesRepository;
  readonly secrets: SecretBox;
  readonly timers: Pick<Timers, 'set'>;
  readonly post: PostWebhook;
  readonly resolve: Resolve;
  readonly clock: Clock;
  readonly settings: DeliverySettings;
}

export type AttemptResult = 'skipped' | 'delivered' | 'retrying' | 'dead';

export type DeliveryRef = Pick<Delivery, 'workspaceId' | 'endpointId' | 'id'>;

/** The timer id of attempt `attempt` of a delivery. */
export const retryTimerId = (ref: DeliveryRef, attempt: number): string =>
  `${ref.endpointId}/${ref.id}/${attempt}`;

const short = (text: string) =>
  text.length <= DELIVERY_LIMITS.errorLength ? text : `${text.slice(0, DELIVERY_LIMITS.errorLength - 1)}…`;

const send = async (
  endpoint: Endpoint,
  delivery: Delivery,
  now: Date,
  deps: AttemptDeps,
): Promise<PostResult> => {
  let target: Awaited<ReturnType<typeof checkedAddress>>;
  try {
    target = await checkedAddress(endpoint.url, deps.settings.policy, deps.resolve);
  } catch (error) {
    if (error instanceof RefusedAddressError) return { error: `refused: ${error.message}` };
    throw error;
  }
  const secrets = await openLiveSecrets(endpoint, now, deps.secrets);
  return deps.post(
    target,
    delivery.body,
    {
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      [SIGNATURE_HEADER]: signatureHeader(delivery.body, secrets, now),
      'ecrm-event-id': delivery.id,
      'ecrm-event-type': delivery.eventType,
    },
    deps.settings.timeoutMs,
  );
};

const withAttempt = (delivery: Delivery, attempt: Attempt) => ({
  attempts: [...delivery.attempts, attempt].slice(-DELIVERY_LIMITS.attemptsKept),
  attemptCount: delivery.attemptCount + 1,
});

/** After a dead letter: disable the endpoint if it has failed long enough with no success. */
const maybeDisable = async (
  ref: DeliveryRef,
  error: string | undefined,
  deps: AttemptDeps,
): Promise<void> => {
  const now = deps.clock.now();
  const endpoint = await deps.endpoints.get(ref.workspaceId, ref.endpointId);
  if (endpoint?.status !== 'enabled' || !endpoint.failingSince) return;
  const failingFor = Math.floor((now.getTime() - new Date(endpoint.failingSince).getTime()) / 1000);
  if (failingFor < deps.settings.disableAfterSeconds) return;
  const at = now.toISOString();
  const next: Endpoint = {
    ...endpoint,
    status: 'disabled',
    disabledReason: 'failing',
    disabledAt: at,
    updatedAt: at,
    rev: endpoint.rev + 1,
  };
  const event = domainEvent(
    'webhook.endpoint.disabled',
    ref.workspaceId,
    {
      endpointId: endpoint.id,
      failingSince: endpoint.failingSince,
      failingFor,
      ...(error ? { lastError: error } : {}),
    },
    deps.clock,
  );
  // A concurrent edit or disable wins: this one is then simply not needed.
  await deps.endpoints.replace(next, endpoint.rev, event);
};

/** Makes attempt `attempt` (1 = the first) of a delivery, if nobody else has. */
export const attemptDelivery = async (
  ref: DeliveryRef,
  attempt: number,
  deps: AttemptDeps,
  claimedAlready?: Delivery,
): Promise<AttemptResult> => {
  const start = deps.clock.now();
  const delivery =
    claimedAlready ??
    (await deps.deliveries.claim(ref, attempt, start, new Date(start.getTime() - STALE_CLAIM_MS)));
  if (!delivery) return 'skipped';
  const endpoint = await deps.endpointOf(ref.workspaceId, ref.endpointId);
  if (endpoint?.status !== 'enabled') {
    // No request: the attempt records why, and a replay after the endpoint is enabled again sends it.
    const error = endpoint ? 'not sent: the endpoint is disabled' : 'not sent: the endpoint was deleted';
    await deps.deliveries.settle(ref, attempt, {
      status: 'dead',
      ...withAttempt(delivery, { at: start.toISOString(), error, durationMs: 0 }),
      deadAt: start.toISOString(),
    });
    return 'dead';
  }
  const result = await send(endpoint, delivery, start, deps);
  const end = deps.clock.now();
  const ok = result.statusCode !== undefined && result.statusCode >= 200 && result.statusCode < 300;
  const error = ok
    ? undefined
    : short(result.error ?? `answered ${result.statusCode ?? 'nothing'} (a 2xx is success)`);
  const record: Attempt = {
    at: start.toISOString(),
    ...(result.statusCode !== undefined ? { statusCode: result.statusCode } : {}),
    ...(error !== undefined ? { error } : {}),
    durationMs: Math.max(0, end.getTime() - start.getTime()),
  };
  const counted = withAttempt(delivery, record);
  if (ok) {
    await deps.deliveries.settle(ref, attempt, {
      status: 'delivered',
      ...counted,
      deliveredAt: end.toISOString(),
    });
    if (endpoint.failingSince) await deps.endpoints.clearFailing(ref.workspaceId, ref.endpointId);
    return 'delivered';
  }
  if (!endpoint.failingSince) await deps.endpoints.markFailing(ref.workspaceId, ref.endpointId, record.at);
  const next = nextAttemptAt(attempt, new Date(delivery.windowStart), end, deps.settings.retry);
  let outcome: Outcome;
  if (next) {
    await deps.timers.set(ref.workspaceId, 'webhook-retry', retryTimerId(ref, attempt + 1), next, {
      endpointId: ref.endpointId,
      deliveryId: ref.id,
      attempt: attempt + 1,
    });
    outcome = { status: 'retrying', ...counted, nextAttemptAt: next.toISOString() };
  } else outcome = { status: 'dead', ...counted, deadAt: end.toISOString() };
  await deps.deliveries.settle(ref, attempt, outcome);
  if (outcome.status === 'dead') {
    await maybeDisable(ref, error, deps);
    return 'dead';
  }
  return 'retrying';
};

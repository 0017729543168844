/**
 * Dependencies of outgoing webhooks: the endpoints API (the table; KMS Encrypt where a secret is made),
 * and the delivery path (KMS Decrypt, the timer service, the pinned HTTP sender), configured once from
 * the environment (config.ts `outgoingWebhooks`).
 */
import { lookup } from 'node:dns/promises';
import type { AttemptDeps } from '../../lib/outgoing-webhooks/attempt-delivery.ts';
import type { DeliverDeps } from '../../lib/outgoing-webhooks/deliver-event.ts';
import { deliveriesRepository } from '../../lib/outgoing-webhooks/deliveries.repository.ts';
import type { DeliverySettings } from '../../lib/outgoing-webhooks/delivery-settings.ts';
import type { Endpoint } from '../../lib/outgoing-webhooks/endpoint.schema.ts';
import type { Resolve } from '../../lib/outgoing-webhooks/endpoint-address.ts';
import { endpointsRepository } from '../../lib/outgoing-webhooks/endpoints.repository.ts';
import type { EndpointDeps } from '../../lib/outgoing-webhooks/manage-endpoints.ts';
import { postWebhook } from '../../lib/outgoing-webhooks/sender.ts';
import { kmsClient } from '../../lib/shared/aws/kms.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { awsEndpoint } from './aws-endpoint.ts';
import { config } from './config.ts';
import { once, table } from './deps.ts';
import { kmsSecretBox } from './kms-secret-box.ts';
import { timers } from './timer-deps.ts';

const resolve: Resolve = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

export const deliverySettings = once((): DeliverySettings => {
  const c = config('outgoingWebhooks');
  return {
    policy: { allowLocal: c.WEBHOOK_ALLOW_LOCAL_TARGETS },
    retry: {
      baseSeconds: c.WEBHOOK_RETRY_BASE_SECONDS,
      maxDelaySeconds: c.WEBHOOK_RETRY_MAX_DELAY_SECONDS,
      windowSeconds: c.WEBHOOK_RETRY_WINDOW_SECONDS,
    },
    timeoutMs: c.WEBHOOK_TIMEOUT_SECONDS * 1000,
    disableAfterSeconds: c.WEBHOOK_DISABLE_AFTER_SECONDS,
  };
});

const secretBox = once(() =>
  kmsSecretBox(kmsClient(awsEndpoint('kms', 'KMS', 'kms')), config('kms').SECRETS_KEY_ID),
);

/** Reading endpoints and their deliveries: the table only. */
export const endpointReadDeps = once(() => ({
  endpoints: endpointsRepository(table()),
  deliveries: deliveriesRepository(table()),
  clock: systemClock,
}));

/** Creating, changing and rotating endpoints (seals secrets, checks URLs). */
export const endpointDeps = once(
  (): EndpointDeps => ({
    endpoints: endpointsRepository(table()),
    secrets: secretBox(),
    clock: systemClock,
    addresses: { policy: deliverySettings().policy, resolve },
  }),
);

/** Changing an endpoint: no secret is made (no KMS), a new URL is checked. */
export const endpointEditDeps = once(() => ({
  ...endpointReadDeps(),
  addresses: { policy: deliverySettings().policy, resolve },
}));

/** Replaying a delivery: a timer due now. */
export const replayDeps = once(() => ({ ...endpointReadDeps(), timers: timers() }));

/** Attempting deliveries (the delivery queue's consumer and the `webhook-retry` timer task). */
export const attemptDeps = once(
  (): AttemptDeps => ({
    endpoints: endpointsRepository(table()),
    // Read afresh each attempt: a disabled, rotated or new endpoint counts from the next one.
    endpointOf: (workspaceId, endpointId) => endpointsRepository(table()).get(workspaceId, endpointId),
    deliveries: deliveriesRepository(table()),
    secrets: secretBox(),
    timers: timers(),
    post: postWebhook,
    resolve,
    clock: systemClock,
    settings: deliverySettings(),
  }),
);

/**
 * Fanning events out: a workspace's endpoints are read once per batch (`fresh` deps per invocation),
 * never kept across batches, so an endpoint made, changed or disabled counts from the next event.
 */
export const deliverDeps = (): DeliverDeps => {
  const read = new Map<string, Promise<readonly Endpoint[]>>();
  return {
    ...attemptDeps(),
    endpointsOf: (workspaceId) => {
      const hit = read.get(workspaceId);
      if (hit) return hit;
      const endpoints = endpointsRepository(table()).all(workspaceId);
      read.set(workspaceId, endpoints);
      return endpoints;
    },
  };
};

/**
 * Dependencies of the storefront functions, each built once per cold start and only from the parts
 * of the environment that function was granted (the webhook endpoint has no scheduler, the processor
 * no KMS).
 */
import { KMSClient } from '@aws-sdk/client-kms';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { exportsRepository } from '../../lib/contacts/exports.repository.ts';
import { checkoutsRepository } from '../../lib/orders/checkouts.repository.ts';
import { ordersRepository } from '../../lib/orders/orders.repository.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { connectionsRepository } from '../../lib/webhooks/connections.repository.ts';
import { deliveriesRepository } from '../../lib/webhooks/deliveries.repository.ts';
import { mapDelivery } from '../../lib/webhooks/mappers/index.ts';
import { storefrontLinksRepository } from '../../lib/webhooks/storefront-links.repository.ts';
import { verifyDelivery } from '../../lib/webhooks/verify/index.ts';
import { config } from './config.ts';
import { contactDeps, table } from './deps.ts';
import { kmsSecretBox } from './kms-secret-box.ts';
import { schedulerTimers } from './scheduler-timers.ts';

const once = <T>(build: () => T): (() => T) => {
  let value: T | undefined;
  return () => {
    value ??= build();
    return value;
  };
};

const secretBox = once(() => kmsSecretBox(new KMSClient({}), config('kms').SECRETS_KEY_ID));

export const connectionsOnly = once(() => ({ connections: connectionsRepository(table()) }));

export const exportsOnly = once(() => ({ exports: exportsRepository(table()) }));

export const connectionDeps = once(() => ({
  ...connectionsOnly(),
  secrets: secretBox(),
  clock: systemClock,
}));

export const receiveDeps = once(() => ({
  ...connectionDeps(),
  deliveries: deliveriesRepository(table()),
  verify: verifyDelivery,
}));

const timers = once(() => {
  const s = config('scheduler');
  return schedulerTimers(new SchedulerClient({}), {
    group: s.SCHEDULER_GROUP,
    roleArn: s.SCHEDULER_ROLE_ARN,
    targetArn: s.SCHEDULED_TARGET_ARN,
  });
});

export const checkoutDeps = once(() => ({
  ...contactDeps(),
  links: storefrontLinksRepository(table()),
  checkouts: checkoutsRepository(table()),
  timers: timers(),
}));

export const processDeps = once(() => ({
  ...checkoutDeps(),
  connections: connectionsRepository(table()),
  deliveries: deliveriesRepository(table()),
  orders: ordersRepository(table()),
  exports: exportsRepository(table()),
  map: mapDelivery,
}));

/** What needs the secrets key: managing connections (seal) and the webhook endpoint (open). */

import { kmsClient } from '../../lib/shared/aws/kms.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { deliveriesRepository } from '../../lib/webhooks/deliveries.repository.ts';
import { verifyDelivery } from '../../lib/webhooks/verify/index.ts';
import { awsEndpoint } from './aws-endpoint.ts';
import { config } from './config.ts';
import { once, table } from './deps.ts';
import { kmsSecretBox } from './kms-secret-box.ts';
import { connectionsOnly } from './storefront-store-deps.ts';

const secretBox = once(() =>
  kmsSecretBox(kmsClient(awsEndpoint('kms', 'KMS', 'kms')), config('kms').SECRETS_KEY_ID),
);

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

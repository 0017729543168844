/**
 * What processing storefront deliveries needs: the domain repositories, the mappers and the
 * timer service for abandoned checkouts (no KMS: secrets are not needed behind the bus).
 */
import { exportsRepository } from '../../lib/contacts/exports.repository.ts';
import { checkoutsRepository } from '../../lib/orders/checkouts.repository.ts';
import { ordersRepository } from '../../lib/orders/orders.repository.ts';
import { connectionsRepository } from '../../lib/webhooks/connections.repository.ts';
import { deliveriesRepository } from '../../lib/webhooks/deliveries.repository.ts';
import { mapDelivery } from '../../lib/webhooks/mappers/index.ts';
import { storefrontLinksRepository } from '../../lib/webhooks/storefront-links.repository.ts';
import { contactDeps } from './contact-deps.ts';
import { once, table } from './deps.ts';
import { timers } from './timer-deps.ts';

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

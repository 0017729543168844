/** Storefront reads that need only the table (no KMS, no Scheduler client in these bundles). */
import { exportsRepository } from '../../lib/contacts/exports.repository.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { connectionsRepository } from '../../lib/webhooks/connections.repository.ts';
import { deliveriesRepository } from '../../lib/webhooks/deliveries.repository.ts';
import { once, table } from './deps.ts';

export const connectionsOnly = once(() => ({ connections: connectionsRepository(table()) }));

export const exportsOnly = once(() => ({ exports: exportsRepository(table()) }));

export const quarantineDeps = once(() => ({
  connections: connectionsRepository(table()),
  deliveries: deliveriesRepository(table()),
  clock: systemClock,
}));

/**
 * Real repositories over DynamoDB Local for integration tests: the same code as in Lambda, with the
 * endpoint the global setup started. Each test file makes its own random workspace.
 */
import { inject } from 'vitest';
import { localDocumentClient } from '../../infra/local/dynamodb-local.ts';
import '../support/env.ts';
import { contactsRepository } from '../../lib/contacts/contacts.repository.ts';
import { receivedEventsRepository } from '../../lib/events/received-events.repository.ts';
import { timelineRepository } from '../../lib/events/timeline.repository.ts';
import { ordersRepository } from '../../lib/orders/orders.repository.ts';
import { type Clock, systemClock } from '../../lib/shared/clock.ts';
import { randomToken } from '../../lib/shared/ids.ts';
import type { Table } from '../../lib/shared/table.ts';
import { storefrontLinksRepository } from '../../lib/webhooks/storefront-links.repository.ts';
import { createWorkspace } from '../../lib/workspaces/api-keys.ts';
import { workspacesRepository } from '../../lib/workspaces/workspaces.repository.ts';

export const realTable = (): Table => ({
  client: localDocumentClient(inject('dynamodbEndpoint')),
  name: inject('tableName'),
});

/** `table`: another client of the table, e.g. one with a hook that counts its calls. */
export const realDeps = (clock: Clock = systemClock, table: Table = realTable()) => {
  return {
    table,
    contacts: contactsRepository(table),
    timeline: timelineRepository(table),
    received: receivedEventsRepository(table),
    workspaces: workspacesRepository(table),
    orders: ordersRepository(table),
    links: storefrontLinksRepository(table),
    clock,
    retentionDays: async () => 30,
  };
};

export type RealDeps = ReturnType<typeof realDeps>;

export const newWorkspace = async (deps: RealDeps): Promise<string> => {
  const id = `ws_t${randomToken(8)}`;
  await createWorkspace({ id, name: `test ${id}` }, deps);
  return id;
};

/**
 * The deployment-wide halt of email sending, one item: written once per halt (conditional), with
 * `email.sending.halted` in its outbox, so exactly one alert goes out however many containers hit
 * the paused account at once. Read by every batch through a short per-container cache.
 */

import * as z from 'zod';
import type { Clock } from '../../shared/clock.ts';
import { DeleteCommand, GetCommand, PutCommand } from '../../shared/dynamodb/commands.ts';
import { domainEvent, OUTBOX_ATTRIBUTE, toOutbox } from '../../shared/events/outbox.ts';
import { keys } from '../../shared/keys.ts';
import { isConditionFailure, readItem, type Table } from '../../shared/table.ts';
import type { SendingHalt } from './ports.ts';

export const sendingHaltItem = z.object({
  type: z.literal('sendingHalt'),
  v: z.literal(1),
  reason: z.string(),
  at: z.string(),
  workspaceId: z.string(),
});

export const sendingHaltRepository = (table: Table, clock: Clock, cacheMs = 10_000) => {
  let cached: { reason: string | undefined; until: number } | undefined;
  const repo: SendingHalt & {
    clear(): Promise<void>;
    read(): Promise<z.infer<typeof sendingHaltItem> | undefined>;
  } = {
    async read() {
      const { Item } = await table.client.send(
        new GetCommand({ TableName: table.name, Key: keys.sendingHalt(), ConsistentRead: true }),
      );
      return Item ? readItem(sendingHaltItem, Item, 'sending halt') : undefined;
    },
    async current() {
      const now = clock.now().getTime();
      if (cached && cached.until > now) return cached.reason;
      const reason = (await repo.read())?.reason;
      cached = { reason, until: now + cacheMs };
      return reason;
    },
    async trip(workspaceId, reason) {
      const at = clock.now().toISOString();
      const event = domainEvent('email.sending.halted', workspaceId, { reason, at }, clock);
      cached = { reason, until: clock.now().getTime() + cacheMs };
      try {
        await table.client.send(
          new PutCommand({
            TableName: table.name,
            Item: {
              ...keys.sendingHalt(),
              type: 'sendingHalt',
              v: 1,
              reason,
              at,
              workspaceId,
              [OUTBOX_ATTRIBUTE]: toOutbox(event),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
    /** Resume sending (by hand, once SES sends again). */
    async clear() {
      cached = undefined;
      await table.client.send(new DeleteCommand({ TableName: table.name, Key: keys.sendingHalt() }));
    },
  };
  return repo;
};

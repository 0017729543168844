/**
 * What a campaign chunk's send needs to put its emails on the timelines (lib/campaigns/send/
 * sent-entries.ts), over the real table, for the integration tests that send chunks; and a reader of
 * one message's timeline entry. A write the send could not make fails the test.
 */
import type { SentEntryDeps } from '../../lib/campaigns/send/sent-entries.ts';
import { addToOriginCounter } from '../../lib/email/history/origin-counter.ts';
import { type EmailMessage, emailMessageSchema, messageKey } from '../../lib/email/message.schema.ts';
import { messagesRepository } from '../../lib/email/messages.repository.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { GetCommand } from '../../lib/shared/dynamodb/commands.ts';
import type { Table } from '../../lib/shared/table.ts';

export const sentEntryDeps = (table: Table): SentEntryDeps => ({
  messages: messagesRepository(table),
  addToOrigin: addToOriginCounter(table),
  clock: systemClock,
  onLost: (what, error) => {
    throw new Error(`${what} was not written: ${String(error)}`);
  },
});

/** The message's timeline entry, or undefined when there is none. */
export const messageEntry = async (
  table: Table,
  ws: string,
  contactId: string,
  messageId: string,
): Promise<EmailMessage | undefined> => {
  const { Item } = await table.client.send(
    new GetCommand({
      TableName: table.name,
      Key: messageKey(ws, contactId, messageId),
      ConsistentRead: true,
    }),
  );
  return Item === undefined ? undefined : emailMessageSchema.parse(Item.email);
};

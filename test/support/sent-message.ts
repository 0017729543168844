/**
 * A message ecrm handed to SES, as the send path leaves it before any feedback: its timeline entry
 * (kind `email`, status `claimed`: SES's Send event makes it `sent`) at `messageKey`, for the
 * feedback loop's tests.
 */

import { messageCreatedAt, messageKey } from '../../lib/email/message.schema.ts';
import type { MessageTags } from '../../lib/email/message-tags.ts';
import { PutCommand } from '../../lib/shared/dynamodb/commands.ts';
import type { Table } from '../../lib/shared/table.ts';

export const putSentMessage = async (table: Table, tags: MessageTags): Promise<void> => {
  const occurredAt = messageCreatedAt(tags.messageId);
  await table.client.send(
    new PutCommand({
      TableName: table.name,
      Item: {
        ...messageKey(tags.workspaceId, tags.contactId, tags.messageId),
        type: 'timelineEntry',
        v: 1,
        eventId: tags.messageId,
        name: 'email',
        kind: 'email',
        occurredAt,
        properties: {},
        ttl: Math.floor(Date.parse(occurredAt) / 1000) + 86_400 * 30,
        email: {
          messageId: tags.messageId,
          kind: tags.kind,
          origin: tags.origin,
          ...(tags.originId ? { originId: tags.originId } : {}),
          templateId: 'newsletter',
          version: 1,
          status: 'claimed',
          seen: [],
          at: { claimed: occurredAt },
        },
      },
    }),
  );
};

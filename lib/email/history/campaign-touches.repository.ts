/**
 * A contact's campaign emails that it opened or clicked, from its timeline: a campaign email has a
 * message entry once it got feedback (lib/email/feedback/first-feedback.ts), with the first time it
 * was opened and the first time it was clicked. One query of the contact's partition between two
 * send times; the filter keeps campaign emails with an open or a click (the entries it skips are read,
 * and billed, all the same: the caller keeps the time span short).
 */
import * as z from 'zod';
import { QueryCommand } from '../../shared/dynamodb/commands.ts';
import { keys } from '../../shared/keys.ts';
import { readItem, type Table } from '../../shared/table.ts';

/** One campaign email the contact engaged with. */
export interface CampaignTouchedMessage {
  readonly campaignId: string;
  readonly messageId: string;
  /** The A/B test variant the email carried. */
  readonly variant?: number | undefined;
  /** The first open, ISO. */
  readonly opened?: string | undefined;
  /** The first click, ISO. */
  readonly clicked?: string | undefined;
}

/** The projected entry: only what attribution reads. */
const touchedRecord = z.object({
  kind: z.literal('email'),
  email: z.object({
    messageId: z.string(),
    origin: z.literal('campaign'),
    originId: z.string(),
    variant: z.number().int().optional(),
    at: z.object({ opened: z.string().optional(), clicked: z.string().optional() }),
  }),
});

export const campaignTouchesRepository = (table: Table) => ({
  /** The contact's campaign emails sent between `sentFrom` and `sentUntil` (ISO) with an open or a click. */
  async touched(
    workspaceId: string,
    contactId: string,
    sentFrom: string,
    sentUntil: string,
  ): Promise<CampaignTouchedMessage[]> {
    const out: CampaignTouchedMessage[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await table.client.send(
        new QueryCommand({
          TableName: table.name,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          FilterExpression:
            '#kind = :email AND #email.#origin = :campaign AND attribute_exists(#email.#originId) AND ' +
            '(attribute_exists(#email.#at.#opened) OR attribute_exists(#email.#at.#clicked))',
          ProjectionExpression:
            '#kind, #email.#messageId, #email.#origin, #email.#originId, #email.#variant, #email.#at',
          ExpressionAttributeNames: {
            '#kind': 'kind',
            '#email': 'email',
            '#origin': 'origin',
            '#originId': 'originId',
            '#messageId': 'messageId',
            '#variant': 'variant',
            '#at': 'at',
            '#opened': 'opened',
            '#clicked': 'clicked',
          },
          ExpressionAttributeValues: {
            ':pk': keys.contactPartition(workspaceId, contactId),
            ':from': keys.timelineFrom(sentFrom),
            ':to': keys.timelineUpTo(sentUntil),
            ':email': 'email',
            ':campaign': 'campaign',
          },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        const { email } = readItem(touchedRecord, item, 'campaign email');
        out.push({
          campaignId: email.originId,
          messageId: email.messageId,
          ...(email.variant !== undefined ? { variant: email.variant } : {}),
          opened: email.at.opened,
          clicked: email.at.clicked,
        });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  },
});

export type CampaignTouchesRepository = ReturnType<typeof campaignTouchesRepository>;

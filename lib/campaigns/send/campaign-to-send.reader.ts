/**
 * What a chunk job reads of its campaign, read without the campaign's full model (its audience
 * conditions and lifecycle stay out of the send function's bundle): status, pinned template, topic,
 * UTM, sender domain, start time and A/B test. A campaign not yet started, or with its template not
 * pinned, is not one to send from.
 */
import * as z from 'zod';
import { utmParamsSchema } from '../../email/send/utm.ts';
import { GetCommand } from '../../shared/dynamodb/commands.ts';
import { keys } from '../../shared/keys.ts';
import { readItem, type Table } from '../../shared/table.ts';
import { abTestRecord } from '../ab-test.schema.ts';
import { abTestToSend } from '../ab-test.ts';
import type { CampaignToSend } from './send-chunk.ts';

const ref = z.object({ templateId: z.string(), version: z.number().int().optional() });

const sendable = z.object({
  type: z.literal('campaign'),
  status: z.enum(['draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled', 'failed']),
  template: ref,
  topic: z.string().optional(),
  utm: utmParamsSchema.optional(),
  senderDomain: z.string().optional(),
  startedAt: z.string().optional(),
  abTest: abTestRecord.optional(),
});

export const campaignToSendReader =
  (table: Table) =>
  async (workspaceId: string, campaignId: string): Promise<CampaignToSend | undefined> => {
    const { Item } = await table.client.send(
      new GetCommand({
        TableName: table.name,
        Key: keys.campaign(workspaceId, campaignId),
        ConsistentRead: true,
      }),
    );
    if (!Item) return undefined;
    const c = readItem(sendable, Item, 'campaign');
    const version = c.template.version;
    if (!c.startedAt || version === undefined) return undefined;
    const abTest = c.abTest ? abTestToSend({ abTest: c.abTest, template: c.template }) : undefined;
    return {
      status: c.status,
      template: { templateId: c.template.templateId, version },
      topic: c.topic,
      utm: c.utm,
      senderDomain: c.senderDomain,
      startedAt: c.startedAt,
      ...(abTest ? { abTest } : {}),
    };
  };

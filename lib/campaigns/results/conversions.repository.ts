/**
 * Orders attributed to campaigns. Two small items per attributed order, no transaction:
 *
 * - the order's attribution (`orderAttribution`), put only if absent: whoever puts it first decides
 *   the order's campaign, once (two deliveries of the same order, even in parallel, cannot both);
 * - the conversion in the campaign's partition (`campaignConversion`), put from the attribution that
 *   won, only if absent. A crash between the two puts is mended by the redelivery: its first put
 *   fails and hands back the attribution that won, and the second is made from it.
 *
 * A campaign's results read its conversions partition and sum per currency (never across). The
 * items hold no contact id and no order id in clear.
 */
import * as z from 'zod';
import { GetCommand, PutCommand, paginateQuery, UpdateCommand } from '../../shared/dynamodb/commands.ts';
import { keys } from '../../shared/keys.ts';
import { conditionFailureItem, isConditionFailure, readItem, type Table } from '../../shared/table.ts';

export const conversionSchema = z.object({
  campaignId: z.string(),
  /** The email whose open or click won the attribution. */
  messageId: z.string(),
  /** The A/B test variant of that email: the order counts for it too. */
  variant: z.number().int().min(0).optional(),
  touch: z.enum(['opened', 'clicked']),
  touchedAt: z.string(),
  placedAt: z.string(),
  /** ISO 4217 code. */
  currency: z.string(),
  /** The order's total when it was placed, in the currency's minor unit. */
  amount: z.number().int(),
});
export type Conversion = z.infer<typeof conversionSchema>;

const attributionRecord = conversionSchema.extend({ type: z.literal('orderAttribution'), v: z.literal(1) });
const conversionRecord = conversionSchema.extend({
  type: z.literal('campaignConversion'),
  v: z.literal(1),
  /** Refunds of the order in its currency, by refund id (a redelivered refund lands on the same key). */
  refunds: z.record(z.string(), z.number().int()).default({}),
});

/** A campaign's conversions in one currency. */
export interface CurrencyRevenue {
  readonly currency: string;
  readonly conversions: number;
  /** The orders' totals when placed, minor units. */
  readonly revenue: number;
  /** What was refunded of them since (each order's refunds up to its total), minor units. */
  readonly refunded: number;
}

/** Sums of conversions per currency; `lines()` most revenue first. */
const revenueSums = () => {
  const sums = new Map<string, { conversions: number; revenue: number; refunded: number }>();
  return {
    add(c: Conversion & { readonly refunds: Record<string, number> }) {
      const sum = sums.get(c.currency) ?? { conversions: 0, revenue: 0, refunded: 0 };
      sum.conversions++;
      sum.revenue += c.amount;
      const refunded = Object.values(c.refunds).reduce((a, b) => a + b, 0);
      sum.refunded += Math.min(Math.max(refunded, 0), c.amount);
      sums.set(c.currency, sum);
    },
    lines: (): CurrencyRevenue[] =>
      [...sums]
        .map(([currency, s]) => ({ currency, ...s }))
        .sort((a, b) => b.revenue - a.revenue || a.currency.localeCompare(b.currency)),
  };
};

export const conversionsRepository = (table: Table) => {
  const putIfAbsent = async (item: Record<string, unknown>): Promise<Record<string, unknown> | undefined> => {
    try {
      await table.client.send(
        new PutCommand({
          TableName: table.name,
          Item: item,
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return undefined;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const old = conditionFailureItem(error);
      if (old) return old;
      // An older server may not hand the item back: read it.
      const { Item } = await table.client.send(
        new GetCommand({ TableName: table.name, Key: { pk: item.pk, sk: item.sk }, ConsistentRead: true }),
      );
      return Item ?? {};
    }
  };

  /**
   * A campaign's revenue per currency (most first), in all and per A/B test variant (conversions
   * through an email of the variant): one query of the campaign's conversions.
   */
  const revenueByVariant = async (
    workspaceId: string,
    campaignId: string,
  ): Promise<{ total: CurrencyRevenue[]; byVariant: Map<number, CurrencyRevenue[]> }> => {
    const total = revenueSums();
    const byVariant = new Map<number, ReturnType<typeof revenueSums>>();
    for await (const page of paginateQuery(
      { client: table.client },
      {
        TableName: table.name,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.campaignConversionsPartition(workspaceId, campaignId) },
      },
    )) {
      for (const item of page.Items ?? []) {
        const c = readItem(conversionRecord, item, 'campaign conversion');
        total.add(c);
        if (c.variant === undefined) continue;
        const variant = byVariant.get(c.variant) ?? revenueSums();
        variant.add(c);
        byVariant.set(c.variant, variant);
      }
    }
    return {
      total: total.lines(),
      byVariant: new Map([...byVariant].map(([v, sums]) => [v, sums.lines()])),
    };
  };

  return {
    /**
     * Attribute an order to a campaign, once: the conversion recorded (this one, or the one an earlier
     * delivery of the order decided), and whether this call was the one that decided it.
     */
    async attribute(
      workspaceId: string,
      connectionId: string,
      orderId: string,
      conversion: Conversion,
    ): Promise<{ conversion: Conversion; decided: boolean }> {
      const earlier = await putIfAbsent({
        ...keys.orderAttribution(workspaceId, connectionId, orderId),
        ...readItem(
          attributionRecord,
          { ...conversion, type: 'orderAttribution', v: 1 },
          'order attribution',
        ),
      });
      const won =
        earlier === undefined
          ? conversion
          : conversionSchema.parse(readItem(attributionRecord, earlier, 'order attribution'));
      await putIfAbsent({
        ...keys.campaignConversion(workspaceId, won.campaignId, connectionId, orderId),
        ...readItem(conversionRecord, { ...won, type: 'campaignConversion', v: 1 }, 'campaign conversion'),
      });
      return { conversion: won, decided: earlier === undefined };
    },

    /**
     * A refund of an attributed order, kept on its conversion (once per refund id): the campaign it
     * counts for, or undefined when the order was not attributed (or the refund is in another
     * currency than the order, which the revenue cannot subtract).
     */
    async refund(
      workspaceId: string,
      connectionId: string,
      orderId: string,
      refund: { readonly refundId: string; readonly amount: number; readonly currency: string },
    ): Promise<string | undefined> {
      const { Item } = await table.client.send(
        new GetCommand({
          TableName: table.name,
          Key: keys.orderAttribution(workspaceId, connectionId, orderId),
        }),
      );
      if (!Item) return undefined;
      const attribution = readItem(attributionRecord, Item, 'order attribution');
      if (attribution.currency !== refund.currency) return undefined;
      try {
        // The conversion is written with an empty `refunds` map: one update adds to it.
        await table.client.send(
          new UpdateCommand({
            TableName: table.name,
            Key: keys.campaignConversion(workspaceId, attribution.campaignId, connectionId, orderId),
            UpdateExpression: 'SET #refunds.#id = :amount',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#refunds': 'refunds', '#id': refund.refundId },
            ExpressionAttributeValues: { ':amount': refund.amount },
          }),
        );
      } catch (error) {
        // The conversion is not written yet (its order's attribution is being redelivered): it will
        // be written without this refund.
        if (isConditionFailure(error)) return undefined;
        throw error;
      }
      return attribution.campaignId;
    },

    /** A campaign's conversions and revenue per currency, most revenue first. */
    revenue: async (workspaceId: string, campaignId: string): Promise<CurrencyRevenue[]> =>
      (await revenueByVariant(workspaceId, campaignId)).total,

    revenueByVariant,
  };
};

export type ConversionsRepository = ReturnType<typeof conversionsRepository>;

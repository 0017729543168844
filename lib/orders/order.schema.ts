/** An order as stored, in its contact's partition. */
import * as z from 'zod';

export const lineItemRecord = z.object({
  productId: z.string().optional(),
  variantId: z.string().optional(),
  sku: z.string().optional(),
  name: z.string(),
  quantity: z.number(),
  unitPrice: z.number().int(),
  categories: z.array(z.string()).optional(),
});

export const orderRecord = z.object({
  type: z.literal('order'),
  v: z.literal(1),
  rev: z.number().int(),
  connectionId: z.string(),
  orderId: z.string(),
  orderNumber: z.string().optional(),
  contactId: z.string(),
  status: z.enum(['placed', 'paid', 'cancelled']),
  currency: z.string(),
  total: z.number().int(),
  lineItems: z.array(lineItemRecord),
  placedAt: z.string(),
  updatedAt: z.string(),
  cancelledAt: z.string().optional(),
  checkoutId: z.string().optional(),
  /** Refunds we saw, by refund id (a redelivered refund lands on the same key). */
  refunds: z.record(z.string(), z.number().int()),
  /** What the shop says was refunded, when it says. */
  shopRefunded: z.number().int(),
  /** max(sum of refunds, shopRefunded): the figure everything else uses. */
  refunded: z.number().int(),
});
export type OrderRecord = z.infer<typeof orderRecord>;

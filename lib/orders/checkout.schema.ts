import * as z from 'zod';
import { lineItemRecord } from './order.schema.ts';

export const checkoutRecord = z.object({
  type: z.literal('checkout'),
  v: z.literal(1),
  rev: z.number().int(),
  workspaceId: z.string(),
  connectionId: z.string(),
  checkoutId: z.string(),
  contactId: z.string().optional(),
  currency: z.string(),
  total: z.number().int(),
  lineItems: z.array(lineItemRecord),
  recoveryUrl: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: z.enum(['open', 'completed', 'abandoned']),
  /** When the abandonment timer is due, once one was set. */
  dueAt: z.string().optional(),
  ttl: z.number().int(),
});
export type CheckoutRecord = z.infer<typeof checkoutRecord>;

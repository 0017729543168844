/**
 * The generic provider's payloads: ours, for custom shops, signed as described in verify/generic.ts.
 * JSON, camelCase, the provider-independent model almost as is. Amounts are integers in the
 * currency's ISO 4217 minor unit (1999 = 19.99 EUR, 1000 = 1000 JPY, 1234 = 1.234 KWD); times are
 * ISO 8601 with an offset; ids are strings (or integers). Unknown fields are ignored.
 *
 * ```
 * customer.upsert  { id?, email?, firstName?, lastName?, phone? (E.164), locale? (BCP 47),
 *                    consent?: { email?: { state, at? }, sms?: { state, at? } },   state: subscribed |
 *                    updatedAt? }                                unsubscribed | pending
 *                  (id or a valid email required)
 * order.upsert     { id, number?, status: placed | paid | cancelled, currency, total, placedAt,
 *                    updatedAt, cancelledAt?, checkoutId?, refundedTotal?, customer, lineItems }
 * order.refund     { id, orderId, amount, currency, createdAt }
 * checkout.upsert  { id, currency, total, createdAt, updatedAt, completedAt?, recoveryUrl? (http/s),
 *                    customer, lineItems }
 * lineItems[]      { productId?, variantId?, sku?, name, quantity, unitPrice, categories?: string[] }
 * ```
 * Send `updatedAt` whenever you can: an older update never overwrites newer state.
 */
import * as z from 'zod';
import { MappingError, type StorefrontChange, type StorefrontCustomer } from '../storefront-change.ts';
import {
  anything,
  compact,
  consentOf,
  currencySchema,
  customer,
  email,
  idSchema,
  locale,
  looseText,
  optionalIdSchema,
  parseOrThrow,
  personName,
  phone,
  text,
  timestampSchema,
  webUrl,
} from './normalise.ts';

export const GENERIC_TOPICS = ['customer.upsert', 'order.upsert', 'order.refund', 'checkout.upsert'] as const;

const amount = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const time = timestampSchema();

const channel = z.object({ state: z.enum(['subscribed', 'unsubscribed', 'pending']), at: time.optional() });

const customerSchema = z.object({
  id: optionalIdSchema,
  email: anything,
  firstName: anything,
  lastName: anything,
  phone: anything,
  locale: anything,
  consent: z.object({ email: channel.optional(), sms: channel.optional() }).optional(),
  updatedAt: time.optional(),
});

const lineItemSchema = z.object({
  productId: optionalIdSchema,
  variantId: optionalIdSchema,
  sku: looseText,
  name: z.string().trim().min(1).max(500),
  quantity: z.number().int().nonnegative(),
  unitPrice: amount,
  categories: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
});

const orderSchema = z.object({
  id: idSchema,
  number: looseText,
  status: z.enum(['placed', 'paid', 'cancelled']),
  currency: currencySchema,
  total: amount,
  placedAt: time,
  updatedAt: time,
  cancelledAt: time.optional(),
  checkoutId: optionalIdSchema,
  refundedTotal: amount.optional(),
  customer: customerSchema,
  lineItems: z.array(lineItemSchema),
});

const refundSchema = z.object({
  id: idSchema,
  orderId: idSchema,
  amount: amount.min(1),
  currency: currencySchema,
  createdAt: time,
});

const checkoutSchema = z.object({
  id: idSchema,
  currency: currencySchema,
  total: amount,
  createdAt: time,
  updatedAt: time,
  completedAt: time.optional(),
  recoveryUrl: anything,
  customer: customerSchema,
  lineItems: z.array(lineItemSchema),
});

const toCustomer = (c: z.output<typeof customerSchema>): StorefrontCustomer =>
  customer({
    customerId: c.id,
    email: email(c.email),
    firstName: personName(c.firstName),
    lastName: personName(c.lastName),
    phone: phone(c.phone),
    locale: locale(c.locale),
    consent: consentOf(
      c.consent?.email && compact(c.consent.email),
      c.consent?.sms && compact(c.consent.sms),
    ),
    updatedAt: c.updatedAt,
  });

const toLineItems = (items: z.output<typeof lineItemSchema>[]) => items.map((item) => compact(item));

export const mapGeneric = (topic: string, payload: unknown): StorefrontChange[] => {
  const what = `generic ${topic}`;
  switch (topic) {
    case 'customer.upsert': {
      const c = toCustomer(parseOrThrow(customerSchema, payload, what));
      if (!c.customerId && !c.email) throw new MappingError(`${what}: needs an id or a valid email`, 'email');
      return [{ kind: 'customer', customer: c }];
    }
    case 'order.upsert': {
      const o = parseOrThrow(orderSchema, payload, what);
      return [
        {
          kind: 'order',
          order: compact({
            orderId: o.id,
            orderNumber: text(o.number),
            customer: toCustomer(o.customer),
            status: o.status,
            currency: o.currency,
            total: o.total,
            lineItems: toLineItems(o.lineItems),
            placedAt: o.placedAt,
            updatedAt: o.updatedAt,
            cancelledAt: o.cancelledAt,
            checkoutId: o.checkoutId,
            refundedTotal: o.refundedTotal,
          }),
        },
      ];
    }
    case 'order.refund': {
      const r = parseOrThrow(refundSchema, payload, what);
      return [
        {
          kind: 'refund',
          refund: {
            refundId: r.id,
            orderId: r.orderId,
            amount: r.amount,
            currency: r.currency,
            createdAt: r.createdAt,
          },
        },
      ];
    }
    case 'checkout.upsert': {
      const c = parseOrThrow(checkoutSchema, payload, what);
      return [
        {
          kind: 'checkout',
          checkout: compact({
            checkoutId: c.id,
            customer: toCustomer(c.customer),
            currency: c.currency,
            total: c.total,
            lineItems: toLineItems(c.lineItems),
            recoveryUrl: webUrl(c.recoveryUrl),
            createdAt: c.createdAt,
            updatedAt: c.updatedAt,
            completedAt: c.completedAt,
          }),
        },
      ];
    }
    default:
      return [{ kind: 'ignored', reason: `generic topic ${topic} is not used` }];
  }
};

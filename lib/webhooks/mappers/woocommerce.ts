/**
 * WooCommerce webhook payloads (REST API v3 resource shapes) to storefront changes. Money comes as
 * decimal strings (`total`, line `subtotal`), times twice: site-local (`date_created`) and GMT without
 * an offset (`date_created_gmt`, used here). The buyer is in `billing` (email, phone, names).
 *
 * Order statuses: pending / on-hold → placed; processing / completed → paid; cancelled / failed →
 * cancelled; refunded → paid with refundedTotal = total; checkout-draft and trash → ignored; a custom
 * status (plugins add "shipped" and the like) → paid when the order has `date_paid_gmt`, else placed.
 * Partial refunds come as the order's `refunds` array (`total` negative); refundedTotal is their sum.
 * WooCommerce reports no cancellation time (the last modification stands in) and no marketing
 * consent (absent: WooCommerce core has no such field).
 */
import * as z from 'zod';
import type { OrderStatus, StorefrontChange, StorefrontCustomer } from '../storefront-change.ts';
import { MappingError } from '../storefront-change.ts';
import {
  anything,
  compact,
  currencySchema,
  customer,
  decimalSchema,
  email,
  idSchema,
  lenient,
  looseText,
  minor,
  optionalIdSchema,
  optionalTimestamp,
  parseOrThrow,
  personName,
  phone,
  timestampSchema,
} from './normalise.ts';

const billingSchema = lenient(
  z.object({ first_name: anything, last_name: anything, email: anything, phone: anything }),
);

const lineSchema = z.object({
  product_id: optionalIdSchema,
  variation_id: optionalIdSchema,
  sku: looseText,
  name: looseText,
  quantity: z.number().int().nonnegative(),
  subtotal: decimalSchema,
});

const orderSchema = z.object({
  id: idSchema,
  number: looseText,
  status: z.string().trim().min(1),
  currency: currencySchema,
  total: decimalSchema,
  date_created_gmt: timestampSchema(true),
  date_modified_gmt: timestampSchema(true),
  date_paid_gmt: optionalTimestamp(true),
  customer_id: optionalIdSchema,
  billing: billingSchema,
  line_items: z.array(lineSchema),
  refunds: z.array(z.object({ id: idSchema, total: decimalSchema })).nullish(),
});

const customerSchema = z.object({
  id: idSchema,
  email: anything,
  first_name: anything,
  last_name: anything,
  billing: billingSchema,
  date_modified_gmt: optionalTimestamp(true),
});

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  times: '×',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  trade: '™',
  reg: '®',
  copy: '©',
};

/**
 * WooCommerce sends product names HTML-encoded ("Ship Your Idea &ndash; Color: Black"). Decoded to
 * text here; templates escape whatever they render, so decoding cannot inject markup.
 */
export const decodeEntities = (value: string): string =>
  value.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (entity, code: string) => {
    if (code.startsWith('#')) {
      const point =
        code[1] === 'x' || code[1] === 'X' ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1));
      return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : entity;
    }
    return NAMED_ENTITIES[code.toLowerCase()] ?? entity;
  });

type WooStatus = OrderStatus | 'refunded' | 'ignored';

const STATUSES: Readonly<Record<string, WooStatus>> = {
  pending: 'placed',
  'on-hold': 'placed',
  processing: 'paid',
  completed: 'paid',
  cancelled: 'cancelled',
  failed: 'cancelled',
  refunded: 'refunded',
  'checkout-draft': 'ignored',
  trash: 'ignored',
};

const buyer = (
  billing: z.output<typeof billingSchema>,
  own: { id?: string; email?: unknown; first_name?: unknown; last_name?: unknown; updatedAt?: string } = {},
): StorefrontCustomer =>
  customer({
    customerId: own.id,
    email: email(own.email) ?? email(billing?.email),
    firstName: personName(own.first_name) ?? personName(billing?.first_name),
    lastName: personName(own.last_name) ?? personName(billing?.last_name),
    phone: phone(billing?.phone),
    updatedAt: own.updatedAt,
  });

const mapOrder = (payload: unknown, topic: string): StorefrontChange[] => {
  const o = parseOrThrow(orderSchema, payload, `woocommerce ${topic}`);
  const known = Object.hasOwn(STATUSES, o.status) ? STATUSES[o.status] : undefined;
  const mapped: WooStatus = known ?? (o.date_paid_gmt ? 'paid' : 'placed');
  if (mapped === 'ignored') return [{ kind: 'ignored', reason: `woocommerce order in status ${o.status}` }];
  const status: OrderStatus = mapped === 'refunded' ? 'paid' : mapped;
  const total = minor(o.total, o.currency, 'total');
  const refundSum = o.refunds?.reduce(
    (sum, refund, i) => sum + Math.abs(minor(refund.total, o.currency, `refunds[${i}].total`)),
    0,
  );
  const refundedTotal = mapped === 'refunded' ? Math.max(total, refundSum ?? 0) : refundSum;
  return [
    {
      kind: 'order',
      order: compact({
        orderId: o.id,
        orderNumber: o.number,
        customer: buyer(o.billing, { id: o.customer_id }),
        status,
        currency: o.currency,
        total,
        lineItems: o.line_items.map((line, i) => {
          const name = line.name ? decodeEntities(line.name).trim() : undefined;
          if (!name) throw new MappingError('line item has no name', `line_items[${i}].name`);
          const subtotal = minor(line.subtotal, o.currency, `line_items[${i}].subtotal`);
          return compact({
            productId: line.product_id,
            variantId: line.variation_id,
            sku: line.sku,
            name,
            quantity: line.quantity,
            // Unit price before discounts, like Shopify's line price; half-up as WooCommerce rounds.
            unitPrice: line.quantity > 0 ? Math.round(subtotal / line.quantity) : subtotal,
          });
        }),
        placedAt: o.date_created_gmt,
        updatedAt: o.date_modified_gmt,
        cancelledAt: status === 'cancelled' ? o.date_modified_gmt : undefined,
        refundedTotal,
      }),
    },
  ];
};

const mapCustomer = (payload: unknown, topic: string): StorefrontChange[] => {
  const c = parseOrThrow(customerSchema, payload, `woocommerce ${topic}`);
  return [
    {
      kind: 'customer',
      customer: buyer(c.billing, {
        id: c.id,
        email: c.email,
        first_name: c.first_name,
        last_name: c.last_name,
        updatedAt: c.date_modified_gmt,
      }),
    },
  ];
};

const TOPICS = new Map<string, (payload: unknown, topic: string) => StorefrontChange[]>([
  ['order.created', mapOrder],
  ['order.updated', mapOrder],
  ['customer.created', mapCustomer],
  ['customer.updated', mapCustomer],
]);

/**
 * A WooCommerce delivery's changes.
 * @throws MappingError when a topic we use has a payload without what the topic promises.
 */
export const mapWooCommerce = (topic: string, payload: unknown): StorefrontChange[] => {
  const map = TOPICS.get(topic);
  return map ? map(payload, topic) : [{ kind: 'ignored', reason: `woocommerce topic ${topic} is not used` }];
};

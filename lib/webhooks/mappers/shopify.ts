/**
 * Shopify webhook payloads (REST resource shapes) to storefront changes. Money comes as decimal
 * strings in the shop's currency (`total_price`, line `price`), ids as JSON numbers, times as ISO
 * 8601 with the shop's offset. Orders carry `checkout_token`, checkouts their `token`: the same value,
 * so an order cancels its checkout's abandonment timer.
 *
 * Consent, as the shop reports it: `email_marketing_consent` / `sms_marketing_consent` with
 * `state` subscribed / unsubscribed / pending (`not_subscribed`, `redacted`, `invalid`: no statement,
 * so an opt-in collected elsewhere is not overwritten by "the shop never asked"). Without those
 * objects, the legacy `accepts_marketing` boolean: true is subscribed, false unsubscribed (legacy
 * cannot tell "never" from "withdrew", and a withdrawal must be honoured; its timestamp lets a newer
 * opt-in win). On orders and checkouts with no customer consent, a ticked `buyer_accepts_marketing`
 * box is an opt-in; an unticked one says nothing.
 */
import * as z from 'zod';
import {
  type ConsentState,
  MappingError,
  type OrderStatus,
  type StorefrontChange,
  type StorefrontCustomer,
  type StorefrontLineItem,
} from '../storefront-change.ts';
import {
  anything,
  channelConsent,
  compact,
  consentOf,
  currencySchema,
  customer,
  decimalSchema,
  email,
  idSchema,
  lenient,
  locale,
  looseText,
  minor,
  optionalIdSchema,
  optionalTimestamp,
  parseOrThrow,
  personName,
  phone,
  text,
  timestampSchema,
  webUrl,
} from './normalise.ts';

const marketingConsent = lenient(z.object({ state: looseText, consent_updated_at: optionalTimestamp() }));

const customerSchema = z.object({
  id: idSchema,
  email: anything,
  first_name: anything,
  last_name: anything,
  phone: anything,
  updated_at: optionalTimestamp(),
  email_marketing_consent: marketingConsent,
  sms_marketing_consent: marketingConsent,
  accepts_marketing: lenient(z.boolean()),
  accepts_marketing_updated_at: optionalTimestamp(),
});
type ShopifyCustomer = z.output<typeof customerSchema>;

const addressSchema = lenient(z.object({ first_name: anything, last_name: anything, phone: anything }));

const transactionSchema = z.object({
  kind: looseText,
  status: looseText,
  amount: decimalSchema,
  currency: anything,
});
type Transaction = z.output<typeof transactionSchema>;

const orderLineSchema = z.object({
  product_id: optionalIdSchema,
  variant_id: optionalIdSchema,
  sku: looseText,
  title: looseText,
  name: looseText,
  quantity: z.number().int().nonnegative(),
  price: decimalSchema,
});

const orderSchema = z.object({
  id: idSchema,
  name: looseText,
  order_number: anything,
  email: anything,
  contact_email: anything,
  phone: anything,
  customer_locale: anything,
  buyer_accepts_marketing: lenient(z.boolean()),
  currency: currencySchema,
  total_price: decimalSchema,
  financial_status: looseText,
  created_at: timestampSchema(),
  updated_at: timestampSchema(),
  cancelled_at: optionalTimestamp(),
  checkout_token: looseText,
  customer: customerSchema.nullish(),
  billing_address: addressSchema,
  line_items: z.array(orderLineSchema),
  refunds: z.array(z.object({ transactions: z.array(transactionSchema).nullish() })).nullish(),
});

const checkoutLineSchema = z.object({
  product_id: optionalIdSchema,
  variant_id: optionalIdSchema,
  sku: looseText,
  title: looseText,
  variant_title: looseText,
  quantity: z.number().int().nonnegative(),
  price: decimalSchema,
});

const checkoutSchema = z.object({
  token: z.string().trim().min(1),
  email: anything,
  phone: anything,
  customer_locale: anything,
  buyer_accepts_marketing: lenient(z.boolean()),
  currency: currencySchema,
  total_price: decimalSchema,
  created_at: timestampSchema(),
  updated_at: timestampSchema(),
  completed_at: optionalTimestamp(),
  abandoned_checkout_url: anything,
  customer: customerSchema.nullish(),
  billing_address: addressSchema,
  line_items: z.array(checkoutLineSchema),
});

const refundSchema = z.object({
  id: idSchema,
  order_id: idSchema,
  created_at: timestampSchema(),
  transactions: z.array(transactionSchema),
});

const privacyCustomer = z.object({ id: optionalIdSchema, email: anything, phone: anything });
const shopSchema = { shop_id: idSchema, shop_domain: z.string().trim().min(1) };
const customersRedactSchema = z.object({ ...shopSchema, customer: privacyCustomer });
const dataRequestSchema = z.object({
  ...shopSchema,
  customer: privacyCustomer,
  data_request: z.object({ id: idSchema }).nullish(),
});
const shopRedactSchema = z.object(shopSchema);

const shopifyState = (state: string | undefined): ConsentState | undefined => {
  switch (state?.toLowerCase()) {
    case 'subscribed':
      return 'subscribed';
    case 'unsubscribed':
      return 'unsubscribed';
    case 'pending':
      return 'pending';
    default:
      return undefined;
  }
};

interface BuyerContext {
  readonly email?: unknown;
  readonly phone?: unknown;
  readonly locale?: unknown;
  readonly billing?: { first_name?: unknown; last_name?: unknown; phone?: unknown } | undefined;
  /** The order's or checkout's box, and when it was ticked. */
  readonly acceptsMarketing?: { readonly accepted: boolean | undefined; readonly at: string };
}

const emailConsent = (c: ShopifyCustomer | undefined, context: BuyerContext) => {
  if (c?.email_marketing_consent) {
    return channelConsent(
      shopifyState(c.email_marketing_consent.state),
      c.email_marketing_consent.consent_updated_at,
    );
  }
  if (c?.accepts_marketing !== undefined) {
    return channelConsent(
      c.accepts_marketing ? 'subscribed' : 'unsubscribed',
      c.accepts_marketing_updated_at,
    );
  }
  if (context.acceptsMarketing?.accepted === true)
    return channelConsent('subscribed', context.acceptsMarketing.at);
  return undefined;
};

const toCustomer = (c: ShopifyCustomer | null | undefined, context: BuyerContext = {}): StorefrontCustomer =>
  customer({
    customerId: c?.id,
    email: email(c?.email) ?? email(context.email),
    firstName: personName(c?.first_name) ?? personName(context.billing?.first_name),
    lastName: personName(c?.last_name) ?? personName(context.billing?.last_name),
    phone: phone(c?.phone) ?? phone(context.phone) ?? phone(context.billing?.phone),
    locale: locale(context.locale),
    consent: consentOf(
      emailConsent(c ?? undefined, context),
      c?.sms_marketing_consent
        ? channelConsent(
            shopifyState(c.sms_marketing_consent.state),
            c.sms_marketing_consent.consent_updated_at,
          )
        : undefined,
    ),
    updatedAt: c?.updated_at,
  });

const PAID = new Set(['paid', 'partially_refunded', 'refunded']);

const orderStatus = (financialStatus: string | undefined, cancelledAt: string | undefined): OrderStatus => {
  if (cancelledAt || financialStatus === 'voided') return 'cancelled';
  return financialStatus && PAID.has(financialStatus) ? 'paid' : 'placed';
};

const isRefundMoved = (t: Transaction) => t.kind === 'refund' && (t.status ?? 'success') === 'success';

/**
 * Refunded so far, from the refunds embedded in the order, in the order's currency. Unknown
 * (undefined) when the order has no refunds array or a refund moved another currency (a
 * multi-currency shop refunds in the buyer's currency, while totals are in the shop's).
 */
const refundedTotal = (order: z.output<typeof orderSchema>): number | undefined => {
  if (!order.refunds) return undefined;
  let total = 0;
  for (const [r, refund] of order.refunds.entries()) {
    for (const [t, transaction] of (refund.transactions ?? []).entries()) {
      if (!isRefundMoved(transaction)) continue;
      const currency = text(transaction.currency)?.toUpperCase() ?? order.currency;
      if (currency !== order.currency) return undefined;
      total += minor(transaction.amount, currency, `refunds[${r}].transactions[${t}].amount`);
    }
  }
  return total;
};

const lineName = (path: string, ...candidates: (string | undefined)[]): string => {
  const name = candidates.find((c) => c !== undefined);
  if (!name) throw new MappingError('line item has no title', path);
  return name;
};

const mapOrder = (payload: unknown, topic: string): StorefrontChange[] => {
  const o = parseOrThrow(orderSchema, payload, `shopify ${topic}`);
  const cancelledAt = o.cancelled_at ?? (topic === 'orders/cancelled' ? o.updated_at : undefined);
  const lineItems: StorefrontLineItem[] = o.line_items.map((line, i) =>
    compact({
      productId: line.product_id,
      variantId: line.variant_id,
      sku: line.sku,
      name: lineName(`line_items[${i}].title`, line.name, line.title),
      quantity: line.quantity,
      unitPrice: minor(line.price, o.currency, `line_items[${i}].price`),
    }),
  );
  const orderNumber =
    o.name ??
    (typeof o.order_number === 'number' || typeof o.order_number === 'string'
      ? String(o.order_number)
      : undefined);
  const refunded = refundedTotal(o);
  return [
    {
      kind: 'order',
      order: compact({
        orderId: o.id,
        orderNumber,
        customer: toCustomer(o.customer, {
          email: o.email ?? o.contact_email,
          phone: o.phone,
          locale: o.customer_locale,
          billing: o.billing_address,
          acceptsMarketing: { accepted: o.buyer_accepts_marketing, at: o.created_at },
        }),
        status: orderStatus(o.financial_status, cancelledAt),
        currency: o.currency,
        total: minor(o.total_price, o.currency, 'total_price'),
        lineItems,
        placedAt: o.created_at,
        updatedAt: o.updated_at,
        cancelledAt,
        checkoutId: o.checkout_token,
        refundedTotal: refunded,
      }),
    },
  ];
};

const mapCheckout = (payload: unknown, topic: string): StorefrontChange[] => {
  const c = parseOrThrow(checkoutSchema, payload, `shopify ${topic}`);
  return [
    {
      kind: 'checkout',
      checkout: compact({
        checkoutId: c.token.trim(),
        customer: toCustomer(c.customer, {
          email: c.email,
          phone: c.phone,
          locale: c.customer_locale,
          billing: c.billing_address,
          acceptsMarketing: { accepted: c.buyer_accepts_marketing, at: c.updated_at },
        }),
        currency: c.currency,
        total: minor(c.total_price, c.currency, 'total_price'),
        lineItems: c.line_items.map((line, i) =>
          compact({
            productId: line.product_id,
            variantId: line.variant_id,
            sku: line.sku,
            name: lineName(
              `line_items[${i}].title`,
              line.title && line.variant_title && line.variant_title !== 'Default Title'
                ? `${line.title} - ${line.variant_title}`
                : line.title,
            ),
            quantity: line.quantity,
            unitPrice: minor(line.price, c.currency, `line_items[${i}].price`),
          }),
        ),
        recoveryUrl: webUrl(c.abandoned_checkout_url),
        createdAt: c.created_at,
        updatedAt: c.updated_at,
        completedAt: c.completed_at,
      }),
    },
  ];
};

/**
 * A refund's money: the successful refund transactions. A transaction that names no currency (as in
 * Shopify's documented sample) is in the one the others name or, when none does, the order's: the
 * refund then goes out unpriced and is priced against the stored order.
 */
const mapRefund = (payload: unknown, topic: string): StorefrontChange[] => {
  const r = parseOrThrow(refundSchema, payload, `shopify ${topic}`);
  const moved = r.transactions
    .map((transaction, i) => ({ transaction, i, code: text(transaction.currency)?.toUpperCase() }))
    .filter(({ transaction }) => isRefundMoved(transaction));
  const codes = new Set(moved.flatMap(({ code }) => (code ? [code] : [])));
  if (codes.size > 1) {
    const last = moved.findLast(({ code }) => code !== undefined);
    throw new MappingError('refund transactions in several currencies', `transactions[${last?.i}].currency`);
  }
  const base = { refundId: r.id, orderId: r.order_id, createdAt: r.created_at };
  const [currency] = codes;
  if (currency === undefined) {
    const decimalAmounts = moved.map(({ transaction }) => transaction.amount);
    // The form is checked now (the currency's decimals later): a bad amount is a mapping error.
    for (const { transaction, i } of moved) {
      const a = transaction.amount;
      if (typeof a === 'number' ? !Number.isFinite(a) : !/^-?\d+(?:\.\d+)?$/.test(a.trim()))
        throw new MappingError(`"${a}" is not a decimal amount`, `transactions[${i}].amount`);
    }
    if (decimalAmounts.every((a) => Number(a) === 0))
      return [{ kind: 'ignored', reason: 'shopify refund that moved no money' }];
    return [{ kind: 'refund', refund: { ...base, decimalAmounts } }];
  }
  const amount = moved.reduce(
    (sum, { transaction, i }) => sum + minor(transaction.amount, currency, `transactions[${i}].amount`),
    0,
  );
  if (amount === 0) return [{ kind: 'ignored', reason: 'shopify refund that moved no money' }];
  return [{ kind: 'refund', refund: { ...base, amount, currency } }];
};

const mapCustomer = (payload: unknown, topic: string): StorefrontChange[] => [
  { kind: 'customer', customer: toCustomer(parseOrThrow(customerSchema, payload, `shopify ${topic}`)) },
];

const privacySubject = (c: z.output<typeof privacyCustomer>, topic: string): StorefrontCustomer => {
  const subject = customer({ customerId: c.id, email: email(c.email), phone: phone(c.phone) });
  if (!subject.customerId && !subject.email) {
    throw new MappingError(`shopify ${topic}: customer has neither an id nor a valid email`, 'customer');
  }
  return subject;
};

const mapCustomersRedact = (payload: unknown, topic: string): StorefrontChange[] => {
  const p = parseOrThrow(customersRedactSchema, payload, `shopify ${topic}`);
  return [{ kind: 'redact-customer', customer: privacySubject(p.customer, topic) }];
};

const mapDataRequest = (payload: unknown, topic: string): StorefrontChange[] => {
  const p = parseOrThrow(dataRequestSchema, payload, `shopify ${topic}`);
  return [
    compact({
      kind: 'data-request' as const,
      customer: privacySubject(p.customer, topic),
      requestId: p.data_request?.id,
    }),
  ];
};

const mapShopRedact = (payload: unknown, topic: string): StorefrontChange[] => {
  parseOrThrow(shopRedactSchema, payload, `shopify ${topic}`);
  return [{ kind: 'redact-shop' }];
};

const TOPICS = new Map<string, (payload: unknown, topic: string) => StorefrontChange[]>([
  ['orders/create', mapOrder],
  ['orders/updated', mapOrder],
  ['orders/paid', mapOrder],
  ['orders/cancelled', mapOrder],
  ['refunds/create', mapRefund],
  ['checkouts/create', mapCheckout],
  ['checkouts/update', mapCheckout],
  ['customers/create', mapCustomer],
  ['customers/update', mapCustomer],
  ['customers/redact', mapCustomersRedact],
  ['shop/redact', mapShopRedact],
  ['customers/data_request', mapDataRequest],
]);

/**
 * A Shopify delivery's changes.
 * @throws MappingError when a topic we use has a payload without what the topic promises.
 */
export const mapShopify = (topic: string, payload: unknown): StorefrontChange[] => {
  const map = TOPICS.get(topic);
  return map ? map(payload, topic) : [{ kind: 'ignored', reason: `shopify topic ${topic} is not used` }];
};

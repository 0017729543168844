/**
 * Stripe events (the whole envelope: `{ id, type, created, data: { object, previous_attributes } }`)
 * to storefront changes. Amounts are integers in Stripe's smallest unit, converted to ISO minor units
 * (they differ for ISK and MGA); currencies come lower-case.
 *
 * Order id: the PaymentIntent id (`pi_...`) when there is one, else the object's own id. A
 * `checkout.session.completed` and the `charge.refunded` of its payment share nothing else: the
 * charge knows its payment_intent but not its Checkout Session, so keying orders on the session id
 * would leave every refund pointing at an order we never saw. (Sessions without a PaymentIntent —
 * subscriptions, free orders — fall back to `cs_...`, charges without one to `ch_...`.)
 *
 * Sessions paid by a delayed method complete unpaid (order `placed`);
 * `checkout.session.async_payment_succeeded` / `_failed` carry the same session and move the order to
 * paid or cancelled.
 *
 * Refunds: since API version 2022-11-15 a Charge no longer embeds `refunds`. When the event has
 * `refunds.data` (older endpoint versions, or expanded), each refund object is one refund. Otherwise
 * the event's `previous_attributes.amount_refunded` gives this refund's amount (the increase), and
 * its id is `<charge id>:<amount_refunded after it>`: unique per refund, the same on redelivery.
 */
import * as z from 'zod';
import {
  MappingError,
  type OrderStatus,
  type StorefrontChange,
  type StorefrontCustomer,
} from '../storefront-change.ts';
import {
  anything,
  channelConsent,
  compact,
  consentOf,
  currencySchema,
  customer,
  email,
  lenient,
  locale,
  looseText,
  parseOrThrow,
  phone,
  splitName,
  stripeMinor,
  unixSecondsSchema,
  unixSecondsToIso,
} from './normalise.ts';

const stripeId = z.string().trim().min(1).max(255);

/** An expandable reference: the id, or the expanded object's id. */
const reference = z
  .union([stripeId, z.object({ id: stripeId }), z.null(), z.undefined()])
  .transform((value) => (typeof value === 'string' ? value : value?.id))
  .optional();

const envelope = <S extends z.ZodType, P extends z.ZodType>(object: S, previous: P) =>
  z.object({
    id: stripeId,
    type: z.string(),
    created: unixSecondsSchema,
    data: z.object({ object, previous_attributes: previous }),
  });

const sessionSchema = z.object({
  id: stripeId,
  mode: looseText,
  amount_total: z.number().int().nonnegative().nullish(),
  currency: currencySchema.nullish(),
  created: unixSecondsSchema,
  customer: reference,
  customer_email: anything,
  customer_details: lenient(z.object({ email: anything, name: anything, phone: anything })),
  locale: anything,
  payment_intent: reference,
  payment_status: looseText,
  consent: lenient(z.object({ promotions: looseText })),
});

const customerSchema = z.object({
  id: stripeId,
  email: anything,
  name: anything,
  phone: anything,
  preferred_locales: lenient(z.array(z.string())),
});

const refundSchema = z.object({
  id: stripeId,
  amount: z.number().int().nonnegative(),
  currency: currencySchema,
  created: unixSecondsSchema,
  status: looseText,
});

const chargeSchema = z.object({
  id: stripeId,
  amount_refunded: z.number().int().nonnegative(),
  currency: currencySchema,
  payment_intent: reference,
  refunds: z.object({ data: z.array(refundSchema) }).nullish(),
});

const chargePrevious = lenient(z.object({ amount_refunded: z.number().int().nonnegative() }));

const mapSession = (payload: unknown, type: string): StorefrontChange[] => {
  const event = parseOrThrow(envelope(sessionSchema, anything), payload, `stripe ${type}`);
  const s = event.data.object;
  if (s.mode === 'setup')
    return [{ kind: 'ignored', reason: 'stripe checkout session in setup mode (no payment)' }];
  if (s.amount_total === undefined || s.amount_total === null) {
    throw new MappingError('completed session without amount_total', 'data.object.amount_total');
  }
  if (!s.currency) throw new MappingError('completed session without currency', 'data.object.currency');
  const at = unixSecondsToIso(event.created);
  const buyer: StorefrontCustomer = customer({
    customerId: s.customer,
    email: email(s.customer_details?.email) ?? email(s.customer_email),
    ...splitName(s.customer_details?.name),
    phone: phone(s.customer_details?.phone),
    locale: locale(s.locale),
    // Promotional consent is collected by Checkout only when asked for; an opt-out is an unticked box.
    consent: consentOf(s.consent?.promotions === 'opt_in' ? channelConsent('subscribed', at) : undefined),
  });
  // Delayed payment methods (bank debits, vouchers) complete the session unpaid; Stripe then sends
  // async_payment_succeeded or async_payment_failed with the same session.
  const failed = type === 'checkout.session.async_payment_failed';
  const paid = s.payment_status === 'paid' || s.payment_status === 'no_payment_required';
  const status: OrderStatus = failed ? 'cancelled' : paid ? 'paid' : 'placed';
  return [
    {
      kind: 'order',
      order: compact({
        orderId: s.payment_intent ?? s.id,
        customer: buyer,
        status,
        currency: s.currency,
        total: stripeMinor(s.amount_total, s.currency, 'data.object.amount_total'),
        // A Checkout Session event carries no line items (they need an API call): none, not guessed.
        lineItems: [],
        placedAt: unixSecondsToIso(s.created),
        updatedAt: at,
        cancelledAt: failed ? at : undefined,
        checkoutId: s.id,
      }),
    },
  ];
};

const mapCustomer = (payload: unknown, type: string): StorefrontChange[] => {
  const event = parseOrThrow(envelope(customerSchema, anything), payload, `stripe ${type}`);
  const c = event.data.object;
  return [
    {
      kind: 'customer',
      customer: customer({
        customerId: c.id,
        email: email(c.email),
        ...splitName(c.name),
        phone: phone(c.phone),
        locale: locale(c.preferred_locales?.[0]),
        // A Customer has no modification time; the event's creation time orders updates.
        updatedAt: unixSecondsToIso(event.created),
      }),
    },
  ];
};

const mapChargeRefunded = (payload: unknown, type: string): StorefrontChange[] => {
  const event = parseOrThrow(envelope(chargeSchema, chargePrevious), payload, `stripe ${type}`);
  const charge = event.data.object;
  const orderId = charge.payment_intent ?? charge.id;
  const embedded = charge.refunds?.data ?? [];
  if (embedded.length > 0) {
    const changes = embedded.flatMap((r, i): StorefrontChange[] =>
      r.status === 'failed' || r.status === 'canceled'
        ? []
        : [
            {
              kind: 'refund',
              refund: {
                refundId: r.id,
                orderId,
                amount: stripeMinor(r.amount, r.currency, `data.object.refunds.data[${i}].amount`),
                currency: r.currency,
                createdAt: unixSecondsToIso(r.created),
              },
            },
          ],
    );
    return changes.length > 0
      ? changes
      : [{ kind: 'ignored', reason: 'stripe charge.refunded with no live refund' }];
  }
  const before = event.data.previous_attributes?.amount_refunded;
  if (before === undefined) {
    throw new MappingError(
      'charge.refunded has neither refunds.data nor previous_attributes.amount_refunded: refund amount unknown',
      'data.previous_attributes.amount_refunded',
    );
  }
  const delta = charge.amount_refunded - before;
  if (delta <= 0) return [{ kind: 'ignored', reason: 'stripe charge.refunded that refunded nothing more' }];
  return [
    {
      kind: 'refund',
      refund: {
        refundId: `${charge.id}:${charge.amount_refunded}`,
        orderId,
        amount: stripeMinor(delta, charge.currency, 'data.object.amount_refunded'),
        currency: charge.currency,
        createdAt: unixSecondsToIso(event.created),
      },
    },
  ];
};

const TYPES = new Map<string, (payload: unknown, type: string) => StorefrontChange[]>([
  ['checkout.session.completed', mapSession],
  ['checkout.session.async_payment_succeeded', mapSession],
  ['checkout.session.async_payment_failed', mapSession],
  ['customer.created', mapCustomer],
  ['customer.updated', mapCustomer],
  ['charge.refunded', mapChargeRefunded],
]);

/**
 * A Stripe event's changes. `payload` is the whole event; its `type` must be `eventType`.
 * @throws MappingError when an event type we use lacks what it promises.
 */
export const mapStripe = (eventType: string, payload: unknown): StorefrontChange[] => {
  const map = TYPES.get(eventType);
  if (!map) return [{ kind: 'ignored', reason: `stripe event ${eventType} is not used` }];
  const head = parseOrThrow(z.object({ type: z.string() }), payload, `stripe ${eventType}`);
  if (head.type !== eventType) {
    throw new MappingError(`event type ${head.type} does not match the delivery's ${eventType}`, 'type');
  }
  return map(payload, eventType);
};

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  GENERIC_TOPICS,
  mapDelivery,
  mapGeneric,
  mapShopify,
  mapStripe,
  mapWooCommerce,
} from '../../lib/webhooks/mappers/index.ts';
import {
  MappingError,
  type ProviderKind,
  type StorefrontChange,
  type StorefrontCheckout,
  type StorefrontCustomer,
  type StorefrontOrder,
} from '../../lib/webhooks/storefront-change.ts';
import { parseWebhookJson } from '../../lib/webhooks/verify/index.ts';

const raw = (path: string) => readFileSync(new URL(`../fixtures/webhooks/${path}`, import.meta.url));
/** A fixture as the pipeline parses it (exact digits for ids beyond 2^53). */
const payload = (path: string) => parseWebhookJson(raw(path));
/** A fixture as a plain object to edit in a test (parsed the same way). */
const editable = (path: string): Record<string, unknown> => {
  const value = payload(path);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${path} is not an object`);
  return { ...value };
};

const only = (changes: StorefrontChange[]) => {
  expect(changes).toHaveLength(1);
  const [change] = changes;
  if (!change) throw new Error('no change');
  return change;
};
const orderOf = (changes: StorefrontChange[]): StorefrontOrder => {
  const change = only(changes);
  if (change.kind !== 'order') throw new Error(`expected an order, got ${change.kind}`);
  return change.order;
};
const checkoutOf = (changes: StorefrontChange[]): StorefrontCheckout => {
  const change = only(changes);
  if (change.kind !== 'checkout') throw new Error(`expected a checkout, got ${change.kind}`);
  return change.checkout;
};
const customerOf = (changes: StorefrontChange[]): StorefrontCustomer => {
  const change = only(changes);
  if (change.kind !== 'customer') throw new Error(`expected a customer, got ${change.kind}`);
  return change.customer;
};

/** Runs `act` and returns the MappingError it throws (fails the test if it throws nothing else). */
const mappingError = (act: () => unknown): MappingError => {
  try {
    act();
  } catch (error) {
    if (error instanceof MappingError) return error;
    throw error;
  }
  throw new Error('expected a MappingError');
};

const BOB: StorefrontCustomer = {
  customerId: '706405506930370084',
  email: 'bob.norman@mail.example.com',
  firstName: 'Bob',
  lastName: 'Norman',
  phone: '+16136120707',
  locale: 'en-CA',
  consent: { email: { state: 'subscribed', at: '2024-05-14T14:18:47.000Z' } },
  updatedAt: '2024-06-02T19:59:41.000Z',
};

const SHOPIFY_LINES = [
  {
    productId: '632910392',
    variantId: '39072856',
    sku: 'IPOD2008GREEN',
    name: 'IPod Nano - 8gb - green',
    quantity: 1,
    unitPrice: 19900,
  },
  { productId: '921728736', name: 'Shopify T-shirt - M', quantity: 2, unitPrice: 1999 },
];

describe('Shopify orders', () => {
  it('maps orders/create: ids with all their digits, money in cents, buyer, checkout token', () => {
    expect(orderOf(mapShopify('orders/create', payload('shopify/orders/create.json')))).toStrictEqual({
      orderId: '820982911946154508',
      orderNumber: '#1001',
      customer: BOB,
      status: 'placed',
      currency: 'USD',
      total: 26093,
      lineItems: SHOPIFY_LINES,
      placedAt: '2024-06-02T19:59:40.000Z',
      updatedAt: '2024-06-02T19:59:42.000Z',
      checkoutId: 'bd5a8aa1ecd019dd3520ff791ee3a24c',
      refundedTotal: 0,
    });
  });

  it('maps orders/paid as paid', () => {
    const order = orderOf(mapShopify('orders/paid', payload('shopify/orders/paid.json')));
    expect(order.status).toBe('paid');
    expect(order.updatedAt).toBe('2024-06-02T20:00:05.000Z');
  });

  it('maps orders/updated with its refunds into refundedTotal', () => {
    const order = orderOf(mapShopify('orders/updated', payload('shopify/orders/updated.json')));
    expect(order).toMatchObject({ status: 'paid', total: 26093, refundedTotal: 4193 });
  });

  it('maps orders/cancelled with its cancellation time', () => {
    const order = orderOf(mapShopify('orders/cancelled', payload('shopify/orders/cancelled.json')));
    expect(order).toMatchObject({ status: 'cancelled', cancelledAt: '2024-06-02T21:20:00.000Z' });
  });

  it('leaves refundedTotal unknown when a refund moved another currency than the order total', () => {
    const order = editable('shopify/orders/updated.json');
    const edited = JSON.parse(
      JSON.stringify(order).replace('"currency":"USD","gateway"', '"currency":"EUR","gateway"'),
    );
    expect(orderOf(mapShopify('orders/updated', edited)).refundedTotal).toBeUndefined();
  });

  it("maps Shopify's published refunds/create sample (currency null on both transactions, XXX in their unsettled sets) to an unpriced refund", () => {
    expect(only(mapShopify('refunds/create', payload('shopify/refunds/create.json')))).toStrictEqual({
      kind: 'refund',
      refund: {
        refundId: '890088186047892319',
        orderId: '820982911946154508',
        decimalAmounts: ['75.00', '10.00'],
        createdAt: '2022-01-01T00:00:00.000Z',
      },
    });
  });

  it('prices a refund in the currency its transactions name, and takes it for those that omit it', () => {
    const refund = editable('shopify/refunds/create.json');
    const transactions = [
      { kind: 'refund', status: 'success', amount: '1.50', currency: 'eur' },
      { kind: 'refund', status: 'success', amount: '2.00', currency: null },
      { kind: 'refund', status: 'failure', amount: '9.00', currency: 'EUR' },
      { kind: 'sale', status: 'success', amount: '9.00' },
    ];
    expect(only(mapShopify('refunds/create', { ...refund, transactions }))).toMatchObject({
      refund: { amount: 350, currency: 'EUR' },
    });
  });

  it('ignores a refund that moved no money (restock only)', () => {
    const refund = { ...editable('shopify/refunds/create.json'), transactions: [] };
    expect(mapShopify('refunds/create', refund)).toEqual([
      { kind: 'ignored', reason: 'shopify refund that moved no money' },
    ]);
  });
});

describe('Shopify checkouts', () => {
  it('maps checkouts/create of a guest: token, recovery URL, ticked marketing box as an opt-in', () => {
    expect(
      checkoutOf(mapShopify('checkouts/create', payload('shopify/checkouts/create.json'))),
    ).toStrictEqual({
      checkoutId: 'bd5a8aa1ecd019dd3520ff791ee3a24c',
      customer: {
        email: 'bob.norman@mail.example.com',
        locale: 'en-CA',
        consent: { email: { state: 'subscribed', at: '2024-06-02T19:43:27.000Z' } },
      },
      currency: 'USD',
      total: 23898,
      lineItems: SHOPIFY_LINES,
      recoveryUrl:
        'https://snowdevil.myshopify.com/548380009/checkouts/bd5a8aa1ecd019dd3520ff791ee3a24c/recover?key=3b4f0b8e5c2a9d7e',
      createdAt: '2024-06-02T19:41:06.000Z',
      updatedAt: '2024-06-02T19:43:27.000Z',
    });
  });

  it('maps checkouts/update with its completion and the logged-in customer', () => {
    const checkout = checkoutOf(mapShopify('checkouts/update', payload('shopify/checkouts/update.json')));
    expect(checkout.completedAt).toBe('2024-06-02T19:59:40.000Z');
    expect(checkout.total).toBe(26093);
    expect(checkout.customer).toStrictEqual(BOB);
    // The order that completes it carries the same token: the abandonment timer can be cancelled.
    expect(orderOf(mapShopify('orders/create', payload('shopify/orders/create.json'))).checkoutId).toBe(
      checkout.checkoutId,
    );
  });

  it('never keeps a recovery URL that is not http(s)', () => {
    const checkout = {
      ...editable('shopify/checkouts/create.json'),
      abandoned_checkout_url: 'javascript:alert(1)',
    };
    expect(checkoutOf(mapShopify('checkouts/create', checkout)).recoveryUrl).toBeUndefined();
  });
});

describe('Shopify customers and privacy', () => {
  it('maps customers/create with email consent, ignoring not_subscribed SMS', () => {
    expect(
      customerOf(mapShopify('customers/create', payload('shopify/customers/create.json'))),
    ).toStrictEqual({
      customerId: '706405506930370084',
      email: 'bob.norman@mail.example.com',
      firstName: 'Bob',
      lastName: 'Norman',
      phone: '+16136120707',
      consent: { email: { state: 'subscribed', at: '2024-05-14T14:18:47.000Z' } },
      updatedAt: '2024-05-14T14:18:48.000Z',
    });
  });

  it('maps customers/update: email withdrawn, SMS subscribed, each with its time', () => {
    const customer = customerOf(mapShopify('customers/update', payload('shopify/customers/update.json')));
    expect(customer.consent).toStrictEqual({
      email: { state: 'unsubscribed', at: '2024-06-02T20:05:10.000Z' },
      sms: { state: 'subscribed', at: '2024-06-01T12:30:00.000Z' },
    });
    expect(customer.updatedAt).toBe('2024-06-02T20:05:11.000Z');
  });

  it('reads the legacy accepts_marketing only when there is no email_marketing_consent', () => {
    const legacy = (accepts: boolean) => ({
      id: 1,
      email: 'a@example.com',
      accepts_marketing: accepts,
      accepts_marketing_updated_at: '2021-03-01T10:00:00-05:00',
    });
    expect(customerOf(mapShopify('customers/update', legacy(true))).consent).toStrictEqual({
      email: { state: 'subscribed', at: '2021-03-01T15:00:00.000Z' },
    });
    expect(customerOf(mapShopify('customers/update', legacy(false))).consent).toStrictEqual({
      email: { state: 'unsubscribed', at: '2021-03-01T15:00:00.000Z' },
    });
    const both = {
      ...legacy(true),
      email_marketing_consent: { state: 'not_subscribed', consent_updated_at: null },
    };
    expect(customerOf(mapShopify('customers/update', both)).consent).toBeUndefined();
    expect(
      customerOf(mapShopify('customers/update', { id: 1, email_marketing_consent: { state: 'pending' } }))
        .consent,
    ).toStrictEqual({ email: { state: 'pending' } });
  });

  it('normalises people: emails lower-cased and trimmed, invalid ones dropped, E.164 phones only, names trimmed', () => {
    const c = customerOf(
      mapShopify('customers/update', {
        id: 7,
        email: '  Ana.Lopez@Example.COM ',
        first_name: '  Ana ',
        last_name: '   ',
        phone: '+34 611-222-333',
      }),
    );
    expect(c).toStrictEqual({
      customerId: '7',
      email: 'ana.lopez@example.com',
      firstName: 'Ana',
      phone: '+34611222333',
    });
    const bad = customerOf(
      mapShopify('customers/update', { id: 8, email: 'not an email', phone: '555-625-1199' }),
    );
    expect(bad).toStrictEqual({ customerId: '8' });
  });

  it('maps customers/redact to erase that customer (non-E.164 phone dropped)', () => {
    expect(mapShopify('customers/redact', payload('shopify/customers/redact.json'))).toStrictEqual([
      {
        kind: 'redact-customer',
        customer: { customerId: '706405506930370084', email: 'bob.norman@mail.example.com' },
      },
    ]);
  });

  it('maps customers/data_request with its request id', () => {
    expect(
      mapShopify('customers/data_request', payload('shopify/customers/data_request.json')),
    ).toStrictEqual([
      {
        kind: 'data-request',
        customer: {
          customerId: '706405506930370084',
          email: 'bob.norman@mail.example.com',
          phone: '+16136120707',
        },
        requestId: '9999',
      },
    ]);
  });

  it('maps shop/redact', () => {
    expect(mapShopify('shop/redact', payload('shopify/shop/redact.json'))).toStrictEqual([
      { kind: 'redact-shop' },
    ]);
  });

  it('refuses an order body replayed under a privacy topic (the topic header is not signed)', () => {
    const error = mappingError(() => mapShopify('customers/redact', payload('shopify/orders/create.json')));
    expect(error.path).toBe('shop_id');
    expect(mappingError(() => mapShopify('shop/redact', payload('shopify/orders/create.json'))).path).toBe(
      'shop_id',
    );
  });
});

describe('Shopify payloads without what their topic promises', () => {
  it('names the missing field', () => {
    const { total_price: _, ...noTotal } = editable('shopify/orders/create.json');
    const error = mappingError(() => mapShopify('orders/create', noTotal));
    expect(error).toBeInstanceOf(MappingError);
    expect(error.path).toBe('total_price');
    expect(
      mappingError(() =>
        mapShopify('checkouts/create', { ...editable('shopify/checkouts/create.json'), token: '' }),
      ).path,
    ).toBe('token');
  });

  it('names the offending line item', () => {
    const order = editable('shopify/orders/create.json');
    const lines = [
      { title: 'A', quantity: 1, price: '1.00' },
      { title: 'B', quantity: 1 },
    ];
    expect(mappingError(() => mapShopify('orders/create', { ...order, line_items: lines })).path).toBe(
      'line_items[1].price',
    );
    const unnamed = [{ quantity: 1, price: '1.00' }];
    expect(mappingError(() => mapShopify('orders/create', { ...order, line_items: unnamed })).path).toBe(
      'line_items[0].title',
    );
    const tooPrecise = [{ title: 'A', quantity: 1, price: '1.005' }];
    const error = mappingError(() => mapShopify('orders/create', { ...order, line_items: tooPrecise }));
    expect(error.path).toBe('line_items[0].price');
    expect(error.message).toMatch(/more decimals than USD allows/);
  });

  it('refuses refund transactions in two currencies, or an amount that is not a decimal', () => {
    const refund = editable('shopify/refunds/create.json');
    const two = [
      { kind: 'refund', status: 'success', amount: '1.00', currency: 'USD' },
      { kind: 'refund', status: 'success', amount: '1.00', currency: 'EUR' },
    ];
    expect(mappingError(() => mapShopify('refunds/create', { ...refund, transactions: two })).path).toBe(
      'transactions[1].currency',
    );
    const bad = [{ kind: 'refund', status: 'success', amount: '1,00' }];
    expect(mappingError(() => mapShopify('refunds/create', { ...refund, transactions: bad })).path).toBe(
      'transactions[0].amount',
    );
  });

  it('refuses an id that plain JSON.parse already rounded, instead of merging two records', () => {
    const rounded = JSON.parse(raw('shopify/orders/create.json').toString('utf8'));
    const error = mappingError(() => mapShopify('orders/create', rounded));
    expect(error.path).toBe('id');
    expect(error.message).toMatch(/parseWebhookJson/);
  });

  it('ignores topics ecrm does not use', () => {
    expect(mapShopify('products/update', { id: 1 })).toEqual([
      { kind: 'ignored', reason: 'shopify topic products/update is not used' },
    ]);
  });
});

describe('WooCommerce', () => {
  it('maps order.created: GMT times, billing buyer, HTML entities decoded, guest without id', () => {
    expect(orderOf(mapWooCommerce('order.created', payload('woocommerce/order.created.json')))).toStrictEqual(
      {
        orderId: '727',
        orderNumber: '727',
        customer: { email: 'john.doe@example.com', firstName: 'John', lastName: 'Doe' },
        status: 'paid',
        currency: 'USD',
        total: 2935,
        lineItems: [
          { productId: '93', name: 'Woo Single #1', quantity: 2, unitPrice: 300 },
          {
            productId: '22',
            variantId: '23',
            sku: 'Bar3',
            name: 'Ship Your Idea – Color: Black, Size: M Test',
            quantity: 1,
            unitPrice: 1200,
          },
        ],
        placedAt: '2024-06-02T19:28:02.000Z',
        updatedAt: '2024-06-02T19:28:08.000Z',
        refundedTotal: 0,
      },
    );
  });

  it('maps order.updated: partial refunds summed, unit price rounded from the line subtotal', () => {
    const order = orderOf(mapWooCommerce('order.updated', payload('woocommerce/order.updated.json')));
    expect(order).toMatchObject({
      orderId: '723',
      status: 'paid',
      currency: 'BRL',
      total: 3900,
      refundedTotal: 1900,
      customer: {
        customerId: '26',
        email: 'joao.silva@example.com',
        firstName: 'João',
        lastName: 'Silva',
        phone: '+5521987654321',
      },
    });
    expect(order.lineItems[1]).toStrictEqual({
      productId: '34',
      sku: 'NINJA-T',
      name: 'Woo Ninja',
      quantity: 3,
      unitPrice: 667,
    });
  });

  it('maps the order statuses', () => {
    const base = editable('woocommerce/order.created.json');
    const statusOf = (status: string, extra: Record<string, unknown> = {}) =>
      mapWooCommerce('order.updated', { ...base, status, refunds: [], ...extra });
    expect(orderOf(statusOf('pending')).status).toBe('placed');
    expect(orderOf(statusOf('on-hold')).status).toBe('placed');
    expect(orderOf(statusOf('processing')).status).toBe('paid');
    expect(orderOf(statusOf('completed')).status).toBe('paid');
    expect(orderOf(statusOf('cancelled'))).toMatchObject({
      status: 'cancelled',
      cancelledAt: '2024-06-02T19:28:08.000Z',
    });
    expect(orderOf(statusOf('failed')).status).toBe('cancelled');
    expect(orderOf(statusOf('refunded'))).toMatchObject({ status: 'paid', refundedTotal: 2935 });
    expect(orderOf(statusOf('shipped')).status).toBe('paid');
    expect(orderOf(statusOf('awaiting-shipment', { date_paid_gmt: null })).status).toBe('placed');
    expect(statusOf('checkout-draft')).toEqual([
      { kind: 'ignored', reason: 'woocommerce order in status checkout-draft' },
    ]);
  });

  it('maps customer.created and customer.updated (no consent in WooCommerce)', () => {
    expect(
      customerOf(mapWooCommerce('customer.created', payload('woocommerce/customer.created.json'))),
    ).toStrictEqual({
      customerId: '25',
      email: 'john.doe@example.com',
      firstName: 'John',
      lastName: 'Doe',
      updatedAt: '2024-05-21T19:09:30.000Z',
    });
    expect(
      customerOf(mapWooCommerce('customer.updated', payload('woocommerce/customer.updated.json'))),
    ).toStrictEqual({
      customerId: '26',
      email: 'joao.silva@example.com',
      firstName: 'João',
      lastName: 'Silva',
      phone: '+5521987654321',
      updatedAt: '2024-05-24T14:02:45.000Z',
    });
  });

  it('names what is missing or malformed, and ignores unused topics', () => {
    const { date_created_gmt: _, ...noDate } = editable('woocommerce/order.created.json');
    expect(mappingError(() => mapWooCommerce('order.created', noDate)).path).toBe('date_created_gmt');
    const commaTotal = { ...editable('woocommerce/order.created.json'), total: '29,35' };
    expect(mappingError(() => mapWooCommerce('order.created', commaTotal)).path).toBe('total');
    expect(mapWooCommerce('product.updated', {})).toEqual([
      { kind: 'ignored', reason: 'woocommerce topic product.updated is not used' },
    ]);
  });
});

describe('Stripe', () => {
  it('maps checkout.session.completed: order keyed by its PaymentIntent, no line items, promotions opt-in', () => {
    expect(
      orderOf(mapStripe('checkout.session.completed', payload('stripe/checkout.session.completed.json'))),
    ).toStrictEqual({
      orderId: 'pi_3PKm3sLkdIwHu7ix0yQzJ8cA',
      customer: {
        customerId: 'cus_QBDzLPsZ1vNmqh',
        email: 'lucia.garcia@example.com',
        firstName: 'Lucía',
        lastName: 'García Fernández',
        phone: '+34600111222',
        locale: 'es',
        consent: { email: { state: 'subscribed', at: '2024-06-02T20:00:00.000Z' } },
      },
      status: 'paid',
      currency: 'EUR',
      total: 4990,
      lineItems: [],
      placedAt: '2024-06-02T19:55:02.000Z',
      updatedAt: '2024-06-02T20:00:00.000Z',
      checkoutId: 'cs_test_a1Yq6Zl0nC5GQbEo3XaVx3BqZ7m8RkT2fJpW9sUeLd4HvN6yMi',
    });
  });

  it('follows a delayed payment: completed unpaid is placed, then paid or cancelled', () => {
    const completed = editable('stripe/checkout.session.completed.json');
    const withSession = (type: string, paymentStatus: string) =>
      JSON.parse(
        JSON.stringify({ ...completed, type }).replace(
          '"payment_status":"paid"',
          `"payment_status":"${paymentStatus}"`,
        ),
      );
    expect(
      orderOf(mapStripe('checkout.session.completed', withSession('checkout.session.completed', 'unpaid')))
        .status,
    ).toBe('placed');
    expect(
      orderOf(
        mapStripe(
          'checkout.session.async_payment_succeeded',
          withSession('checkout.session.async_payment_succeeded', 'paid'),
        ),
      ).status,
    ).toBe('paid');
    expect(
      orderOf(
        mapStripe(
          'checkout.session.async_payment_failed',
          withSession('checkout.session.async_payment_failed', 'unpaid'),
        ),
      ),
    ).toMatchObject({
      status: 'cancelled',
      cancelledAt: '2024-06-02T20:00:00.000Z',
      orderId: 'pi_3PKm3sLkdIwHu7ix0yQzJ8cA',
    });
  });

  it('maps customer.created and customer.updated, ordered by the event time', () => {
    expect(customerOf(mapStripe('customer.created', payload('stripe/customer.created.json')))).toStrictEqual({
      customerId: 'cus_QBDzLPsZ1vNmqh',
      email: 'lucia.garcia@example.com',
      firstName: 'Lucía',
      lastName: 'García Fernández',
      phone: '+34600111222',
      locale: 'es-ES',
      updatedAt: '2024-06-02T19:59:59.000Z',
    });
    expect(customerOf(mapStripe('customer.updated', payload('stripe/customer.updated.json')))).toStrictEqual({
      customerId: 'cus_QBDzLPsZ1vNmqh',
      email: 'lucia@example.org',
      firstName: 'Lucía',
      lastName: 'García',
      updatedAt: '2024-06-03T15:53:20.000Z',
    });
  });

  it('maps charge.refunded without embedded refunds to the increase, on the same order as the session', () => {
    const sessionOrder = orderOf(
      mapStripe('checkout.session.completed', payload('stripe/checkout.session.completed.json')),
    );
    expect(only(mapStripe('charge.refunded', payload('stripe/charge.refunded.json')))).toStrictEqual({
      kind: 'refund',
      refund: {
        refundId: 'ch_3PKm3sLkdIwHu7ix0L9yFz3k:1500',
        orderId: sessionOrder.orderId,
        amount: 1500,
        currency: 'EUR',
        createdAt: '2024-06-04T16:00:00.000Z',
      },
    });
  });

  it('maps charge.refunded with embedded refunds to one refund each (zero-decimal yen)', () => {
    expect(
      mapStripe('charge.refunded', payload('stripe/charge.refunded.embedded-refunds.json')),
    ).toStrictEqual([
      {
        kind: 'refund',
        refund: {
          refundId: 're_1H4kq1FzKb8aMux1MENpRk3T',
          orderId: 'pi_1H4kphFzKb8aMux1cG5XkV1n',
          amount: 2000,
          currency: 'JPY',
          createdAt: '2020-07-20T13:00:01.000Z',
        },
      },
      {
        kind: 'refund',
        refund: {
          refundId: 're_1H4kpxFzKb8aMux1a8Zp0QwE',
          orderId: 'pi_1H4kphFzKb8aMux1cG5XkV1n',
          amount: 3000,
          currency: 'JPY',
          createdAt: '2020-07-20T12:59:50.000Z',
        },
      },
    ]);
  });

  it('converts Stripe ISK (two-decimal in Stripe) to ISO minor units (none)', () => {
    const event = editable('stripe/checkout.session.completed.json');
    const session = JSON.parse(
      JSON.stringify(event)
        .replace('"amount_total":4990', '"amount_total":990000')
        .replace('"currency":"eur"', '"currency":"isk"'),
    );
    expect(orderOf(mapStripe('checkout.session.completed', session))).toMatchObject({
      currency: 'ISK',
      total: 9900,
    });
  });

  it('names what is missing', () => {
    const event = editable('stripe/checkout.session.completed.json');
    const noTotal = JSON.parse(JSON.stringify(event).replace('"amount_total":4990', '"amount_total":null'));
    expect(mappingError(() => mapStripe('checkout.session.completed', noTotal)).path).toBe(
      'data.object.amount_total',
    );
    expect(
      mappingError(() => mapStripe('customer.updated', payload('stripe/customer.created.json'))).path,
    ).toBe('type');
    const refunded = editable('stripe/charge.refunded.json');
    const noPrevious = { ...refunded, data: { object: (refunded.data as { object: unknown }).object } };
    expect(mappingError(() => mapStripe('charge.refunded', noPrevious)).path).toBe(
      'data.previous_attributes.amount_refunded',
    );
  });

  it('ignores event types ecrm does not use', () => {
    expect(mapStripe('invoice.paid', {})).toEqual([
      { kind: 'ignored', reason: 'stripe event invoice.paid is not used' },
    ]);
  });
});

describe('generic', () => {
  it('lists its topics', () => {
    expect(GENERIC_TOPICS).toEqual(['customer.upsert', 'order.upsert', 'order.refund', 'checkout.upsert']);
  });

  it('maps customer.upsert and copies no unknown field', () => {
    const changes = mapGeneric('customer.upsert', payload('generic/customer.upsert.json'));
    expect(customerOf(changes)).toStrictEqual({
      customerId: 'cust-4821',
      email: 'ana.lopez@example.com',
      firstName: 'Ana',
      lastName: 'López',
      phone: '+34611222333',
      locale: 'es-ES',
      consent: {
        email: { state: 'subscribed', at: '2024-06-01T08:00:00.000Z' },
        sms: { state: 'unsubscribed' },
      },
      updatedAt: '2024-06-01T08:00:05.000Z',
    });
    expect(JSON.stringify(changes)).not.toContain('gold');
  });

  it('maps order.upsert, order.refund and checkout.upsert', () => {
    const order = orderOf(mapGeneric('order.upsert', payload('generic/order.upsert.json')));
    expect(order).toMatchObject({
      orderId: 'ord-10077',
      orderNumber: '10077',
      status: 'paid',
      currency: 'EUR',
      total: 8450,
      checkoutId: 'chk-77f3',
      placedAt: '2024-06-02T16:30:00.000Z',
      customer: { customerId: 'cust-4821', email: 'ana.lopez@example.com' },
    });
    expect(order.lineItems[0]).toStrictEqual({
      productId: 'p-100',
      variantId: 'p-100-38',
      sku: 'SHOE-RED-38',
      name: 'Red running shoe, 38',
      quantity: 1,
      unitPrice: 6950,
      categories: ['shoes', 'running'],
    });
    expect(only(mapGeneric('order.refund', payload('generic/order.refund.json')))).toStrictEqual({
      kind: 'refund',
      refund: {
        refundId: 'rf-5512',
        orderId: 'ord-10077',
        amount: 1500,
        currency: 'EUR',
        createdAt: '2024-06-05T09:00:00.000Z',
      },
    });
    expect(checkoutOf(mapGeneric('checkout.upsert', payload('generic/checkout.upsert.json')))).toMatchObject({
      checkoutId: 'chk-77f3',
      total: 8450,
      recoveryUrl: 'https://shop.example.com/cart/recover?token=77f3c0ffee',
      customer: { email: 'ana.lopez@example.com', firstName: 'Ana' },
    });
  });

  it('refuses decimal amounts and unidentifiable customers', () => {
    const order = { ...editable('generic/order.upsert.json'), total: 84.5 };
    expect(mappingError(() => mapGeneric('order.upsert', order)).path).toBe('total');
    expect(mappingError(() => mapGeneric('customer.upsert', { email: 'nope', firstName: 'X' })).path).toBe(
      'email',
    );
    expect(mapGeneric('coupon.upsert', {})).toEqual([
      { kind: 'ignored', reason: 'generic topic coupon.upsert is not used' },
    ]);
  });
});

describe('mapDelivery', () => {
  it('dispatches on the provider', () => {
    expect(
      mapDelivery('woocommerce', 'order.created', payload('woocommerce/order.created.json'))[0]?.kind,
    ).toBe('order');
    expect(mapDelivery('shopify', 'order.created', {})).toEqual([
      { kind: 'ignored', reason: 'shopify topic order.created is not used' },
    ]);
  });
});

describe("every mapper on the providers' documented samples, with nulls and absent fields", () => {
  const SAMPLES: readonly [ProviderKind, string, string][] = [
    ['shopify', 'orders/create', 'shopify/orders/create.json'],
    ['shopify', 'orders/updated', 'shopify/orders/updated.json'],
    ['shopify', 'orders/paid', 'shopify/orders/paid.json'],
    ['shopify', 'orders/cancelled', 'shopify/orders/cancelled.json'],
    ['shopify', 'refunds/create', 'shopify/refunds/create.json'],
    ['shopify', 'checkouts/create', 'shopify/checkouts/create.json'],
    ['shopify', 'checkouts/update', 'shopify/checkouts/update.json'],
    ['shopify', 'customers/create', 'shopify/customers/create.json'],
    ['shopify', 'customers/update', 'shopify/customers/update.json'],
    ['shopify', 'customers/redact', 'shopify/customers/redact.json'],
    ['shopify', 'customers/data_request', 'shopify/customers/data_request.json'],
    ['shopify', 'shop/redact', 'shopify/shop/redact.json'],
    ['woocommerce', 'order.created', 'woocommerce/order.created.json'],
    ['woocommerce', 'order.updated', 'woocommerce/order.updated.json'],
    ['woocommerce', 'customer.created', 'woocommerce/customer.created.json'],
    ['woocommerce', 'customer.updated', 'woocommerce/customer.updated.json'],
    ['stripe', 'checkout.session.completed', 'stripe/checkout.session.completed.json'],
    ['stripe', 'charge.refunded', 'stripe/charge.refunded.json'],
    ['stripe', 'charge.refunded', 'stripe/charge.refunded.embedded-refunds.json'],
    ['stripe', 'customer.created', 'stripe/customer.created.json'],
    ['stripe', 'customer.updated', 'stripe/customer.updated.json'],
    ['generic', 'customer.upsert', 'generic/customer.upsert.json'],
    ['generic', 'order.upsert', 'generic/order.upsert.json'],
    ['generic', 'order.refund', 'generic/order.refund.json'],
    ['generic', 'checkout.upsert', 'generic/checkout.upsert.json'],
  ];

  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  /** The same value with every null-valued field left out. */
  const withoutNulls = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(withoutNulls);
    if (!isRecord(v)) return v;
    return Object.fromEntries(
      Object.entries(v).flatMap(([k, x]) => (x === null ? [] : [[k, withoutNulls(x)]])),
    );
  };
  /** Every field path of a value (objects and arrays walked). */
  const paths = (v: unknown, at: (string | number)[] = []): (string | number)[][] => {
    if (Array.isArray(v)) return v.flatMap((x, i) => [[...at, i], ...paths(x, [...at, i])]);
    if (!isRecord(v)) return [];
    return Object.entries(v).flatMap(([k, x]) => [[...at, k], ...paths(x, [...at, k])]);
  };
  /** A copy with the field at `path` set to null, or left out (`undefined`). */
  const edited = (v: unknown, path: (string | number)[], to: null | undefined): unknown => {
    const [head, ...rest] = path;
    if (head === undefined) return to;
    if (Array.isArray(v)) return v.map((x, i) => (i === head ? edited(x, rest, to) : x));
    if (!isRecord(v)) return v;
    const copy: Record<string, unknown> = { ...v };
    if (rest.length === 0 && to === undefined) delete copy[head];
    else copy[head] = edited(copy[head], rest, to);
    return copy;
  };
  const outcome = (provider: ProviderKind, topic: string, body: unknown) => {
    try {
      return mapDelivery(provider, topic, body);
    } catch (error) {
      if (error instanceof MappingError) return 'quarantined';
      throw error;
    }
  };

  it.each(SAMPLES)('%s %s (%s) maps as published, and the same with its nulls left out', (p, t, f) => {
    const published = mapDelivery(p, t, payload(f));
    expect(published.some((c) => c.kind === 'ignored')).toBe(false);
    expect(mapDelivery(p, t, withoutNulls(payload(f)))).toStrictEqual(published);
  });

  it.each(SAMPLES)(
    '%s %s (%s): any one field null or absent maps or quarantines, never crashes',
    (p, t, f) => {
      const body = payload(f);
      for (const path of paths(body)) {
        for (const to of [null, undefined]) {
          const result = outcome(p, t, edited(body, path, to));
          expect(result === 'quarantined' || Array.isArray(result), `${path.join('.')} → ${to}`).toBe(true);
        }
      }
    },
  );
});

import { beforeAll, describe, expect, it } from 'vitest';
import { eraseContact } from '../../lib/contacts/erase-contact.ts';
import { findContact, getContact } from '../../lib/contacts/read-contacts.ts';
import { applyOrder, applyRefund } from '../../lib/orders/apply-order.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { TransientError } from '../../lib/shared/errors.ts';
import { applyCustomer } from '../../lib/webhooks/apply-customer.ts';
import type { StorefrontOrder } from '../../lib/webhooks/storefront-change.ts';
import { newWorkspace, type RealDeps, realDeps, realTable } from './real-deps.ts';

let deps: RealDeps;
let ws: string;
const shop = { id: 'cn_shop', kind: 'shopify', name: 'Demo shop' };

beforeAll(async () => {
  deps = realDeps();
  ws = await newWorkspace(deps);
});

const order = (o: Partial<StorefrontOrder> & Pick<StorefrontOrder, 'orderId'>): StorefrontOrder => ({
  customer: { customerId: 'cust-1', email: 'buyer@shop.example', firstName: 'Bea' },
  status: 'paid',
  currency: 'EUR',
  total: 4999,
  lineItems: [{ productId: 'mug', name: 'Mug', quantity: 1, unitPrice: 4999, categories: ['kitchen'] }],
  placedAt: '2026-05-01T10:00:00.000Z',
  updatedAt: '2026-05-01T10:00:00.000Z',
  ...o,
});

describe('storefront customers', () => {
  it('creates from the shop, and an older update never overwrites a newer one', async () => {
    const customer = {
      customerId: 'c-42',
      email: 'ooo@shop.example',
      firstName: 'New',
      updatedAt: '2026-05-02T00:00:00.000Z',
    };
    const first = await applyCustomer(ws, shop, customer, 'authoritative', deps);
    expect(first.outcome).toBe('applied');
    const older = await applyCustomer(
      ws,
      shop,
      { ...customer, firstName: 'Old', updatedAt: '2026-05-01T00:00:00.000Z' },
      'authoritative',
      deps,
    );
    expect(older.outcome).toBe('stale');
    const contact = await findContact(ws, { email: 'ooo@shop.example' }, deps);
    expect(contact.firstName).toBe('New');
    expect(contact.source).toBe('shopify');
  });

  it('takes the shop’s consent only when it is newer than what ecrm holds', async () => {
    const base = { customerId: 'c-consent', email: 'consent@shop.example' };
    await applyCustomer(
      ws,
      shop,
      {
        ...base,
        updatedAt: '2026-05-01T00:00:00.000Z',
        consent: { email: { state: 'subscribed', at: '2026-05-01T00:00:00.000Z' } },
      },
      'authoritative',
      deps,
    );
    let c = await findContact(ws, { email: 'consent@shop.example' }, deps);
    expect(c.consent.email).toMatchObject({ status: 'subscribed', source: 'shopify:Demo shop' });
    // The person unsubscribes in ecrm later; a shop update carrying the old decision changes nothing.
    const { setConsent } = await import('../../lib/contacts/set-consent.ts');
    await setConsent(
      ws,
      c.id,
      { channel: 'email', status: 'unsubscribed', source: 'one-click', at: '2026-05-03T00:00:00.000Z' },
      deps,
    );
    await applyCustomer(
      ws,
      shop,
      {
        ...base,
        updatedAt: '2026-05-04T00:00:00.000Z',
        consent: { email: { state: 'subscribed', at: '2026-05-01T00:00:00.000Z' } },
      },
      'authoritative',
      deps,
    );
    c = await findContact(ws, { email: 'consent@shop.example' }, deps);
    expect(c.consent.email?.status).toBe('unsubscribed');
  });

  it('never lets a shop box without its own consent time undo an unsubscribe made in ecrm', async () => {
    // Shopify sends `consent_updated_at: null` for customers whose consent never changed there; the
    // customer's `updated_at` moves with any edit (an address), and says nothing about consent.
    const base = { customerId: 'c-timeless', email: 'timeless@shop.example' };
    const timeless = { email: { state: 'subscribed' as const } };
    await applyCustomer(
      ws,
      shop,
      { ...base, updatedAt: '2026-05-01T00:00:00.000Z', consent: timeless },
      'authoritative',
      deps,
    );
    let c = await findContact(ws, { email: 'timeless@shop.example' }, deps);
    expect(c.consent.email?.status).toBe('subscribed');
    const { setConsent } = await import('../../lib/contacts/set-consent.ts');
    await setConsent(
      ws,
      c.id,
      { channel: 'email', status: 'unsubscribed', source: 'one-click', at: '2026-05-03T00:00:00.000Z' },
      deps,
    );
    await applyCustomer(
      ws,
      shop,
      { ...base, firstName: 'Moved', updatedAt: '2026-05-04T00:00:00.000Z', consent: timeless },
      'authoritative',
      deps,
    );
    c = await findContact(ws, { email: 'timeless@shop.example' }, deps);
    expect(c.firstName).toBe('Moved');
    expect(c.consent.email?.status).toBe('unsubscribed');
    // A time-less unsubscribe from the shop still applies: it can only stop mail.
    await setConsent(
      ws,
      c.id,
      { channel: 'email', status: 'subscribed', source: 'form', at: '2026-05-05T00:00:00.000Z' },
      deps,
    );
    await applyCustomer(
      ws,
      shop,
      {
        ...base,
        updatedAt: '2026-05-06T00:00:00.000Z',
        consent: { email: { state: 'unsubscribed' as const } },
      },
      'authoritative',
      deps,
    );
    c = await findContact(ws, { email: 'timeless@shop.example' }, deps);
    expect(c.consent.email?.status).toBe('unsubscribed');
  });
});

describe('storefront links', () => {
  it('a repeat customer whose state changed nothing writes nothing (the link is not rewritten)', async () => {
    // Every DynamoDB write of the customer's second application, through the client's hook.
    const table = realTable();
    const writes: string[] = [];
    table.client.use(async (command, _input, next) => {
      if (!/^(Get|BatchGet|Query|TransactGet)/.test(command)) writes.push(command);
      return next();
    });
    const counted = realDeps(systemClock, table);
    const customer = { customerId: 'c-repeat', email: 'repeat@shop.example', firstName: 'Rae' };
    expect((await applyCustomer(ws, shop, customer, 'fill', counted)).outcome).toBe('applied');
    const linked = await counted.links.find(ws, shop.id, 'c-repeat');
    expect(linked).toMatchObject({ customerId: 'c-repeat', updatedAt: '' });
    writes.length = 0;

    // The next order of the same customer: the contact has every field, the link is as stored.
    const again = await applyCustomer(ws, shop, customer, 'fill', counted);
    expect(again).toEqual({ outcome: 'applied', contactId: linked?.contactId });
    expect(writes).toEqual([]);
    expect(await counted.links.find(ws, shop.id, 'c-repeat')).toEqual(linked);

    // A newer shop state still moves the link, on its own when the contact has nothing to take.
    const newer = { ...customer, updatedAt: '2026-06-01T00:00:00.000Z' };
    await applyCustomer(ws, shop, newer, 'authoritative', counted);
    expect(writes).toEqual(['TransactWriteItemsCommand']);
    expect((await counted.links.find(ws, shop.id, 'c-repeat'))?.updatedAt).toBe(newer.updatedAt);
  });
});

describe('orders and purchase history', () => {
  it('records an order once, however often it is delivered', async () => {
    expect(await applyOrder(ws, shop, order({ orderId: 'o-1' }), deps)).toBe('placed');
    expect(await applyOrder(ws, shop, order({ orderId: 'o-1' }), deps)).toBe('unchanged');
    await Promise.all([
      applyOrder(
        ws,
        shop,
        order({
          orderId: 'o-2',
          total: 1000,
          placedAt: '2026-05-02T10:00:00.000Z',
          updatedAt: '2026-05-02T10:00:00.000Z',
          lineItems: [{ name: 'Tea', sku: 'TEA', quantity: 2, unitPrice: 500 }],
        }),
        deps,
      ),
      applyOrder(
        ws,
        shop,
        order({
          orderId: 'o-2',
          total: 1000,
          placedAt: '2026-05-02T10:00:00.000Z',
          updatedAt: '2026-05-02T10:00:00.000Z',
          lineItems: [{ name: 'Tea', sku: 'TEA', quantity: 2, unitPrice: 500 }],
        }),
        deps,
      ),
    ]);
    const contact = await findContact(ws, { email: 'buyer@shop.example' }, deps);
    expect(contact.purchases).toMatchObject({
      orderCount: 2,
      totals: { EUR: { spent: 5999, refunded: 0, orders: 2, average: 3000 } },
      firstOrderAt: '2026-05-01T10:00:00.000Z',
      lastOrderAt: '2026-05-02T10:00:00.000Z',
      products: ['TEA', 'mug'],
      categories: ['kitchen'],
    });
  });

  it('refunds count once and cancellations leave the totals', async () => {
    const refund = {
      refundId: 'r-1',
      orderId: 'o-1',
      amount: 999,
      currency: 'EUR',
      createdAt: '2026-05-03T00:00:00.000Z',
    };
    expect(await applyRefund(ws, shop, refund, deps)).toBe('refunded');
    expect(await applyRefund(ws, shop, refund, deps)).toBe('duplicate');
    let contact = await findContact(ws, { email: 'buyer@shop.example' }, deps);
    expect(contact.purchases?.totals.EUR).toMatchObject({ spent: 5000, refunded: 999 });

    await applyOrder(
      ws,
      shop,
      order({
        orderId: 'o-2',
        total: 1000,
        status: 'cancelled',
        placedAt: '2026-05-02T10:00:00.000Z',
        updatedAt: '2026-05-04T00:00:00.000Z',
      }),
      deps,
    );
    // An older state of the order arriving late changes nothing.
    expect(
      await applyOrder(
        ws,
        shop,
        order({
          orderId: 'o-2',
          total: 1000,
          placedAt: '2026-05-02T10:00:00.000Z',
          updatedAt: '2026-05-02T10:00:00.000Z',
        }),
        deps,
      ),
    ).toBe('stale');
    contact = await getContact(ws, contact.id, deps);
    expect(contact.purchases).toMatchObject({ orderCount: 1, totals: { EUR: { spent: 4000, orders: 1 } } });
  });

  it('a refund that outruns its order asks for a retry', async () => {
    await expect(
      applyRefund(
        ws,
        shop,
        {
          refundId: 'r-x',
          orderId: 'never-seen',
          amount: 1,
          currency: 'EUR',
          createdAt: '2026-05-01T00:00:00.000Z',
        },
        deps,
      ),
    ).rejects.toBeInstanceOf(TransientError);
  });

  it('erasing the contact removes its orders and the lookups into them', async () => {
    await applyOrder(
      ws,
      shop,
      order({ orderId: 'o-gdpr', customer: { customerId: 'cust-gdpr', email: 'gdpr@shop.example' } }),
      deps,
    );
    const contact = await findContact(ws, { email: 'gdpr@shop.example' }, deps);
    await eraseContact(ws, contact.id, deps);
    expect(await deps.orders.contactOf(ws, shop.id, 'o-gdpr')).toBeUndefined();
    expect(await deps.links.find(ws, shop.id, 'cust-gdpr')).toBeUndefined();
  });
});

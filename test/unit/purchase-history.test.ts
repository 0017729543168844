import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../lib/orders/order.schema.ts';
import { purchaseHistory } from '../../lib/orders/purchase-history.ts';

const order = (
  o: Partial<OrderRecord> & Pick<OrderRecord, 'orderId' | 'total' | 'placedAt'>,
): OrderRecord => ({
  type: 'order',
  v: 1,
  rev: 1,
  connectionId: 'cn_1',
  contactId: 'c_1',
  status: 'paid',
  currency: 'EUR',
  lineItems: [{ productId: `p-${o.orderId}`, name: 'Mug', quantity: 1, unitPrice: o.total }],
  updatedAt: o.placedAt,
  refunds: {},
  shopRefunded: 0,
  refunded: 0,
  ...o,
});

describe('purchase history', () => {
  it('sums net spend per currency, counts orders and averages', () => {
    const h = purchaseHistory([
      order({ orderId: '1', total: 2000, placedAt: '2026-01-01T00:00:00Z' }),
      order({ orderId: '2', total: 3000, placedAt: '2026-02-01T00:00:00Z', refunded: 1000 }),
      order({ orderId: '3', total: 5000, placedAt: '2026-03-01T00:00:00Z', currency: 'USD' }),
    ]);
    expect(h.orderCount).toBe(3);
    expect(h.totals.EUR).toEqual({ spent: 4000, refunded: 1000, orders: 2, average: 2000 });
    expect(h.totals.USD).toEqual({ spent: 5000, refunded: 0, orders: 1, average: 5000 });
    expect(h.firstOrderAt).toBe('2026-01-01T00:00:00Z');
    expect(h.lastOrderAt).toBe('2026-03-01T00:00:00Z');
    expect(h.products).toEqual(['p-3', 'p-2', 'p-1']);
  });

  it('leaves cancelled and fully refunded orders out of counts and spend', () => {
    const h = purchaseHistory([
      order({ orderId: '1', total: 2000, placedAt: '2026-01-01T00:00:00Z', status: 'cancelled' }),
      order({ orderId: '2', total: 3000, placedAt: '2026-02-01T00:00:00Z', refunded: 3000 }),
      order({ orderId: '3', total: 1000, placedAt: '2026-03-01T00:00:00Z' }),
    ]);
    expect(h.orderCount).toBe(1);
    expect(h.totals.EUR).toEqual({ spent: 1000, refunded: 3000, orders: 1, average: 1000 });
    expect(h.firstOrderAt).toBe('2026-03-01T00:00:00Z');
  });

  it('is empty without orders', () => {
    expect(purchaseHistory([])).toEqual({ orderCount: 0, totals: {}, products: [], categories: [] });
  });
});

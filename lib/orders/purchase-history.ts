/**
 * Purchase history from a contact's orders: a pure recomputation, so redelivered, reordered,
 * refunded or cancelled orders can never leave the totals wrong. These are the inputs of RFM
 * segments and scoring.
 */
import type { Purchases } from '../contacts/contact.schema.ts';
import type { OrderRecord } from './order.schema.ts';

export const MAX_PRODUCTS = 50;
export const MAX_CATEGORIES = 30;

const netOf = (o: OrderRecord) => Math.max(0, o.total - o.refunded);
const counts = (o: OrderRecord) => o.status !== 'cancelled' && !(o.total > 0 && netOf(o) === 0);

export const purchaseHistory = (orders: readonly OrderRecord[]): Purchases => {
  const counted = orders.filter(counts).sort((a, b) => b.placedAt.localeCompare(a.placedAt));
  const totals: Purchases['totals'] = {};
  for (const o of orders) {
    if (o.status === 'cancelled') continue;
    const t = totals[o.currency] ?? { spent: 0, refunded: 0, orders: 0, average: 0 };
    t.spent += netOf(o);
    t.refunded += Math.min(o.refunded, o.total);
    if (counts(o)) t.orders += 1;
    totals[o.currency] = t;
  }
  for (const t of Object.values(totals)) t.average = t.orders > 0 ? Math.round(t.spent / t.orders) : 0;
  const products: string[] = [];
  const categories: string[] = [];
  for (const o of counted) {
    for (const line of o.lineItems) {
      const product = line.productId ?? line.sku ?? line.name;
      if (!products.includes(product) && products.length < MAX_PRODUCTS) products.push(product);
      for (const c of line.categories ?? []) {
        if (!categories.includes(c) && categories.length < MAX_CATEGORIES) categories.push(c);
      }
    }
  }
  const last = counted[0]?.placedAt;
  const first = counted.at(-1)?.placedAt;
  return {
    orderCount: counted.length,
    ...(first ? { firstOrderAt: first } : {}),
    ...(last ? { lastOrderAt: last } : {}),
    totals,
    products,
    categories,
  };
};

/**
 * Orders and refunds from storefronts onto the contact. Every write is conditional (a newer order
 * state is never overwritten by an older one; a refund id lands once) and the purchase history is
 * recomputed from all the contact's orders afterwards, so redelivery and reordering cannot skew it.
 */
import type { Contact } from '../contacts/contact.schema.ts';
import { retryOnConflict } from '../contacts/retry-on-conflict.ts';
import { NotFoundError, TransientError } from '../shared/errors.ts';
import { domainEvent } from '../shared/events/outbox.ts';
import { MoneyError, toMinor } from '../shared/money.ts';
import {
  applyCustomer,
  type CustomerDeps,
  type StorefrontConnectionRef,
} from '../webhooks/apply-customer.ts';
import { MappingError, type StorefrontOrder, type StorefrontRefund } from '../webhooks/storefront-change.ts';
import type { OrderRecord } from './order.schema.ts';
import type { OrdersRepository } from './orders.repository.ts';
import { purchaseHistory } from './purchase-history.ts';

export interface OrderDeps extends CustomerDeps {
  readonly orders: OrdersRepository;
}

export type OrderOutcome = 'placed' | 'updated' | 'unchanged' | 'stale' | 'unidentified';

/** Recompute the contact's purchase history from its orders; writes only when it changed. */
export const refreshPurchases = (
  workspaceId: string,
  contactId: string,
  deps: OrderDeps,
): Promise<Contact | undefined> =>
  retryOnConflict('refresh purchases', async () => {
    const contact = await deps.contacts.get(workspaceId, contactId);
    if (!contact) return undefined;
    const purchases = purchaseHistory(await deps.orders.listForContact(workspaceId, contactId));
    if (JSON.stringify(purchases) === JSON.stringify(contact.purchases)) return contact;
    const next: Contact = {
      ...contact,
      purchases,
      rev: contact.rev + 1,
      updatedAt: deps.clock.now().toISOString(),
    };
    const event = domainEvent(
      'contact.updated',
      workspaceId,
      { contactId, fields: ['purchases'] },
      deps.clock,
    );
    await deps.contacts.replace(next, contact, event);
    return next;
  });

const sameState = (a: OrderRecord, b: OrderRecord) =>
  JSON.stringify({ ...a, rev: 0, updatedAt: '' }) === JSON.stringify({ ...b, rev: 0, updatedAt: '' });

export const applyOrder = async (
  workspaceId: string,
  connection: StorefrontConnectionRef,
  order: StorefrontOrder,
  deps: OrderDeps,
): Promise<OrderOutcome> => {
  const known = await deps.orders.contactOf(workspaceId, connection.id, order.orderId);
  const customer = await applyCustomer(workspaceId, connection, order.customer, 'fill', deps);
  const contactId = known ?? (customer.outcome === 'unidentified' ? undefined : customer.contactId);
  if (!contactId) return 'unidentified';
  await deps.orders.putLookup(workspaceId, connection.id, order.orderId, contactId);

  const outcome = await retryOnConflict('apply order', async (): Promise<OrderOutcome> => {
    const before = await deps.orders.get(workspaceId, contactId, connection.id, order.orderId);
    if (before && before.updatedAt > order.updatedAt) return 'stale';
    const refunds = before?.refunds ?? {};
    const shopRefunded = order.refundedTotal ?? before?.shopRefunded ?? 0;
    const sum = Object.values(refunds).reduce((a, b) => a + b, 0);
    const next: OrderRecord = {
      type: 'order',
      v: 1,
      rev: (before?.rev ?? 0) + 1,
      connectionId: connection.id,
      orderId: order.orderId,
      ...(order.orderNumber ? { orderNumber: order.orderNumber } : {}),
      contactId,
      status: order.status,
      currency: order.currency,
      total: order.total,
      lineItems: order.lineItems.map(({ categories, ...l }) => ({
        ...l,
        ...(categories ? { categories: [...categories] } : {}),
      })),
      placedAt: order.placedAt,
      updatedAt: order.updatedAt,
      ...(order.cancelledAt ? { cancelledAt: order.cancelledAt } : {}),
      ...(order.checkoutId ? { checkoutId: order.checkoutId } : {}),
      refunds,
      shopRefunded,
      refunded: Math.max(sum, shopRefunded),
    };
    if (before && sameState(before, next)) return 'unchanged';
    const event = before
      ? domainEvent(
          'order.updated',
          workspaceId,
          {
            contactId,
            connectionId: connection.id,
            orderId: order.orderId,
            status: next.status,
            total: next.total,
            refunded: next.refunded,
            currency: next.currency,
          },
          deps.clock,
        )
      : domainEvent(
          'order.placed',
          workspaceId,
          {
            contactId,
            connectionId: connection.id,
            orderId: order.orderId,
            status: next.status,
            total: next.total,
            currency: next.currency,
            placedAt: next.placedAt,
            // The checkout it came from: a journey waiting for "the order of this checkout" keys on it.
            ...(next.checkoutId ? { checkoutId: next.checkoutId } : {}),
          },
          deps.clock,
        );
    await deps.orders.put(workspaceId, next, before?.rev, event);
    return before ? 'updated' : 'placed';
  });
  await refreshPurchases(workspaceId, contactId, deps);
  return outcome;
};

/**
 * A refund's amount in minor units: as the shop priced it, or, when the shop named no currency, in
 * the order's currency.
 * @throws MappingError when an unpriced amount has more decimals than the order's currency allows.
 */
const priced = (refund: StorefrontRefund, orderCurrency: string): { amount: number; currency: string } => {
  if ('amount' in refund) return { amount: refund.amount, currency: refund.currency };
  let amount = 0;
  for (const [i, decimal] of refund.decimalAmounts.entries()) {
    try {
      amount += toMinor(decimal, orderCurrency);
    } catch (error) {
      if (error instanceof MoneyError) throw new MappingError(error.message, `transactions[${i}].amount`);
      throw error;
    }
  }
  return { amount, currency: orderCurrency };
};

export const applyRefund = async (
  workspaceId: string,
  connection: StorefrontConnectionRef,
  refund: StorefrontRefund,
  deps: OrderDeps,
): Promise<'refunded' | 'duplicate'> => {
  const contactId = await deps.orders.contactOf(workspaceId, connection.id, refund.orderId);
  // The refund outran its order: fail so the delivery is retried once the order is in.
  if (!contactId)
    throw new TransientError(`refund ${refund.refundId} names order ${refund.orderId}, not seen yet`);
  const outcome = await retryOnConflict('apply refund', async () => {
    const before = await deps.orders.get(workspaceId, contactId, connection.id, refund.orderId);
    if (!before) throw new NotFoundError(`order ${refund.orderId} is gone`);
    if (before.refunds[refund.refundId] !== undefined) return 'duplicate' as const;
    const { amount, currency } = priced(refund, before.currency);
    const refunds = { ...before.refunds, [refund.refundId]: amount };
    const sum = Object.values(refunds).reduce((a, b) => a + b, 0);
    const next: OrderRecord = {
      ...before,
      rev: before.rev + 1,
      refunds,
      refunded: Math.max(sum, before.shopRefunded),
    };
    const event = domainEvent(
      'order.refunded',
      workspaceId,
      {
        contactId,
        connectionId: connection.id,
        orderId: refund.orderId,
        refundId: refund.refundId,
        amount,
        currency,
      },
      deps.clock,
    );
    await deps.orders.put(workspaceId, next, before.rev, event);
    return 'refunded' as const;
  });
  await refreshPurchases(workspaceId, contactId, deps);
  return outcome;
};

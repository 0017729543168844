/**
 * Abandoned checkouts: a checkout with an email and no order within the connection's window emits
 * `checkout.abandoned` with the cart, its value and the recovery URL. The window is a timer of the
 * timer service, not a scan of the table; an order naming the checkout completes it (and cancels the
 * timer it has, if any), and a timer that fires for a completed checkout does nothing.
 */
import { retryOnConflict } from '../contacts/retry-on-conflict.ts';
import { domainEvent } from '../shared/events/outbox.ts';
import type { Timers } from '../timers/timers.ts';
import {
  applyCustomer,
  type CustomerDeps,
  type StorefrontConnectionRef,
} from '../webhooks/apply-customer.ts';
import type { StorefrontCheckout } from '../webhooks/storefront-change.ts';
import type { CheckoutRecord } from './checkout.schema.ts';
import { CHECKOUT_TTL_SECONDS, type CheckoutsRepository } from './checkouts.repository.ts';

export interface CheckoutDeps extends CustomerDeps {
  readonly checkouts: CheckoutsRepository;
  readonly timers: Timers;
}

export interface CheckoutTimerInput {
  readonly task: 'checkout-timeout';
  readonly workspaceId: string;
  readonly connectionId: string;
  readonly checkoutId: string;
}

/** The checkout's timer id: deterministic, so a redelivery cannot set two. */
export const checkoutTimerId = (connectionId: string, checkoutId: string) => `${connectionId}/${checkoutId}`;

/** A late delivery still gets its timer, a minute out. */
const MIN_DELAY_MS = 60_000;

export const applyCheckout = async (
  workspaceId: string,
  connection: StorefrontConnectionRef & { readonly settings: { readonly abandonedCheckoutMinutes: number } },
  checkout: StorefrontCheckout,
  deps: CheckoutDeps,
): Promise<'started' | 'updated' | 'stale'> => {
  const who = checkout.customer.email
    ? await applyCustomer(workspaceId, connection, checkout.customer, 'fill', deps)
    : undefined;
  const contactId = who && who.outcome !== 'unidentified' ? who.contactId : undefined;
  const result = await retryOnConflict('apply checkout', async () => {
    const before = await deps.checkouts.get(workspaceId, connection.id, checkout.checkoutId);
    if (before && before.updatedAt > checkout.updatedAt) return { outcome: 'stale' as const, record: before };
    const status: CheckoutRecord['status'] =
      checkout.completedAt || before?.status === 'completed' ? 'completed' : (before?.status ?? 'open');
    const now = deps.clock.now();
    const resolvedContact = contactId ?? before?.contactId;
    const record: CheckoutRecord = {
      type: 'checkout',
      v: 1,
      rev: (before?.rev ?? 0) + 1,
      workspaceId,
      connectionId: connection.id,
      checkoutId: checkout.checkoutId,
      ...(resolvedContact ? { contactId: resolvedContact } : {}),
      currency: checkout.currency,
      total: checkout.total,
      lineItems: checkout.lineItems.map(({ categories, ...l }) => ({
        ...l,
        ...(categories ? { categories: [...categories] } : {}),
      })),
      ...(checkout.recoveryUrl ? { recoveryUrl: checkout.recoveryUrl } : {}),
      createdAt: before?.createdAt ?? checkout.createdAt,
      updatedAt: checkout.updatedAt,
      status,
      ...(before?.dueAt ? { dueAt: before.dueAt } : {}),
      ttl: Math.floor(now.getTime() / 1000) + CHECKOUT_TTL_SECONDS,
    };
    const event = before
      ? undefined
      : domainEvent(
          'checkout.started',
          workspaceId,
          {
            connectionId: connection.id,
            checkoutId: checkout.checkoutId,
            ...(resolvedContact ? { contactId: resolvedContact } : {}),
            total: checkout.total,
            currency: checkout.currency,
          },
          deps.clock,
        );
    await deps.checkouts.put(record, before?.rev, event);
    return { outcome: before ? ('updated' as const) : ('started' as const), record };
  });
  const { record } = result;
  if (result.outcome !== 'stale' && record.status === 'open' && record.contactId && !record.dueAt) {
    const now = deps.clock.now().getTime();
    const due = new Date(
      Math.max(
        Date.parse(record.createdAt) + connection.settings.abandonedCheckoutMinutes * 60_000,
        now + MIN_DELAY_MS,
      ),
    );
    await deps.timers.set(
      workspaceId,
      'checkout-timeout',
      checkoutTimerId(connection.id, record.checkoutId),
      due,
      { connectionId: connection.id, checkoutId: record.checkoutId },
    );
    await retryOnConflict('note checkout timer', async () => {
      const current = await deps.checkouts.get(workspaceId, connection.id, record.checkoutId);
      if (!current || current.dueAt) return;
      await deps.checkouts.put(
        { ...current, rev: current.rev + 1, dueAt: due.toISOString() },
        current.rev,
        undefined,
      );
    });
  }
  return result.outcome;
};

/** An order named this checkout: it is no longer abandonable, and its timer can go. */
export const completeCheckout = async (
  workspaceId: string,
  connectionId: string,
  checkoutId: string,
  deps: CheckoutDeps,
): Promise<void> => {
  const timed = await retryOnConflict('complete checkout', async () => {
    const current = await deps.checkouts.get(workspaceId, connectionId, checkoutId);
    if (!current || current.status === 'completed') return current?.dueAt !== undefined;
    await deps.checkouts.put(
      { ...current, rev: current.rev + 1, status: 'completed' },
      current.rev,
      undefined,
    );
    return current.dueAt !== undefined;
  });
  // Most orders name no checkout, or one that never got a timer: no timer call at all then.
  if (timed)
    await deps.timers.cancel(workspaceId, 'checkout-timeout', checkoutTimerId(connectionId, checkoutId));
};

/** The window closed: abandoned unless an order came, announced once. */
export const checkoutTimerFired = (
  input: CheckoutTimerInput,
  deps: CheckoutDeps,
): Promise<'abandoned' | 'completed' | 'gone'> =>
  retryOnConflict('checkout timer', async () => {
    const current = await deps.checkouts.get(input.workspaceId, input.connectionId, input.checkoutId);
    if (!current) return 'gone' as const;
    if (current.status !== 'open' || !current.contactId)
      return current.status === 'completed' ? 'completed' : ('abandoned' as const);
    const event = domainEvent(
      'checkout.abandoned',
      input.workspaceId,
      {
        connectionId: current.connectionId,
        checkoutId: current.checkoutId,
        contactId: current.contactId,
        total: current.total,
        currency: current.currency,
        ...(current.recoveryUrl ? { recoveryUrl: current.recoveryUrl } : {}),
        lineItems: current.lineItems.map((l) => ({
          ...(l.productId ? { productId: l.productId } : {}),
          ...(l.sku ? { sku: l.sku } : {}),
          name: l.name,
          quantity: l.quantity,
          unitPrice: l.unitPrice,
        })),
      },
      deps.clock,
    );
    await deps.checkouts.put({ ...current, rev: current.rev + 1, status: 'abandoned' }, current.rev, event);
    return 'abandoned' as const;
  });

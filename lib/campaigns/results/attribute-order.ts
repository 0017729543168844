/**
 * A storefront order, seen for the first time (`order.placed`, published once per order by its
 * first write), attributed to the campaign whose email the contact opened or clicked within the
 * workspace's window before it (attribution.ts), once: a redelivered event, or a second delivery of
 * the same order in parallel, attributes nothing more (conversions.repository.ts). An update of the
 * order publishes `order.updated`, never this. A refund does not un-attribute the order: it is kept
 * beside the conversion (`refundConversion`), so results show the revenue and what was refunded of it.
 *
 * Cost per order: one read of the workspace (its settings), one query of the contact's timeline over
 * the window plus 30 days; per attributed order, two small conditional puts.
 */
import type { DomainEvent } from '../../shared/events/catalogue.ts';
import type { EventMeanings } from '../../shared/events/meanings.ts';
import type { AttributionSettings } from '../../workspaces/email-settings.schema.ts';
import { attributedTouch, sentSpan, type TouchedMessage } from './attribution.ts';
import type { Conversion, ConversionsRepository } from './conversions.repository.ts';

export interface AttributionDeps {
  /** The workspace's attribution settings; undefined when the workspace is gone. */
  readonly settings: (workspaceId: string) => Promise<AttributionSettings | undefined>;
  readonly touches: {
    touched(ws: string, contactId: string, sentFrom: string, sentUntil: string): Promise<TouchedMessage[]>;
  };
  readonly conversions: Pick<ConversionsRepository, 'attribute' | 'refund'>;
}

export type AttributionOutcome =
  | { readonly status: 'attributed'; readonly conversion: Conversion }
  /** Attributed before (a redelivery, or a parallel delivery of the same order). */
  | { readonly status: 'duplicate'; readonly conversion: Conversion }
  | { readonly status: 'unattributed'; readonly why: string };

export const attributeOrder = async (
  event: DomainEvent<'order.placed'>,
  deps: AttributionDeps,
): Promise<AttributionOutcome> => {
  const { contactId, connectionId, orderId, status, total, currency } = event.data;
  if (status === 'cancelled') return { status: 'unattributed', why: 'the order was cancelled' };
  const placedAt = new Date(event.data.placedAt ?? event.occurredAt);
  if (Number.isNaN(placedAt.getTime())) return { status: 'unattributed', why: 'no placement time' };
  const settings = await deps.settings(event.workspaceId);
  if (!settings) return { status: 'unattributed', why: 'no such workspace' };

  const span = sentSpan(placedAt, settings);
  const messages = await deps.touches.touched(event.workspaceId, contactId, span.from, span.until);
  const touch = attributedTouch(messages, placedAt, settings);
  if (!touch) return { status: 'unattributed', why: 'no campaign email opened or clicked in the window' };

  const { conversion, decided } = await deps.conversions.attribute(event.workspaceId, connectionId, orderId, {
    campaignId: touch.campaignId,
    messageId: touch.messageId,
    ...(touch.variant !== undefined ? { variant: touch.variant } : {}),
    touch: touch.kind,
    touchedAt: touch.at,
    placedAt: placedAt.toISOString(),
    currency,
    amount: total,
  });
  return { status: decided ? 'attributed' : 'duplicate', conversion };
};

/**
 * A refund of an order attributed to a campaign: kept on its conversion, so the campaign's results
 * show what was refunded beside the revenue (in the order's currency; a refund in another currency is
 * left out). One read of the order's attribution; one update when it was attributed.
 */
export const refundConversion = async (
  event: DomainEvent<'order.refunded'>,
  deps: Pick<AttributionDeps, 'conversions'>,
): Promise<'recorded' | 'unattributed'> => {
  const { connectionId, orderId, refundId, amount, currency } = event.data;
  const campaignId = await deps.conversions.refund(event.workspaceId, connectionId, orderId, {
    refundId,
    amount,
    currency,
  });
  return campaignId ? 'recorded' : 'unattributed';
};

/** What the attribution function does with each event it receives (its bus pattern lists these types). */
export const ORDER_CHANGES: EventMeanings<(deps: AttributionDeps) => Promise<unknown>> = {
  'order.placed': (event) => (deps) => attributeOrder(event, deps),
  'order.refunded': (event) => (deps) => refundConversion(event, deps),
};

/**
 * The domain events a workspace may subscribe an outgoing webhook endpoint to: the facts about its
 * customers and what ecrm did with them. Internal plumbing (track.received, timer.*, webhook.received,
 * rebuild and import requests, campaign pipeline signals) is not offered: it is no contract.
 */
import type { EventType } from '../shared/events/catalogue.ts';

export const SUBSCRIBABLE_EVENT_TYPES = [
  'contact.created',
  'contact.updated',
  'contact.consent.changed',
  'contact.identified',
  'contact.erased',
  'contact.suppressed',
  'order.placed',
  'order.updated',
  'order.refunded',
  'checkout.abandoned',
  'segment.entered',
  'segment.exited',
  'score.changed',
  'stage.changed',
  'email.engaged',
  'journey.entered',
  'journey.ended',
  'journey.signal',
  'webhook.endpoint.disabled',
] as const satisfies readonly EventType[];

export type SubscribableEventType = (typeof SUBSCRIBABLE_EVENT_TYPES)[number];

export const isSubscribable = (type: string): type is SubscribableEventType =>
  (SUBSCRIBABLE_EVENT_TYPES as readonly string[]).includes(type);

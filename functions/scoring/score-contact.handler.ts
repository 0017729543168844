/**
 * Bus rule target: score what a contact did (engagement rules, stage events such as an order) and who
 * they are (fit rules, on profile changes). Each input scores once: its history entry is its key.
 */
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { type ScoreInput, scoreContact } from '../../lib/scoring/score-contact.ts';
import { NotFoundError } from '../../lib/shared/errors.ts';
import { parseBusEvent } from '../shared/bus-event.ts';
import { scoringDeps } from '../shared/scoring-deps.ts';

type Raw = EventBridgeEvent<string, unknown>;

const inputOf = (raw: Raw): { workspaceId: string; contactId: string; input: ScoreInput } | undefined => {
  switch (raw['detail-type']) {
    case 'event.recorded': {
      const e = parseBusEvent('event.recorded', raw);
      if (!e?.data.contactId) return undefined;
      const { eventId, name, occurredAt, properties } = e.data;
      return {
        workspaceId: e.workspaceId,
        contactId: e.data.contactId,
        input: { kind: 'event', id: eventId, event: { name, occurredAt, properties } },
      };
    }
    case 'order.placed': {
      const e = parseBusEvent('order.placed', raw);
      if (!e) return undefined;
      const { contactId, connectionId, orderId, total, currency } = e.data;
      return {
        workspaceId: e.workspaceId,
        contactId,
        input: {
          kind: 'event',
          id: `order:${connectionId}:${orderId}`,
          event: { name: 'order.placed', occurredAt: e.occurredAt, properties: { total, currency } },
        },
      };
    }
    case 'contact.created': {
      const e = parseBusEvent('contact.created', raw);
      return e && { workspaceId: e.workspaceId, contactId: e.data.contactId, input: { kind: 'fit' } };
    }
    case 'contact.updated': {
      const e = parseBusEvent('contact.updated', raw);
      return e && { workspaceId: e.workspaceId, contactId: e.data.contactId, input: { kind: 'fit' } };
    }
    default:
      return undefined;
  }
};

export const handler = middy<Raw, void>().handler(async (raw) => {
  const what = inputOf(raw);
  if (!what) return;
  try {
    await scoreContact(what.workspaceId, what.contactId, what.input, scoringDeps());
  } catch (error) {
    if (error instanceof NotFoundError) return; // erased meanwhile
    throw error;
  }
});

import type { EventBridgeEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { parseBusEventFor } from '../../functions/shared/bus-event.ts';
import { CONTACT_CHANGES } from '../../lib/segments/contact-changes.ts';

const raw = (type: string, data: unknown): EventBridgeEvent<string, unknown> => ({
  version: '0',
  id: 'b1',
  'detail-type': type,
  source: 'ecrm',
  account: '000000000000',
  time: '2026-06-01T00:00:00Z',
  region: 'eu-west-1',
  resources: [],
  detail: { id: 'ev_1', version: 1, workspaceId: 'ws_1', occurredAt: '2026-06-01T00:00:00Z', data },
});

describe("a consumer's bus event", () => {
  it('parses any type its table gives a meaning to, validated against the catalogue', () => {
    const event = parseBusEventFor(
      CONTACT_CHANGES,
      raw('contact.erased', { contactId: 'c1', itemsDeleted: 2 }),
    );

    expect(event).toMatchObject({ type: 'contact.erased', workspaceId: 'ws_1', data: { contactId: 'c1' } });
  });

  it('drops a type outside the table and a detail that breaks its schema (a retry cannot fix either)', () => {
    expect(parseBusEventFor(CONTACT_CHANGES, raw('order.placed', { contactId: 'c1' }))).toBeUndefined();
    expect(parseBusEventFor(CONTACT_CHANGES, raw('contact.erased', { contactId: 7 }))).toBeUndefined();
  });
});

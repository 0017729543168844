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
    const events = parseBusEventFor(
      CONTACT_CHANGES,
      raw('contact.erased', { contactId: 'c1', itemsDeleted: 2 }),
    );

    expect(events).toMatchObject([
      { type: 'contact.erased', workspaceId: 'ws_1', data: { contactId: 'c1' } },
    ]);
  });

  it("reads a pack's events, each validated, in order", () => {
    const item = (contactId: string) => ({
      id: `ev_${contactId}`,
      occurredAt: '2026-06-01T00:00:00Z',
      data: {
        contactId,
        messageId: `m_${contactId}`,
        kind: 'opened',
        at: '2026-06-01T00:00:00Z',
        origin: 'api',
      },
    });
    const pack = {
      ...raw('email.engaged', null),
      detail: { version: 1, workspaceId: 'ws_1', pack: [item('c1'), item('c2')] },
    };
    expect(parseBusEventFor(CONTACT_CHANGES, pack).map((e) => [e.id, e.workspaceId])).toEqual([
      ['ev_c1', 'ws_1'],
      ['ev_c2', 'ws_1'],
    ]);
    const bad = {
      ...pack,
      detail: { ...pack.detail, pack: [item('c1'), { ...item('c2'), data: { contactId: 'c2' } }] },
    };
    expect(parseBusEventFor(CONTACT_CHANGES, bad)).toEqual([]);
  });

  it('drops a type outside the table and a detail that breaks its schema (a retry cannot fix either)', () => {
    expect(parseBusEventFor(CONTACT_CHANGES, raw('order.placed', { contactId: 'c1' }))).toEqual([]);
    expect(parseBusEventFor(CONTACT_CHANGES, raw('contact.erased', { contactId: 7 }))).toEqual([]);
  });
});

/**
 * The outbox: a fact written while nothing publishes (the process died right after the write) still
 * reaches the bus once a relay runs again, and reaches it with the catalogue's shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import { parseDomainEvent } from '../../lib/shared/events/catalogue.ts';
import { type Client, client, field, startStack, workspaceWithKeys } from './harness.ts';

let stack: LocalStack;
let api: Client;
let ws: string;

beforeAll(async () => {
  stack = await startStack();
  const keys = await workspaceWithKeys(stack);
  ws = keys.id;
  api = client(stack, keys.admin);
});

afterAll(() => stack?.stop());

const eventsFor = (type: string, contactId: string) =>
  stack.bus.events.filter(
    (e) => e['detail-type'] === type && field(e.detail, 'data', 'contactId') === contactId,
  );

describe('outbox', () => {
  it('delivers an event written while no relay ran (crash between write and publish)', async () => {
    await stack.relay.pause();
    const made = await api.post('/v1/contacts', { email: 'crash@example.com', firstName: 'Cleo' });
    const id = String(field(made.body, 'contact', 'id'));
    await new Promise((r) => setTimeout(r, 300));
    expect(eventsFor('contact.created', id)).toHaveLength(0);

    await stack.relay.resume();
    await stack.idle();
    const delivered = eventsFor('contact.created', id);
    expect(delivered).toHaveLength(1);
    const event = parseDomainEvent('contact.created', delivered[0]?.detail);
    expect(event.workspaceId).toBe(ws);
    expect(event.data).toEqual({ contactId: id, fields: ['email', 'firstName'] });
  });

  it('publishes one event per change and none for a write that changes nothing', async () => {
    const made = await api.post('/v1/contacts', { email: 'once@example.com' });
    const id = String(field(made.body, 'contact', 'id'));
    await api.post('/v1/contacts', { email: 'once@example.com' });
    await api.patch(`/v1/contacts/${id}`, { firstName: 'Olga' });
    await api.put(`/v1/contacts/${id}/consent/email`, { status: 'subscribed', source: 'form' });
    await stack.idle();
    expect(eventsFor('contact.created', id)).toHaveLength(1);
    expect(eventsFor('contact.updated', id).map((e) => field(e.detail, 'data', 'fields'))).toEqual([
      ['firstName'],
    ]);
    expect(eventsFor('contact.consent.changed', id)).toHaveLength(1);
  });

  it('turns a tracked event into event.recorded on the bus, attached to its contact', async () => {
    await api.post('/v1/track', {
      id: 'bus-1',
      name: 'signed_up',
      email: 'bus@example.com',
      properties: { plan: 'pro' },
    });
    await stack.idle();
    const recorded = stack.bus.events.filter(
      (e) => e['detail-type'] === 'event.recorded' && field(e.detail, 'data', 'eventId') === 'bus-1',
    );
    expect(recorded).toHaveLength(1);
    expect(field(recorded[0]?.detail, 'data', 'properties')).toEqual({ plan: 'pro' });
    expect(String(field(recorded[0]?.detail, 'data', 'contactId'))).toMatch(/^c_/);
    expect(stack.bus.deadLetters).toHaveLength(0);
  });
});

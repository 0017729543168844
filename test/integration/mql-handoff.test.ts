/**
 * The MQL hand-off against DynamoDB Local: a contact that becomes MQL is announced to the sales
 * address, with its score breakdown and recent activity, under a message id derived from the event.
 */

import { describe, expect, it } from 'vitest';
import { upsertContactBody } from '../../lib/contacts/contact.schema.ts';
import { upsertContact } from '../../lib/contacts/upsert-contact.ts';
import { type AlertRequest, mqlHandoff } from '../../lib/email/feedback/mql-handoff.ts';
import { messageIdSchema } from '../../lib/email/message.schema.ts';
import { recordOnContact } from '../../lib/events/record-on-contact.ts';
import { scoringModelsRepository } from '../../lib/scoring/scoring-models.repository.ts';
import { fixedClock } from '../../lib/shared/clock.ts';
import { UpdateCommand } from '../../lib/shared/dynamodb/commands.ts';
import { domainEvent } from '../../lib/shared/events/outbox.ts';
import { keys } from '../../lib/shared/keys.ts';
import { newWorkspace, realDeps } from './real-deps.ts';

const clock = fixedClock('2026-11-01T10:00:00.000Z');
const base = realDeps(clock);

const setup = async (salesAddress?: string) => {
  const ws = await newWorkspace(base);
  if (salesAddress)
    await base.table.client.send(
      new UpdateCommand({
        TableName: base.table.name,
        Key: keys.workspace(ws),
        UpdateExpression: 'SET settings.email = :email',
        ExpressionAttributeValues: { ':email': { salesAddress } },
      }),
    );
  const sent: AlertRequest[] = [];
  const deps = {
    ...base,
    models: scoringModelsRepository(base.table),
    alerts: { sendAlert: async (r: AlertRequest) => void sent.push(r) },
  };
  const { contact } = await upsertContact(
    ws,
    upsertContactBody.parse({
      email: 'lead@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      attributes: { company: 'Engines Ltd' },
    }),
    'api',
    deps,
  );
  await recordOnContact(
    ws,
    contact.id,
    {
      eventId: 'e1',
      name: 'pricing_viewed',
      kind: 'track',
      occurredAt: '2026-11-01T09:00:00.000Z',
      properties: {},
    },
    deps,
  );
  return { ws, contactId: contact.id, deps, sent };
};

describe('MQL hand-off', () => {
  it('sends the mql-alert to the sales address with the lead, its score and recent activity, once per event', async () => {
    const { ws, contactId, deps, sent } = await setup('sales@shop.example');
    const event = domainEvent(
      'stage.changed',
      ws,
      { contactId, from: 'lead', to: 'mql', by: 'threshold' },
      clock,
    );
    expect(await mqlHandoff(event, deps)).toBe('sent');
    expect(await mqlHandoff(event, deps)).toBe('sent');
    expect(sent).toHaveLength(2);
    const [first, again] = sent;
    expect(first).toMatchObject({
      workspaceId: ws,
      templateId: 'mql-alert',
      to: 'sales@shop.example',
      contactId,
      data: {
        contact: { email: 'lead@example.com', name: 'Ada Lovelace', company: 'Engines Ltd' },
        score: 0,
        breakdown: [{ label: 'engagement', points: 0 }],
        recent: [{ name: 'pricing_viewed', at: '2026-11-01T09:00:00.000Z' }],
        stage: { from: 'lead', to: 'mql', by: 'threshold' },
      },
    });
    // A redelivered event asks for the same message, which the send path sends at most once.
    expect(messageIdSchema.safeParse(first?.messageId).success).toBe(true);
    expect(again?.messageId).toBe(first?.messageId);
    const other = domainEvent('stage.changed', ws, { contactId, to: 'mql', by: 'manual' }, clock);
    await mqlHandoff(other, deps);
    expect(sent[2]?.messageId).not.toBe(first?.messageId);
  });

  it('does nothing for other stages, without a sales address, or for an erased contact', async () => {
    const withSales = await setup('sales@shop.example');
    const { ws, contactId, deps, sent } = withSales;
    expect(
      await mqlHandoff(domainEvent('stage.changed', ws, { contactId, to: 'sql', by: 'manual' }, clock), deps),
    ).toBe('not mql');
    expect(
      await mqlHandoff(
        domainEvent('stage.changed', ws, { contactId: 'c_gone', to: 'mql', by: 'manual' }, clock),
        deps,
      ),
    ).toBe('no contact');
    const without = await setup();
    expect(
      await mqlHandoff(
        domainEvent(
          'stage.changed',
          without.ws,
          { contactId: without.contactId, to: 'mql', by: 'manual' },
          clock,
        ),
        without.deps,
      ),
    ).toBe('no sales address');
    expect([...sent, ...without.sent]).toEqual([]);
  });
});

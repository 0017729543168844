/**
 * Orders attributed to campaigns, against DynamoDB Local: the touches read from the contact's
 * timeline, once per order however many deliveries race (or a crash between the two writes), per
 * currency in the campaign's results.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AttributionDeps,
  attributeOrder,
  refundConversion,
} from '../../lib/campaigns/results/attribute-order.ts';
import { attributionSettings } from '../../lib/campaigns/results/attribution-settings.ts';
import { conversionsRepository } from '../../lib/campaigns/results/conversions.repository.ts';
import { campaignTouchesRepository } from '../../lib/email/history/campaign-touches.repository.ts';
import { type EmailMessage, newMessageId } from '../../lib/email/message.schema.ts';
import { messagesRepository } from '../../lib/email/messages.repository.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { PutCommand, UpdateCommand } from '../../lib/shared/dynamodb/commands.ts';
import { domainEvent } from '../../lib/shared/events/outbox.ts';
import { newId } from '../../lib/shared/ids.ts';
import { keys } from '../../lib/shared/keys.ts';
import type { Table } from '../../lib/shared/table.ts';
import { newWorkspace, type RealDeps, realDeps } from './real-deps.ts';

let real: RealDeps;
const PLACED = new Date('2026-12-10T12:00:00.000Z');
const hoursBefore = (h: number) => new Date(PLACED.getTime() - h * 3600_000);

beforeAll(() => {
  real = realDeps();
});

const depsOver = (table: Table): AttributionDeps => ({
  settings: attributionSettings(real.workspaces),
  touches: campaignTouchesRepository(table),
  conversions: conversionsRepository(table),
});

/** A campaign email of the contact, sent `sentHoursBefore` the order, opened/clicked at those hours before. */
const campaignEmail = async (
  ws: string,
  contactId: string,
  campaignId: string,
  sentHoursBefore: number,
  touched: { opened?: number; clicked?: number },
  origin: 'campaign' | 'journey' = 'campaign',
) => {
  const messageId = newMessageId(hoursBefore(sentHoursBefore));
  const at: EmailMessage['at'] = { sent: hoursBefore(sentHoursBefore).toISOString() };
  if (touched.opened !== undefined) at.opened = hoursBefore(touched.opened).toISOString();
  if (touched.clicked !== undefined) at.clicked = hoursBefore(touched.clicked).toISOString();
  const message: EmailMessage = {
    messageId,
    kind: 'marketing',
    origin,
    originId: campaignId,
    templateId: 'news',
    version: 1,
    status: touched.clicked !== undefined ? 'clicked' : touched.opened !== undefined ? 'opened' : 'sent',
    seen: [],
    at,
  };
  expect(await messagesRepository(real.table).create(ws, contactId, message, 400)).toBe(true);
  return messageId;
};

const placed = (ws: string, contactId: string, orderId: string, total = 4999, currency = 'EUR') =>
  domainEvent(
    'order.placed',
    ws,
    {
      contactId,
      connectionId: 'cn_shop',
      orderId,
      status: 'paid',
      total,
      currency,
      placedAt: PLACED.toISOString(),
    },
    systemClock,
  );

const refunded = (ws: string, orderId: string, refundId: string, amount: number, currency = 'EUR') =>
  domainEvent(
    'order.refunded',
    ws,
    { contactId: 'c_x', connectionId: 'cn_shop', orderId, refundId, amount, currency },
    systemClock,
  );

describe('order attribution on DynamoDB Local', () => {
  it('the same order attributed by many deliveries at once counts once, for the campaign touched last', async () => {
    const ws = await newWorkspace(real);
    const contactId = newId('c');
    await campaignEmail(ws, contactId, 'cmp_older', 100, { opened: 90 });
    const winner = await campaignEmail(ws, contactId, 'cmp_newer', 30, { opened: 20, clicked: 2 });
    await campaignEmail(ws, contactId, 'jrn_1', 5, { clicked: 1 }, 'journey');
    const deps = depsOver(real.table);
    const event = placed(ws, contactId, 'o-1');

    const outcomes = await Promise.all(Array.from({ length: 6 }, () => attributeOrder(event, deps)));

    expect(outcomes.filter((o) => o.status === 'attributed')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'duplicate')).toHaveLength(5);
    for (const o of outcomes)
      if (o.status !== 'unattributed')
        expect(o.conversion).toMatchObject({ campaignId: 'cmp_newer', messageId: winner, touch: 'clicked' });
    const conversions = conversionsRepository(real.table);
    expect(await conversions.revenue(ws, 'cmp_newer')).toEqual([
      { currency: 'EUR', conversions: 1, revenue: 4999, refunded: 0 },
    ]);
    expect(await conversions.revenue(ws, 'cmp_older')).toEqual([]);
    // Redelivered later: still once.
    expect((await attributeOrder(event, deps)).status).toBe('duplicate');
    expect(await conversions.revenue(ws, 'cmp_newer')).toEqual([
      { currency: 'EUR', conversions: 1, revenue: 4999, refunded: 0 },
    ]);
  });

  it("follows the workspace's settings: first touch, clicks only, a longer window", async () => {
    const ws = await newWorkspace(real);
    const contactId = newId('c');
    await campaignEmail(ws, contactId, 'cmp_a', 150, { opened: 140 });
    await campaignEmail(ws, contactId, 'cmp_b', 100, { opened: 90, clicked: 80 });
    await campaignEmail(ws, contactId, 'cmp_c', 30, { opened: 10 });
    const setAttribution = (attribution: unknown) =>
      real.table.client.send(
        new UpdateCommand({
          TableName: real.table.name,
          Key: keys.workspace(ws),
          UpdateExpression: 'SET settings.email = :email',
          ExpressionAttributeValues: { ':email': { attribution } },
        }),
      );
    const deps = depsOver(real.table);
    const conversions = conversionsRepository(real.table);

    await setAttribution({ model: 'firstTouch' });
    expect(await attributeOrder(placed(ws, contactId, 'o-first'), deps)).toMatchObject({
      status: 'attributed',
      conversion: { campaignId: 'cmp_b', touch: 'opened' },
    });
    await setAttribution({ touches: 'click' });
    expect(await attributeOrder(placed(ws, contactId, 'o-click'), deps)).toMatchObject({
      conversion: { campaignId: 'cmp_b', touch: 'clicked' },
    });
    await setAttribution({ windowDays: 6, model: 'firstTouch' });
    expect(await attributeOrder(placed(ws, contactId, 'o-long', 1000, 'USD'), deps)).toMatchObject({
      conversion: { campaignId: 'cmp_a' },
    });
    await setAttribution({ windowDays: 1, touches: 'click' });
    expect(await attributeOrder(placed(ws, contactId, 'o-none'), deps)).toMatchObject({
      status: 'unattributed',
    });

    expect(await conversions.revenue(ws, 'cmp_b')).toEqual([
      { currency: 'EUR', conversions: 2, revenue: 9998, refunded: 0 },
    ]);
    expect(await conversions.revenue(ws, 'cmp_a')).toEqual([
      { currency: 'USD', conversions: 1, revenue: 1000, refunded: 0 },
    ]);
  });

  it('a crash between the order attribution and the conversion is mended by the redelivery, still once', async () => {
    const ws = await newWorkspace(real);
    const contactId = newId('c');
    await campaignEmail(ws, contactId, 'cmp_x', 10, { opened: 5 });
    let puts = 0;
    const crashing: Table = {
      name: real.table.name,
      client: {
        send: (async (command: unknown) => {
          if (command instanceof PutCommand && ++puts === 2) throw new Error('crash after the first put');
          return real.table.client.send(command as never);
        }) as Table['client']['send'],
      } as Table['client'],
    };
    const event = placed(ws, contactId, 'o-crash', 2500, 'GBP');
    await expect(attributeOrder(event, depsOver(crashing))).rejects.toThrow('crash after the first put');
    const conversions = conversionsRepository(real.table);
    expect(await conversions.revenue(ws, 'cmp_x')).toEqual([]);

    expect((await attributeOrder(event, depsOver(real.table))).status).toBe('duplicate');
    expect(await conversions.revenue(ws, 'cmp_x')).toEqual([
      { currency: 'GBP', conversions: 1, revenue: 2500, refunded: 0 },
    ]);
  });

  it('an order without a campaign touch in the window writes nothing; a cancelled order is never attributed', async () => {
    const ws = await newWorkspace(real);
    const contactId = newId('c');
    await campaignEmail(ws, contactId, 'cmp_late', 1, {});
    const deps = depsOver(real.table);
    expect(await attributeOrder(placed(ws, contactId, 'o-2'), deps)).toMatchObject({
      status: 'unattributed',
    });
    await campaignEmail(ws, contactId, 'cmp_y', 3, { clicked: 2 });
    const cancelled = domainEvent(
      'order.placed',
      ws,
      { ...placed(ws, contactId, 'o-3').data, status: 'cancelled' },
      systemClock,
    );
    expect(await attributeOrder(cancelled, deps)).toMatchObject({ status: 'unattributed' });
    expect(await conversionsRepository(real.table).revenue(ws, 'cmp_y')).toEqual([]);
  });

  it('keeps refunds of an attributed order beside it, once per refund, in its currency, up to its total', async () => {
    const ws = await newWorkspace(real);
    const contactId = newId('c');
    await campaignEmail(ws, contactId, 'cmp_r', 10, { clicked: 5 });
    const deps = depsOver(real.table);
    await attributeOrder(placed(ws, contactId, 'o-r', 5000), deps);
    const conversions = conversionsRepository(real.table);

    expect(
      await Promise.all([1, 2].map(() => refundConversion(refunded(ws, 'o-r', 'rf-1', 1200), deps))),
    ).toEqual(['recorded', 'recorded']);
    expect(await refundConversion(refunded(ws, 'o-r', 'rf-usd', 700, 'USD'), deps)).toBe('unattributed');
    expect(await refundConversion(refunded(ws, 'o-other', 'rf-2', 100), deps)).toBe('unattributed');
    expect(await conversions.revenue(ws, 'cmp_r')).toEqual([
      { currency: 'EUR', conversions: 1, revenue: 5000, refunded: 1200 },
    ]);
    await refundConversion(refunded(ws, 'o-r', 'rf-3', 9000), deps);
    expect(await conversions.revenue(ws, 'cmp_r')).toEqual([
      { currency: 'EUR', conversions: 1, revenue: 5000, refunded: 5000 },
    ]);
  });
});

/**
 * A campaign's progress and results over HTTP on the local stack, and the CLI's watch: counted from
 * chunks made through the chunk repository (the send pipeline is not needed for that), the origin
 * counters, and storefront orders attributed through the real webhook → bus → attribution path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import type { Campaign, CampaignStatus } from '../../lib/campaigns/campaign.schema.ts';
import { newCampaignId } from '../../lib/campaigns/campaign.schema.ts';
import { campaignsRepository } from '../../lib/campaigns/campaigns.repository.ts';
import { campaignMessageId } from '../../lib/campaigns/send/campaign-message-id.ts';
import { chunksRepository } from '../../lib/campaigns/send/chunks.repository.ts';
import { countersRepository } from '../../lib/email/history/counters.repository.ts';
import type { EmailMessage } from '../../lib/email/message.schema.ts';
import { messagesRepository } from '../../lib/email/messages.repository.ts';
import { newId } from '../../lib/shared/ids.ts';
import {
  type Client,
  client,
  deliverShopify,
  ecrmCli,
  field,
  startStack,
  workspaceWithKeys,
} from './harness.ts';

let stack: LocalStack;
let api: Client;
let ws: string;
let admin: string;
let shop: string;
const secret = 'shpss_results_0123456789';
const LAUNCH = new Date('2026-11-30T09:00:00.000Z');

beforeAll(async () => {
  stack = await startStack();
  const made = await workspaceWithKeys(stack);
  ws = made.id;
  admin = made.admin;
  api = client(stack, made.admin);
  const connection = await api.post('/v1/connections', { kind: 'shopify', name: 'Shop', secret });
  shop = String(field(connection.body, 'connection', 'id'));
});

afterAll(() => stack?.stop());

/** A campaign stored as the send pipeline leaves it (no launch event: nothing else acts on it). */
const storedCampaign = async (status: CampaignStatus, over: Partial<Campaign> = {}): Promise<string> => {
  const id = newCampaignId(new Date());
  await campaignsRepository(stack.table).create({
    type: 'campaign',
    v: 1,
    id,
    workspaceId: ws,
    name: `results ${status}`,
    status,
    template: { templateId: 'news', version: 1 },
    audience: { segments: { include: [newId('sg')], exclude: [] } },
    ...(status === 'draft' ? {} : { startedAt: LAUNCH.toISOString() }),
    createdAt: LAUNCH.toISOString(),
    updatedAt: LAUNCH.toISOString(),
    rev: 1,
    ...over,
  });
  return id;
};

/**
 * Two chunks: shard 2 with 5 recipients (2 sent, 1 unknown, 1 unsubscribed, 1 failed), shard 9 with
 * 3 still pending. Claimed and settled through the chunk's own claim store, as the send path does.
 */
const chunksOf = async (campaignId: string) => {
  const chunks = chunksRepository(stack.table);
  const first = { workspaceId: ws, campaignId, shard: 2, page: 0 };
  const contacts = Array.from({ length: 5 }, () => newId('c'));
  expect(await chunks.create(first, contacts)).toBe(true);
  expect(await chunks.create({ ...first, shard: 9 }, [newId('c'), newId('c'), newId('c')])).toBe(true);
  const ids = contacts.map((c) => campaignMessageId(campaignId, LAUNCH, c));
  const store = chunks.claims(first, new Map(ids.map((id, i) => [id, i])));
  const entry = (i: number, status: EmailMessage['status'], reason?: string) => ({
    contactId: contacts[i] ?? '',
    message: {
      messageId: ids[i] ?? '',
      kind: 'marketing' as const,
      origin: 'campaign' as const,
      originId: campaignId,
      templateId: 'news',
      version: 1,
      status,
      ...(reason ? { reason } : {}),
      seen: [],
      at: {},
    },
  });
  await store.record(
    ws,
    [
      entry(0, 'claimed'),
      entry(1, 'claimed'),
      entry(2, 'claimed'),
      entry(3, 'refused', 'unsubscribed'),
      entry(4, 'failed', 'no address'),
    ],
    30,
  );
  await store.settle(ws, [
    { contactId: contacts[0] ?? '', messageId: ids[0] ?? '', outcome: 'sent', sesMessageId: 'ses-1' },
    { contactId: contacts[1] ?? '', messageId: ids[1] ?? '', outcome: 'sent', sesMessageId: 'ses-2' },
    { contactId: contacts[2] ?? '', messageId: ids[2] ?? '', outcome: 'unknown', reason: 'timeout' },
  ]);
};

describe('campaign progress and results over HTTP', () => {
  it('a campaign not launched yet: zeros and its status', async () => {
    const campaignId = await storedCampaign('draft');
    const res = await api.get(`/v1/campaigns/${campaignId}/progress`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      campaignId,
      status: 'draft',
      audience: 0,
      queued: 0,
      inFlight: 0,
      sent: 0,
      suppressed: 0,
      failed: 0,
      capped: 0,
      cancelled: 0,
      settled: 0,
      reasons: [],
    });
    expect((await api.get('/v1/campaigns/cmp_00000000000000000000/progress')).status).toBe(404);
    expect((await api.get('/v1/campaigns/nope/progress')).status).toBe(422);
  });

  it('a sending campaign: its recipients by outcome from its chunks, with reasons, no storage internals', async () => {
    const campaignId = await storedCampaign('sending');
    await chunksOf(campaignId);
    const res = await api.get(`/v1/campaigns/${campaignId}/progress`);
    expect(res.body).toMatchObject({
      status: 'sending',
      audience: 8,
      queued: 3,
      inFlight: 1,
      sent: 2,
      suppressed: 1,
      failed: 1,
      settled: 4,
      reasons: [
        { reason: 'no address', recipients: 1 },
        { reason: 'unsubscribed', recipients: 1 },
      ],
      startedAt: LAUNCH.toISOString(),
    });
    const text = JSON.stringify(res.body);
    for (const internal of ['CCK', '"states"', '"p"', 'shard', '"pk"']) expect(text).not.toContain(internal);
  });

  it('results: delivered derived from sent, rates, links, and the cost estimate', async () => {
    const campaignId = await storedCampaign('sent', { finishedAt: LAUNCH.toISOString() });
    await chunksOf(campaignId);
    const counters = countersRepository(stack.table);
    await counters.addToOrigin(ws, 'campaign', campaignId, { opened: 1, clicked: 1, unsubscribed: 1 });
    await counters.addToOrigin(ws, 'campaign', campaignId, { opened: 1 });
    await counters.addLinkClicks(ws, 'campaign', campaignId, 'h1', 'https://shop.example/sale', 1);
    const res = await api.get(`/v1/campaigns/${campaignId}/results`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'sent',
      sent: 2,
      delivered: 2,
      opened: 2,
      clicked: 1,
      unsubscribed: 1,
      rates: { open: 1, click: 0.5, clickToOpen: 0.5, bounce: 0, unsubscribe: 0.5 },
      links: [{ link: 'https://shop.example/sale', clicked: 1 }],
      conversions: {
        attribution: { windowDays: 5, model: 'lastTouch', touches: 'clickOrOpen' },
        byCurrency: [],
      },
      cost: { estimate: true, currency: 'USD', basis: { chunks: 1, sent: 2, feedbackEvents: 4 } },
    });
    expect(Number(field(res.body, 'cost', 'total'))).toBeGreaterThan(0);
  });

  it('ecrm campaign watch: stops at once on a sent campaign, and on a paused one says so (exit 0)', async () => {
    const sent = await storedCampaign('sent');
    await chunksOf(sent);
    expect(await ecrmCli(stack, admin, 'campaign', 'watch', sent)).toMatchObject({ status: 'sent', sent: 2 });
    const paused = await storedCampaign('paused', { pausedReason: 'quota' });
    expect(await ecrmCli(stack, admin, 'campaign', 'watch', '--id', paused)).toMatchObject({
      status: 'paused',
      pausedReason: 'quota',
    });
  });
});

describe('revenue attributed from storefront orders', () => {
  it("the workspace's attribution settings: defaults until set, validated field by field", async () => {
    const fresh = await workspaceWithKeys(stack);
    const admin = client(stack, fresh.admin);
    const read = async () => field((await admin.get('/v1/workspace/email-settings')).body, 'attribution');
    expect(await read()).toEqual({ windowDays: 5, model: 'lastTouch', touches: 'clickOrOpen' });
    const set = await admin.put('/v1/workspace/email-settings', {
      attribution: { windowDays: 7, touches: 'click' },
    });
    expect(set.status).toBe(200);
    expect(await read()).toEqual({ windowDays: 7, model: 'lastTouch', touches: 'click' });
    for (const [attribution, path] of [
      [{ windowDays: 0 }, 'attribution.windowDays'],
      [{ windowDays: 31 }, 'attribution.windowDays'],
      [{ model: 'linear' }, 'attribution.model'],
      [{ touches: 'view' }, 'attribution.touches'],
    ] as const) {
      const bad = await admin.put('/v1/workspace/email-settings', { attribution });
      expect(bad.status, JSON.stringify(attribution)).toBe(422);
      expect(field(bad.body, 'error', 'issues', 0, 'path')).toBe(path);
    }
    expect(await read()).toEqual({ windowDays: 7, model: 'lastTouch', touches: 'click' });
  });

  const order = (id: number, email: string, createdAt: string, total: string, updatedAt = createdAt) => ({
    id,
    email,
    currency: 'EUR',
    total_price: total,
    financial_status: 'paid',
    created_at: createdAt,
    updated_at: updatedAt,
    line_items: [{ title: 'Mug', quantity: 1, price: total }],
    customer: { id: id + 1, email, first_name: 'Ana', updated_at: createdAt },
  });

  it('the same order webhook delivered twice in parallel (and once more by another id) counts once; an update adds nothing, a refund is kept beside it', async () => {
    const made = await api.post('/v1/contacts', { email: 'ana@example.com', firstName: 'Ana' });
    const contactId = String(field(made.body, 'contact', 'id'));
    const campaignId = await storedCampaign('sent');
    // Fixed times: the order an hour after the click, whatever the day the test runs.
    const now = Date.parse('2026-11-30T12:00:00.000Z');
    const clickedAt = new Date(now - 3600_000).toISOString();
    const messageId = campaignMessageId(campaignId, new Date(now - 2 * 3600_000), contactId);
    expect(
      await messagesRepository(stack.table).create(
        ws,
        contactId,
        {
          messageId,
          kind: 'marketing',
          origin: 'campaign',
          originId: campaignId,
          templateId: 'news',
          version: 1,
          status: 'clicked',
          seen: ['Open', 'Click#x'],
          at: { sent: new Date(now - 2 * 3600_000).toISOString(), opened: clickedAt, clicked: clickedAt },
        },
        4000,
      ),
    ).toBe(true);

    const createdAt = new Date(now).toISOString();
    const body = JSON.stringify(order(7001, 'ana@example.com', createdAt, '24.50'));
    const to = { workspaceId: ws, connectionId: shop, secret };
    const replies = await Promise.all([
      deliverShopify(stack, to, 'orders/create', body, 'evt-order-1'),
      deliverShopify(stack, to, 'orders/create', body, 'evt-order-1'),
      deliverShopify(stack, to, 'orders/create', body, 'evt-order-1-again'),
    ]);
    for (const r of replies) expect(r.status).toBe(200);
    await stack.idle();
    const revenue = async () =>
      field((await api.get(`/v1/campaigns/${campaignId}/results`)).body, 'conversions', 'byCurrency');
    expect(await revenue()).toEqual([
      {
        currency: 'EUR',
        conversions: 1,
        revenue: 2450,
        refunded: 0,
        net: 2450,
        decimal: { revenue: '24.50', refunded: '0.00', net: '24.50' },
      },
    ]);

    // An update of the order (a new total) attributes nothing more.
    const later = new Date(now + 60_000).toISOString();
    const update = JSON.stringify(order(7001, 'ana@example.com', createdAt, '30.00', later));
    expect((await deliverShopify(stack, to, 'orders/updated', update, 'evt-order-1-upd')).status).toBe(200);
    await stack.idle();
    expect(await revenue()).toEqual([
      {
        currency: 'EUR',
        conversions: 1,
        revenue: 2450,
        refunded: 0,
        net: 2450,
        decimal: { revenue: '24.50', refunded: '0.00', net: '24.50' },
      },
    ]);

    // A refund (delivered twice) is kept beside the conversion, once.
    const refund = JSON.stringify({
      id: 9101,
      order_id: 7001,
      created_at: later,
      transactions: [{ kind: 'refund', status: 'success', amount: '4.50', currency: 'EUR' }],
    });
    await Promise.all([
      deliverShopify(stack, to, 'refunds/create', refund, 'evt-refund-1'),
      deliverShopify(stack, to, 'refunds/create', refund, 'evt-refund-1-again'),
    ]);
    await stack.idle();
    expect(await revenue()).toEqual([
      {
        currency: 'EUR',
        conversions: 1,
        revenue: 2450,
        refunded: 450,
        net: 2000,
        decimal: { revenue: '24.50', refunded: '4.50', net: '20.00' },
      },
    ]);
  });
});

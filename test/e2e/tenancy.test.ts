/**
 * Workspace isolation, scopes and revocation over HTTP, for every route of the API: a route added
 * without a check here fails the coverage test.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import { exportsRepository } from '../../lib/contacts/exports.repository.ts';
import { countersRepository } from '../../lib/email/history/counters.repository.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { PutCommand } from '../../lib/shared/dynamodb/commands.ts';
import { domainEvent } from '../../lib/shared/events/outbox.ts';
import { keys } from '../../lib/shared/keys.ts';
import { sign } from '../../lib/webhooks/verify/index.ts';
import { type Client, client, field, startStack, workspaceWithKeys } from './harness.ts';

let stack: LocalStack;
let a: Awaited<ReturnType<typeof workspaceWithKeys>>;
let b: Awaited<ReturnType<typeof workspaceWithKeys>>;
let aContactId: string;
let aKeyId: string;
let asA: Client;
let asB: Client;
let aConnectionId: string;
let aConnectionSecret: string;
let aExportId: string;
let aSegmentId: string;
let aDomain: string;
let aUserId: string;

beforeAll(async () => {
  stack = await startStack();
  a = await workspaceWithKeys(stack);
  b = await workspaceWithKeys(stack);
  asA = client(stack, a.admin);
  asB = client(stack, b.admin);
  const made = await asA.post('/v1/contacts', { email: 'secret@a.example', firstName: 'Only A' });
  aContactId = String(field(made.body, 'contact', 'id'));
  const key = await asA.post('/v1/keys', { name: 'a-extra', scopes: ['read'] });
  aKeyId = String(field(key.body, 'key', 'id'));
  await asA.post(`/v1/contacts/${aContactId}/interactions`, {
    kind: 'note',
    summary: 'private',
    by: 'a-staff',
  });
  const connection = await asA.post('/v1/connections', { kind: 'generic', name: 'A shop' });
  aConnectionId = String(field(connection.body, 'connection', 'id'));
  aConnectionSecret = String(field(connection.body, 'secret'));
  const segment = await asA.post('/v1/segments', { name: 'A only', kind: 'static' });
  aSegmentId = String(field(segment.body, 'id'));
  await asA.post(`/v1/segments/${aSegmentId}/members`, { add: [aContactId] });
  const member = await asA.post('/v1/users', {
    email: `member@${a.id.replaceAll('_', '-')}.example`,
    role: 'analyst',
  });
  expect(member.status).toBe(201);
  aUserId = String(field(member.body, 'user', 'id'));
  aDomain = `${a.id.replaceAll('_', '-')}.example`;
  expect((await asA.post('/v1/sender-domains', { domain: aDomain })).status).toBe(201);
  aExportId = `exp_${'0'.repeat(26)}`;
  const event = domainEvent(
    'contact.export.ready',
    a.id,
    { contactId: aContactId, exportId: aExportId },
    systemClock,
  );
  await exportsRepository(stack.table).put(a.id, aExportId, aContactId, { secret: 'A' }, new Date(), event);
});

afterAll(() => stack?.stop());

/** For each operation: what workspace B does to A's data, and what it must get. */
const crossWorkspace: Record<string, () => Promise<void>> = {
  upsertContact: async () => {
    // B upserting A's email creates B's own contact; A's contact is untouched.
    const res = await asB.post('/v1/contacts', { email: 'secret@a.example', firstName: 'Intruder' });
    expect(res.status).toBe(201);
    expect(field(res.body, 'contact', 'id')).not.toBe(aContactId);
    expect(field((await asA.get(`/v1/contacts/${aContactId}`)).body, 'firstName')).toBe('Only A');
  },
  listContacts: async () => {
    const res = await asB.get('/v1/contacts?limit=100');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain(aContactId);
  },
  lookupContact: async () => {
    const other = await asB.get('/v1/contacts/lookup?externalId=only-in-a');
    expect(other.status).toBe(404);
    await asA.patch(`/v1/contacts/${aContactId}`, { externalId: 'only-in-a' });
    expect((await asA.get('/v1/contacts/lookup?externalId=only-in-a')).status).toBe(200);
    expect((await asB.get('/v1/contacts/lookup?externalId=only-in-a')).status).toBe(404);
  },
  searchContacts: async () => {
    // A finds its contact by name and email; B, asking the same, never sees it (B may hold its own).
    for (const q of ['only a', 'secret@a'])
      expect(
        JSON.stringify((await asA.get(`/v1/contacts/search?q=${encodeURIComponent(q)}`)).body),
      ).toContain(aContactId);
    for (const q of ['only a', 'secret@a', 'o', 's']) {
      const res = await asB.get(`/v1/contacts/search?q=${encodeURIComponent(q)}&limit=100`);
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(aContactId);
    }
  },
  getContact: async () => expect((await asB.get(`/v1/contacts/${aContactId}`)).status).toBe(404),
  updateContact: async () =>
    expect((await asB.patch(`/v1/contacts/${aContactId}`, { firstName: 'x' })).status).toBe(404),
  eraseContact: async () => expect((await asB.del(`/v1/contacts/${aContactId}`)).status).toBe(404),
  exportContact: async () => expect((await asB.get(`/v1/contacts/${aContactId}/export`)).status).toBe(404),
  setConsent: async () =>
    expect(
      (await asB.put(`/v1/contacts/${aContactId}/consent/email`, { status: 'subscribed', source: 'x' }))
        .status,
    ).toBe(404),
  track: async () => {
    const res = await asB.post('/v1/track', { id: 'x-ws', name: 'page_viewed', email: 'secret@a.example' });
    expect(res.status).toBe(202);
    await stack.idle();
    const timeline = await asA.get(`/v1/contacts/${aContactId}/timeline`);
    expect(JSON.stringify(timeline.body)).not.toContain('x-ws');
  },
  readTimeline: async () => expect((await asB.get(`/v1/contacts/${aContactId}/timeline`)).status).toBe(404),
  logInteraction: async () =>
    expect(
      (await asB.post(`/v1/contacts/${aContactId}/interactions`, { kind: 'note', summary: 's', by: 'b' }))
        .status,
    ).toBe(404),
  getWorkspace: async () => expect(field((await asB.get('/v1/workspace')).body, 'id')).toBe(b.id),
  issueKey: async () => {
    const res = await asB.post('/v1/keys', { name: 'b2', scopes: ['read'] });
    expect(String(field(res.body, 'token'))).toContain(`.${b.id}.`);
  },
  listKeys: async () => expect(JSON.stringify((await asB.get('/v1/keys')).body)).not.toContain(aKeyId),
  listUsers: async () => {
    const res = await asB.get('/v1/users');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain(aUserId);
  },
  inviteUser: async () => {
    // The same person invited by B becomes B's member too; A's membership is untouched.
    const email = `shared@${a.id.replaceAll('_', '-')}.example`;
    const inA = await asA.post('/v1/users', { email, role: 'marketer' });
    const inB = await asB.post('/v1/users', { email, role: 'admin' });
    expect(inB.status).toBe(201);
    expect(field(inB.body, 'user', 'id')).toBe(field(inA.body, 'user', 'id'));
    const listed = JSON.stringify((await asA.get('/v1/users')).body);
    expect(listed).toContain('"role":"marketer"');
    expect(listed).not.toContain('"role":"admin"');
  },
  setUserRole: async () => {
    expect((await asB.patch(`/v1/users/${aUserId}`, { role: 'admin' })).status).toBe(404);
    expect(field((await asA.get('/v1/users')).body, 'users')).toContainEqual(
      expect.objectContaining({ id: aUserId, role: 'analyst' }),
    );
  },
  removeUser: async () => {
    expect((await asB.del(`/v1/users/${aUserId}`)).status).toBe(404);
    expect(JSON.stringify((await asA.get('/v1/users')).body)).toContain(aUserId);
  },
  // Sign-in is per person, not per workspace: nothing to reach across; each refuses what it must.
  authLogin: async () => {
    const res = await fetch(`${stack.apiUrl}/auth/login?returnTo=/x`, {
      redirect: 'manual',
      headers: { authorization: `Bearer ${b.admin}` },
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toContain(`${stack.cognito.endpoint}/oauth2/authorize?`);
  },
  authCallback: async () => {
    const res = await fetch(`${stack.apiUrl}/auth/callback?code=x&state=y`, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.getSetCookie()).toEqual([]);
  },
  authRefresh: async () => {
    const res = await fetch(`${stack.apiUrl}/auth/refresh`, { method: 'POST' });
    expect(res.status).toBe(401);
  },
  authLogout: async () => {
    const res = await fetch(`${stack.apiUrl}/auth/logout`, { method: 'POST' });
    expect(res.status).toBe(200);
  },
  authMe: async () => {
    // An API key is not a person.
    expect((await client(stack, b.admin).get('/auth/me')).status).toBe(401);
  },
  revokeKey: async () => {
    expect((await asB.del(`/v1/keys/${aKeyId}`)).status).toBe(404);
    expect(field((await asA.get('/v1/keys')).body, 'keys')).toContainEqual(
      expect.objectContaining({ id: aKeyId, revokedAt: null }),
    );
  },
  createConnection: async () => {
    const res = await asB.post('/v1/connections', { kind: 'generic', name: 'B shop' });
    expect(res.status).toBe(201);
    expect(field(res.body, 'connection', 'webhookPath')).toContain(`/${b.id}/`);
  },
  listConnections: async () =>
    expect(JSON.stringify((await asB.get('/v1/connections')).body)).not.toContain(aConnectionId),
  getConnection: async () => expect((await asB.get(`/v1/connections/${aConnectionId}`)).status).toBe(404),
  rotateSecret: async () =>
    expect((await asB.post(`/v1/connections/${aConnectionId}/rotate-secret`, {})).status).toBe(404),
  deleteConnection: async () => {
    expect((await asB.del(`/v1/connections/${aConnectionId}`)).status).toBe(404);
    expect((await asA.get(`/v1/connections/${aConnectionId}`)).status).toBe(200);
  },
  listQuarantine: async () =>
    expect((await asB.get(`/v1/connections/${aConnectionId}/quarantine`)).status).toBe(404),
  replayQuarantine: async () =>
    expect((await asB.post(`/v1/connections/${aConnectionId}/quarantine/replay`, { all: true })).status).toBe(
      404,
    ),
  receiveWebhook: async () => {
    const body = Buffer.from(JSON.stringify({ email: 'x@a.example' }));
    const headers = sign.genericHeaders(aConnectionSecret, {
      deliveryId: 'd-1',
      topic: 'customer.upsert',
      body,
      at: new Date(),
    });
    const to = (ws: string) =>
      fetch(`${stack.apiUrl}/v1/webhooks/${ws}/${aConnectionId}`, { method: 'POST', headers, body }).then(
        (r) => r.status,
      );
    expect(await to(b.id)).toBe(401);
    expect(await to(a.id)).toBe(200);
  },
  getExport: async () => {
    expect((await asB.get(`/v1/exports/${aExportId}`)).status).toBe(404);
    expect(field((await asA.get(`/v1/exports/${aExportId}`)).body, 'content', 'secret')).toBe('A');
  },
  createSegment: async () => {
    const res = await asB.post('/v1/segments', { name: 'B seg', kind: 'static' });
    expect(res.status).toBe(201);
    // B cannot put A's contact into its segment: the id is unknown in B.
    const added = await asB.post(`/v1/segments/${String(field(res.body, 'id'))}/members`, {
      add: [aContactId],
    });
    expect(field(added.body, 'missing')).toEqual([aContactId]);
  },
  listSegments: async () =>
    expect(JSON.stringify((await asB.get('/v1/segments')).body)).not.toContain(aSegmentId),
  getSegment: async () => expect((await asB.get(`/v1/segments/${aSegmentId}`)).status).toBe(404),
  updateSegment: async () =>
    expect((await asB.patch(`/v1/segments/${aSegmentId}`, { name: 'x' })).status).toBe(404),
  deleteSegment: async () => expect((await asB.del(`/v1/segments/${aSegmentId}`)).status).toBe(404),
  previewSegment: async () => {
    const res = await asB.post('/v1/segments/preview', {
      condition: { type: 'attribute', field: 'email', op: 'exists' },
    });
    expect(JSON.stringify(res.body)).not.toContain(aContactId);
  },
  listMembers: async () => {
    expect((await asB.get(`/v1/segments/${aSegmentId}/members`)).status).toBe(404);
    expect(field((await asA.get(`/v1/segments/${aSegmentId}/members`)).body, 'contactIds')).toEqual([
      aContactId,
    ]);
  },
  changeMembers: async () =>
    expect((await asB.post(`/v1/segments/${aSegmentId}/members`, { remove: [aContactId] })).status).toBe(404),
  contactSegments: async () => {
    expect((await asB.get(`/v1/contacts/${aContactId}/segments`)).status).toBe(404);
    expect(JSON.stringify((await asA.get(`/v1/contacts/${aContactId}/segments`)).body)).toContain(aSegmentId);
  },
  startImport: async () => {
    const csv = 'email\nintruder@b.example\n';
    const res = await fetch(`${stack.apiUrl}/v1/segments/${aSegmentId}/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${b.admin}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(res.status).toBe(404);
  },
  getImport: async () => {
    const res = await fetch(`${stack.apiUrl}/v1/segments/${aSegmentId}/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.admin}`, 'content-type': 'text/csv' },
      body: 'email\nlisted@a.example\n',
    });
    const importId = String(field(await res.json(), 'id'));
    expect((await asB.get(`/v1/segments/${aSegmentId}/imports/${importId}`)).status).toBe(404);
    expect((await asA.get(`/v1/segments/${aSegmentId}/imports/${importId}`)).status).toBe(200);
  },
  getScoringModel: async () => {
    await asA.put('/v1/scoring-model', { engagement: [{ id: 'a-rule', event: 'signed_up', points: 5 }] });
    expect(JSON.stringify((await asB.get('/v1/scoring-model')).body)).not.toContain('a-rule');
  },
  putScoringModel: async () => {
    await asB.put('/v1/scoring-model', { engagement: [{ id: 'b-rule', event: 'signed_up', points: 7 }] });
    expect(JSON.stringify((await asA.get('/v1/scoring-model')).body)).not.toContain('b-rule');
  },
  setStage: async () =>
    expect((await asB.put(`/v1/contacts/${aContactId}/stage`, { stage: 'sql' })).status).toBe(404),
  scoreHistory: async () =>
    expect((await asB.get(`/v1/contacts/${aContactId}/score-history`)).status).toBe(404),
  scoreDistribution: async () => {
    const inStage = (body: unknown, stage: string) => {
      const stages = field(body, 'stages');
      const row = Array.isArray(stages) ? stages.find((s) => field(s, 'stage') === stage) : undefined;
      return Number(field(row, 'contacts'));
    };
    const before = (await asB.get('/v1/score-distribution')).body;
    await asA.put(`/v1/contacts/${aContactId}/stage`, { stage: 'opportunity' });
    expect(inStage((await asA.get('/v1/score-distribution')).body, 'opportunity')).toBeGreaterThan(0);
    expect(inStage((await asB.get('/v1/score-distribution')).body, 'opportunity')).toBe(
      inStage(before, 'opportunity'),
    );
  },
  getEmailSettings: async () => {
    await asA.put('/v1/workspace/email-settings', { postalAddress: 'A street 1, 08001 Barcelona' });
    const res = await asB.get('/v1/workspace/email-settings');
    expect(JSON.stringify(res.body)).not.toContain('A street');
  },
  putEmailSettings: async () => {
    await asB.put('/v1/workspace/email-settings', { postalAddress: 'B avenue 2, 75001 Paris' });
    expect(JSON.stringify((await asA.get('/v1/workspace/email-settings')).body)).not.toContain('B avenue');
  },
  subscribe: async () => {
    // B subscribing A's contact's email makes B's own contact; A's consent is untouched.
    expect(
      (await asB.post('/v1/subscriptions', { email: 'secret@a.example', source: 'b-form' })).status,
    ).toBe(202);
    expect(field((await asA.get(`/v1/contacts/${aContactId}`)).body, 'consent', 'email')).toBeUndefined();
  },
  setTopicConsent: async () => {
    await asB.put('/v1/workspace/email-settings', { topics: [{ id: 'news', names: { en: 'News' } }] });
    const res = await asB.put(`/v1/contacts/${aContactId}/topics/news`, {
      status: 'subscribed',
      source: 'b',
    });
    expect(res.status).toBe(404);
  },
  // A link names its workspace inside its signature: moved to another workspace, it is not valid.
  unsubscribePage: async () =>
    expect((await fetch(`${stack.apiUrl}/u/${await aLinkTokenMovedToB('unsubscribe')}`)).status).toBe(404),
  unsubscribe: async () => {
    const res = await fetch(`${stack.apiUrl}/u/${await aLinkTokenMovedToB('unsubscribe')}`, {
      method: 'POST',
      body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }),
    });
    expect(res.status).toBe(404);
  },
  confirmSubscriptionPage: async () =>
    expect((await fetch(`${stack.apiUrl}/c/${await aLinkTokenMovedToB('confirm')}`)).status).toBe(404),
  confirmSubscription: async () => {
    const res = await fetch(`${stack.apiUrl}/c/${await aLinkTokenMovedToB('confirm')}`, {
      method: 'POST',
      body: new URLSearchParams({ action: 'confirm' }),
    });
    expect(res.status).toBe(404);
  },
  // Templates: A has `a-only` (saved on first use); B's calls by that id only ever see B's own.
  saveTemplate: async () => {
    await aTemplate();
    const res = await asB.put('/v1/templates/a-only', { ...TEMPLATE, name: 'B copy' });
    expect(res.status).toBe(201);
    expect(field((await asA.get('/v1/templates/a-only')).body, 'name')).toBe('A secret');
    expect(field((await asB.get('/v1/templates/a-only')).body, 'name')).toBe('B copy');
  },
  listTemplates: async () => {
    await aTemplate();
    expect(JSON.stringify((await asB.get('/v1/templates')).body)).not.toContain('A secret');
  },
  getTemplate: async () => {
    await aTemplate();
    expect((await asB.get('/v1/templates/a-secret')).status).toBe(404);
    expect((await asA.get('/v1/templates/a-secret')).status).toBe(200);
  },
  listTemplateVersions: async () => {
    await aTemplate();
    expect((await asB.get('/v1/templates/a-secret/versions')).status).toBe(404);
  },
  previewTemplate: async () => {
    await aTemplate();
    // Neither A's template nor A's contact is visible to B.
    expect((await asB.post('/v1/templates/a-secret/preview', { contactId: aContactId })).status).toBe(404);
    await asB.put('/v1/templates/b-own', TEMPLATE);
    expect((await asB.post('/v1/templates/b-own/preview', { contactId: aContactId })).status).toBe(404);
  },
  installDefaultTemplates: async () => {
    await aTemplate();
    await asB.post('/v1/templates/defaults', { only: ['welcome'] });
    expect((await asA.get('/v1/templates/welcome')).status).toBe(404);
  },
  addSenderDomain: async () => {
    // The SES identity is A's (tagged with A): B cannot take the domain over.
    expect((await asB.post('/v1/sender-domains', { domain: aDomain })).status).toBe(409);
    expect((await asA.get(`/v1/sender-domains/${aDomain}`)).status).toBe(200);
  },
  listSenderDomains: async () => {
    const res = await asB.get('/v1/sender-domains');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain(aDomain);
  },
  getSenderDomain: async () => expect((await asB.get(`/v1/sender-domains/${aDomain}`)).status).toBe(404),
  updateSenderDomain: async () => {
    expect((await asB.patch(`/v1/sender-domains/${aDomain}`, { displayName: 'Intruder' })).status).toBe(404);
    expect(field((await asA.get(`/v1/sender-domains/${aDomain}`)).body, 'displayName')).not.toBe('Intruder');
  },
  removeSenderDomain: async () => {
    expect((await asB.del(`/v1/sender-domains/${aDomain}`)).status).toBe(404);
    expect((await asA.get(`/v1/sender-domains/${aDomain}`)).status).toBe(200);
  },
  sendEmail: async () =>
    expect(
      (await asB.post('/v1/emails', { contactId: aContactId, templateId: 'welcome', version: 1 })).status,
    ).toBe(404),
  testSend: async () =>
    expect(
      (
        await asB.post('/v1/templates/welcome/test-send', {
          contactId: aContactId,
          to: 'b@b.example',
          version: 1,
        })
      ).status,
    ).toBe(404),
  createCampaign: async () => {
    const campaignId = await aCampaign();
    // B cannot name A's segment or A's template: neither exists in B.
    const res = await asB.post('/v1/campaigns', {
      name: 'B',
      template: { templateId: 'a-news' },
      audience: { segments: { include: [aSegmentId] } },
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(field(res.body, 'error', 'issues'))).toContain('audience.segments.include[0]');
    expect(JSON.stringify(field(res.body, 'error', 'issues'))).toContain('template.templateId');
    // An Idempotency-Key is the workspace's own: B reusing A's key makes B's own campaign.
    expect((await asB.put('/v1/templates/a-news', NEWS_TEMPLATE)).status).toBe(201);
    const withKey = await fetch(`${stack.apiUrl}/v1/campaigns`, {
      method: 'POST',
      headers: { authorization: `Bearer ${b.admin}`, 'idempotency-key': A_CAMPAIGN_KEY },
      body: JSON.stringify({ name: 'B', template: { templateId: 'a-news' }, audience: { condition: VIP } }),
    });
    expect(withKey.status).toBe(201);
    expect(withKey.headers.get('idempotent-replayed')).toBeNull();
    expect(field(await withKey.json(), 'id')).not.toBe(campaignId);
  },
  listCampaigns: async () => {
    const campaignId = await aCampaign();
    expect(JSON.stringify((await asB.get('/v1/campaigns?limit=100')).body)).not.toContain(campaignId);
    expect(JSON.stringify((await asA.get('/v1/campaigns?limit=100')).body)).toContain(campaignId);
  },
  getCampaign: async () => expect((await asB.get(`/v1/campaigns/${await aCampaign()}`)).status).toBe(404),
  updateCampaign: async () => {
    const campaignId = await aCampaign();
    expect((await asB.patch(`/v1/campaigns/${campaignId}`, { name: 'x' })).status).toBe(404);
    expect(field((await asA.get(`/v1/campaigns/${campaignId}`)).body, 'name')).toBe('A campaign');
  },
  deleteCampaign: async () => {
    const campaignId = await aCampaign();
    expect((await asB.del(`/v1/campaigns/${campaignId}`)).status).toBe(404);
    expect((await asA.get(`/v1/campaigns/${campaignId}`)).status).toBe(200);
  },
  scheduleCampaign: async () => {
    const campaignId = await aCampaign();
    const at = { type: 'at', at: '2099-01-01T09:00', timeZone: 'UTC' };
    expect((await asB.post(`/v1/campaigns/${campaignId}/schedule`, at)).status).toBe(404);
    expect(field((await asA.get(`/v1/campaigns/${campaignId}`)).body, 'status')).toBe('draft');
  },
  unscheduleCampaign: async () =>
    expect((await asB.post(`/v1/campaigns/${await aCampaign()}/unschedule`, {})).status).toBe(404),
  startCampaign: async () => {
    const campaignId = await aCampaign();
    expect((await asB.post(`/v1/campaigns/${campaignId}/start`, {})).status).toBe(404);
    expect(field((await asA.get(`/v1/campaigns/${campaignId}`)).body, 'status')).toBe('draft');
  },
  pauseCampaign: async () =>
    expect((await asB.post(`/v1/campaigns/${await aCampaign()}/pause`, {})).status).toBe(404),
  resumeCampaign: async () =>
    expect((await asB.post(`/v1/campaigns/${await aCampaign()}/resume`, {})).status).toBe(404),
  cancelCampaign: async () => {
    const campaignId = await aCampaign();
    expect((await asB.post(`/v1/campaigns/${campaignId}/cancel`, {})).status).toBe(404);
    expect(field((await asA.get(`/v1/campaigns/${campaignId}`)).body, 'status')).toBe('draft');
  },
  getCampaignProgress: async () => {
    const campaignId = await aCampaign();
    expect((await asB.get(`/v1/campaigns/${campaignId}/progress`)).status).toBe(404);
    expect(field((await asA.get(`/v1/campaigns/${campaignId}/progress`)).body, 'status')).toBe('draft');
  },
  getCampaignResults: async () => {
    const campaignId = await aCampaign();
    expect((await asB.get(`/v1/campaigns/${campaignId}/results`)).status).toBe(404);
    expect(field((await asA.get(`/v1/campaigns/${campaignId}/results`)).body, 'status')).toBe('draft');
  },
  getSendingStatus: async () => {
    await stack.table.client.send(
      new PutCommand({
        TableName: stack.table.name,
        Item: { ...keys.sendingState(a.id), type: 'sendingState', v: 1, status: 'paused', reason: 'A only' },
      }),
    );
    expect(field((await asB.get('/v1/workspace/sending')).body, 'status')).toBe('active');
    expect(field((await asA.get('/v1/workspace/sending')).body, 'reason')).toBe('A only');
  },
  resumeSending: async () => {
    await asB.post('/v1/workspace/sending/resume', {});
    expect(field((await asA.get('/v1/workspace/sending')).body, 'status')).toBe('paused');
  },
  emailStats: async () => {
    await countersRepository(stack.table).addToOrigin(a.id, 'campaign', 'cmp_a', { opened: 2 });
    expect(field((await asB.get('/v1/email-stats/campaign/cmp_a')).body, 'counts', 'opened')).toBe(0);
    expect(field((await asA.get('/v1/email-stats/campaign/cmp_a')).body, 'counts', 'opened')).toBe(2);
  },
  createJourney: async () => {
    await aJourney();
    // B cannot name A's template: it does not exist in B.
    const res = await asB.post('/v1/journeys', journeyOn('a-news-only'));
    expect(res.status).toBe(422);
    expect(JSON.stringify(field(res.body, 'error', 'issues'))).toContain('steps[0].template.templateId');
  },
  listJourneys: async () => {
    const journeyId = await aJourney();
    expect(JSON.stringify((await asB.get('/v1/journeys?limit=100')).body)).not.toContain(journeyId);
    expect(JSON.stringify((await asA.get('/v1/journeys?limit=100')).body)).toContain(journeyId);
  },
  getJourney: async () => expect((await asB.get(`/v1/journeys/${await aJourney()}`)).status).toBe(404),
  journeyReport: async () => {
    const journeyId = await aJourney();
    expect((await asB.get(`/v1/journeys/${journeyId}/report`)).status).toBe(404);
    expect(field((await asA.get(`/v1/journeys/${journeyId}/report`)).body, 'runs', 'entered')).toBe(0);
  },
  getJourneyVersion: async () =>
    expect((await asB.get(`/v1/journeys/${await aJourney()}/versions/1`)).status).toBe(404),
  updateJourney: async () => {
    const journeyId = await aJourney();
    expect((await asB.put(`/v1/journeys/${journeyId}`, journeyOn('a-news-only'))).status).toBe(404);
    expect(field((await asA.get(`/v1/journeys/${journeyId}`)).body, 'version')).toBe(1);
  },
  deleteJourney: async () => {
    const journeyId = await aJourney();
    expect((await asB.del(`/v1/journeys/${journeyId}`)).status).toBe(404);
    expect((await asA.get(`/v1/journeys/${journeyId}`)).status).toBe(200);
  },
  startJourney: async () => {
    const journeyId = await aJourney();
    expect((await asB.post(`/v1/journeys/${journeyId}/start`, {})).status).toBe(404);
    expect(field((await asA.get(`/v1/journeys/${journeyId}`)).body, 'status')).toBe('draft');
  },
  pauseJourney: async () =>
    expect((await asB.post(`/v1/journeys/${await aJourney()}/pause`, {})).status).toBe(404),
  archiveJourney: async () =>
    expect((await asB.post(`/v1/journeys/${await aJourney()}/archive`, {})).status).toBe(404),
  listReadyMadeJourneys: async () => {
    const enabled = await asA.post('/v1/journeys/ready-made/win-back', {});
    expect([200, 201]).toContain(enabled.status);
    const seen = (body: unknown) =>
      JSON.stringify(body).includes(`"journey":{"id":"${String(field(enabled.body, 'id'))}"`);
    expect(seen((await asA.get('/v1/journeys/ready-made')).body)).toBe(true);
    expect(seen((await asB.get('/v1/journeys/ready-made')).body)).toBe(false);
  },
  enableReadyMadeJourney: async () => {
    // A's switch-on is A's alone: B switching the same one on makes B's own, A's journey untouched.
    const a = await asA.post('/v1/journeys/ready-made/birthday', {});
    expect([200, 201]).toContain(a.status);
    const aId = String(field(a.body, 'id'));
    await asA.post(`/v1/journeys/${aId}/pause`, {});
    const b = await asB.post('/v1/journeys/ready-made/birthday', { sendAt: '11:00' });
    expect(b.status).toBe(201);
    expect(field((await asA.get(`/v1/journeys/${aId}`)).body, 'status')).toBe('paused');
    expect(field((await asA.get(`/v1/journeys/${aId}`)).body, 'definition', 'trigger', 'at')).toBe('09:00');
  },
  dryRunJourney: async () => {
    const journeyId = await aJourney();
    expect((await asB.post('/v1/journeys/dry-run', { journeyId })).status).toBe(404);
    expect(
      (
        await asB.post('/v1/journeys/dry-run', {
          definition: journeyOn('a-news-only'),
          contactId: aContactId,
        })
      ).status,
    ).toBe(404);
    expect((await asA.post('/v1/journeys/dry-run', { journeyId, contactId: aContactId })).status).toBe(200);
  },
  createWebhookEndpoint: async () => {
    const aId = await aEndpoint();
    const res = await asB.post('/v1/webhook-endpoints', {
      url: 'http://127.0.0.1:9/b',
      eventTypes: ['journey.signal'],
    });
    expect(res.status).toBe(201);
    const bId = String(field(res.body, 'endpoint', 'id'));
    expect(JSON.stringify((await asA.get('/v1/webhook-endpoints?limit=100')).body)).not.toContain(bId);
    expect(JSON.stringify((await asB.get('/v1/webhook-endpoints?limit=100')).body)).not.toContain(aId);
  },
  listWebhookEndpoints: async () => {
    const aId = await aEndpoint();
    expect(JSON.stringify((await asB.get('/v1/webhook-endpoints?limit=100')).body)).not.toContain(aId);
    expect(JSON.stringify((await asA.get('/v1/webhook-endpoints?limit=100')).body)).toContain(aId);
  },
  getWebhookEndpoint: async () =>
    expect((await asB.get(`/v1/webhook-endpoints/${await aEndpoint()}`)).status).toBe(404),
  updateWebhookEndpoint: async () => {
    const aId = await aEndpoint();
    expect((await asB.patch(`/v1/webhook-endpoints/${aId}`, { description: 'B was here' })).status).toBe(404);
    expect(field((await asA.get(`/v1/webhook-endpoints/${aId}`)).body, 'description')).toBe('A only');
  },
  deleteWebhookEndpoint: async () => {
    const aId = await aEndpoint();
    expect((await asB.del(`/v1/webhook-endpoints/${aId}`)).status).toBe(404);
    expect((await asA.get(`/v1/webhook-endpoints/${aId}`)).status).toBe(200);
  },
  rotateWebhookEndpointSecret: async () => {
    const aId = await aEndpoint();
    expect((await asB.post(`/v1/webhook-endpoints/${aId}/rotate-secret`, {})).status).toBe(404);
    expect(field((await asA.get(`/v1/webhook-endpoints/${aId}`)).body, 'secrets')).toHaveLength(1);
  },
  listWebhookDeliveries: async () => {
    const aId = await aEndpoint();
    expect((await asB.get(`/v1/webhook-endpoints/${aId}/deliveries`)).status).toBe(404);
    expect((await asA.get(`/v1/webhook-endpoints/${aId}/deliveries`)).status).toBe(200);
  },
  replayWebhookDelivery: async () => {
    const aId = await aEndpoint();
    const path = `/v1/webhook-endpoints/${aId}/deliveries/ev_${'0'.repeat(26)}/replay`;
    expect((await asB.post(path, {})).status).toBe(404);
  },
  openApi: async () => expect((await client(stack).get('/v1/openapi.json')).status).toBe(200),
};

let aEndpointId: Promise<string> | undefined;
/** A's outgoing webhook endpoint (made once), on an event type nothing here emits. */
const aEndpoint = () => {
  aEndpointId ??= (async () => {
    const res = await asA.post('/v1/webhook-endpoints', {
      url: 'http://127.0.0.1:9/a',
      eventTypes: ['journey.signal'],
      description: 'A only',
    });
    expect(res.status).toBe(201);
    return String(field(res.body, 'endpoint', 'id'));
  })();
  return aEndpointId;
};

const journeyOn = (templateId: string) => ({
  name: 'A journey',
  trigger: { type: 'event', event: 'signed_up' },
  steps: [{ id: 'hello', type: 'email', template: { templateId } }],
});
let aJourneyId: Promise<string> | undefined;
/** A's draft journey on A's template (made once). */
const aJourney = () => {
  aJourneyId ??= (async () => {
    expect((await asA.put('/v1/templates/a-news-only', NEWS_TEMPLATE)).status).toBe(201);
    const res = await asA.post('/v1/journeys', journeyOn('a-news-only'));
    expect(res.status).toBe(201);
    return String(field(res.body, 'id'));
  })();
  return aJourneyId;
};

/** A real link token of A's contact (signed by the stack's link key), its workspace changed to B's. */
const aLinkTokenMovedToB = async (purpose: 'unsubscribe' | 'confirm') => {
  const { signingLinkKey } = await import('../../functions/shared/subscription-deps.ts');
  const { signLinkToken } = await import('../../lib/subscriptions/link-token.ts');
  const token = signLinkToken(
    await signingLinkKey(),
    { purpose, workspaceId: a.id, contactId: aContactId },
    new Date(),
  );
  const [payload = '', signature = ''] = token.split('.');
  const moved = Buffer.from(payload, 'base64url').toString().replace(a.id, b.id);
  return `${Buffer.from(moved).toString('base64url')}.${signature}`;
};
const TEMPLATE = {
  name: 'A secret',
  kind: 'transactional',
  locales: { en: { subject: 'Hi', html: '<p>{{ contact.email }}</p>' } },
};
const VIP = { type: 'tag', op: 'has', value: 'vip' };
const NEWS_TEMPLATE = {
  name: 'News',
  kind: 'marketing',
  locales: {
    en: {
      subject: 'News',
      html: '<p>News <a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ workspace.postal_address }}</p>',
    },
  },
};
const A_CAMPAIGN_KEY = 'a-campaign-key-1';
let aCampaignId: Promise<string> | undefined;
/** A's draft campaign (made once, with an Idempotency-Key), on A's marketing template and segment. */
const aCampaign = () => {
  aCampaignId ??= (async () => {
    expect((await asA.put('/v1/templates/a-news', NEWS_TEMPLATE)).status).toBe(201);
    const res = await fetch(`${stack.apiUrl}/v1/campaigns`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.admin}`, 'idempotency-key': A_CAMPAIGN_KEY },
      body: JSON.stringify({
        name: 'A campaign',
        template: { templateId: 'a-news' },
        audience: { segments: { include: [aSegmentId] } },
      }),
    });
    expect(res.status).toBe(201);
    return String(field(await res.json(), 'id'));
  })();
  return aCampaignId;
};
let aTemplateSaved = false;
const aTemplate = async () => {
  if (aTemplateSaved) return;
  expect((await asA.put('/v1/templates/a-only', TEMPLATE)).status).toBe(201);
  expect((await asA.put('/v1/templates/a-secret', TEMPLATE)).status).toBe(201);
  aTemplateSaved = true;
};

describe('workspace isolation', () => {
  it('has a cross-workspace check for every route', () => {
    expect(Object.keys(crossWorkspace).sort()).toEqual(Object.keys(routes).sort());
  });

  for (const [operation, check] of Object.entries(crossWorkspace)) {
    it(`${operation}: workspace B cannot reach workspace A`, check);
  }
});

describe('keys and scopes', () => {
  it('answers 401 in the product error format without a key, with a malformed, wrong, unknown or revoked one', async () => {
    const unauthorized = async (token: string | undefined) => {
      const res = await client(stack, token).get('/v1/contacts');
      expect(res.status, String(token)).toBe(401);
      expect(field(res.body, 'error', 'code')).toBe('unauthorized');
      expect(field(res.body, 'error', 'status')).toBe(401);
    };
    await unauthorized(undefined);
    await unauthorized('nonsense');
    const res = await client(stack, a.admin).post('/v1/keys', { name: 'temp', scopes: ['read'] });
    const token = String(field(res.body, 'token'));
    const keyId = String(field(res.body, 'key', 'id'));
    await unauthorized(`${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`);
    await unauthorized(token.replace(`.${a.id}.`, '.ws_nosuchplace.'));
    await unauthorized(token.replace(`.${keyId}.`, `.k_${'0'.repeat(26)}.`));
    expect((await client(stack, token).get('/v1/contacts')).status).toBe(200);
    expect((await asA.del(`/v1/keys/${keyId}`)).status).toBe(200);
    await unauthorized(token);
    const refused = await client(stack, token).post('/v1/contacts', { email: 'x@a.example' });
    expect(refused.status).toBe(401);
  });

  it('answers 403 in the product error format when a valid key lacks the scope', async () => {
    const res = await client(stack, a.read).post('/v1/contacts', { email: 'x@a.example' });
    expect(res.status).toBe(403);
    expect(field(res.body, 'error', 'code')).toBe('forbidden');
  });

  it('gives each scope what it should, no more', async () => {
    const ingest = client(stack, a.ingest);
    const read = client(stack, a.read);
    const write = client(stack, a.write);
    expect((await ingest.post('/v1/track', { name: 'page_viewed', anonymousId: 'v-1' })).status).toBe(202);
    expect((await ingest.get('/v1/contacts')).status).toBe(403);
    expect((await ingest.post('/v1/contacts', { email: 'x@a.example' })).status).toBe(403);
    expect((await read.get(`/v1/contacts/${aContactId}`)).status).toBe(200);
    expect((await read.patch(`/v1/contacts/${aContactId}`, { firstName: 'x' })).status).toBe(403);
    expect((await read.post('/v1/track', { name: 'page_viewed', anonymousId: 'v-1' })).status).toBe(403);
    expect((await write.patch(`/v1/contacts/${aContactId}`, { lastName: 'Writer' })).status).toBe(200);
    expect((await write.get(`/v1/contacts/${aContactId}/export`)).status).toBe(403);
    expect((await write.del(`/v1/contacts/${aContactId}`)).status).toBe(403);
    expect((await write.post('/v1/keys', { name: 'x', scopes: ['admin'] })).status).toBe(403);
    const forbidden = await write.get('/v1/keys');
    expect(field(forbidden.body, 'error', 'code')).toBe('forbidden');
  });

  it('answers a browser preflight for tracking', async () => {
    const res = await fetch(`${stack.apiUrl}/v1/track`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
  });
});

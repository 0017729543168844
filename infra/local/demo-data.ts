/**
 * The demo workspace of the local stack: an admin key, a browser ingest key, the demo user who signs
 * in to the console (its admin), and a few contacts with their events, put in through the HTTP API the
 * way a storefront and a marketer would.
 */
import { systemClock } from '../../lib/shared/clock.ts';
import type { Table } from '../../lib/shared/table.ts';
import { membershipsRepository } from '../../lib/users/memberships.repository.ts';
import { createWorkspace, issueApiKey } from '../../lib/workspaces/api-keys.ts';
import { workspacesRepository } from '../../lib/workspaces/workspaces.repository.ts';

export const DEMO_WORKSPACE = 'ws_demo';
/** The demo workspace's sender domain: verified at once by the local SES, its DNS records published locally. */
export const DEMO_SENDER_DOMAIN = 'demo-shop.example';

/** The demo user: admin of the demo workspace, signs in to the console. */
export const DEMO_USER = { email: 'demo@ecrm.local', password: 'demo-password' } as const;

/**
 * The demo user in the local user pool (signs in at once, no temporary password) and, once, their
 * admin membership of the demo workspace.
 */
export const createDemoUser = async (
  table: Table,
  pool: { createUser(email: string, password: string): { sub: string; email: string } },
): Promise<{ email: string; password: string }> => {
  const user = pool.createUser(DEMO_USER.email, DEMO_USER.password);
  const memberships = membershipsRepository(table);
  if (!(await memberships.get(DEMO_WORKSPACE, user.sub, true))) {
    const workspace = await workspacesRepository(table).get(DEMO_WORKSPACE);
    await memberships.add(
      {
        type: 'member',
        v: 1,
        workspaceId: DEMO_WORKSPACE,
        userId: user.sub,
        email: user.email,
        role: 'admin',
        addedAt: systemClock.now().toISOString(),
      },
      workspace?.name ?? DEMO_WORKSPACE,
    );
  }
  return { ...DEMO_USER };
};

export interface DemoKeys {
  readonly workspaceId: string;
  readonly apiKey: string;
  readonly ingestKey: string;
}

const people = [
  {
    email: 'ana.garcia@example.com',
    firstName: 'Ana',
    lastName: 'García',
    locale: 'es-ES',
    timezone: 'Europe/Madrid',
    tags: ['vip'],
  },
  {
    email: 'ben.okafor@example.com',
    firstName: 'Ben',
    lastName: 'Okafor',
    locale: 'en-GB',
    timezone: 'Europe/London',
    tags: [],
  },
  {
    email: 'chloe.martin@example.com',
    firstName: 'Chloé',
    lastName: 'Martin',
    locale: 'fr-FR',
    timezone: 'Europe/Paris',
    tags: ['b2b'],
  },
  {
    email: 'dmitri.ivanov@example.com',
    firstName: 'Dmitri',
    lastName: 'Ivanov',
    locale: 'en-US',
    timezone: 'America/New_York',
    tags: [],
  },
  {
    email: 'emma.schulz@example.com',
    firstName: 'Emma',
    lastName: 'Schulz',
    locale: 'de-DE',
    timezone: 'Europe/Berlin',
    tags: ['newsletter'],
  },
];

export const createDemoKeys = async (table: Table): Promise<DemoKeys> => {
  const deps = { workspaces: workspacesRepository(table), clock: systemClock };
  if (!(await deps.workspaces.get(DEMO_WORKSPACE))) {
    await createWorkspace({ id: DEMO_WORKSPACE, name: 'Demo shop' }, deps);
  }
  const admin = await issueApiKey(
    { workspaceId: DEMO_WORKSPACE, name: 'demo admin', scopes: ['admin'] },
    deps,
  );
  const ingest = await issueApiKey(
    { workspaceId: DEMO_WORKSPACE, name: 'demo website', scopes: ['ingest'] },
    deps,
  );
  return { workspaceId: DEMO_WORKSPACE, apiKey: admin.token, ingestKey: ingest.token };
};

const call = async (apiUrl: string, key: string, method: string, path: string, body: unknown) => {
  const res = await fetch(`${apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`demo data: ${method} ${path} answered ${res.status}: ${await res.text()}`);
  const text = await res.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  return parsed;
};

/**
 * The demo sender domain. With `--data` the table keeps it across restarts while the local SES starts
 * empty: registering again (after forgetting the stale one) gives the new SES its identity.
 */
const registerDemoSenderDomain = async (apiUrl: string, key: string): Promise<void> => {
  const body = { domain: DEMO_SENDER_DOMAIN, displayName: 'Demo shop', fromLocalPart: 'hello' };
  const first = await fetch(`${apiUrl}/v1/sender-domains`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (first.status !== 409) {
    if (!first.ok)
      throw new Error(`demo data: POST /v1/sender-domains answered ${first.status}: ${await first.text()}`);
    await first.arrayBuffer();
    return;
  }
  await first.arrayBuffer();
  await call(apiUrl, key, 'DELETE', `/v1/sender-domains/${DEMO_SENDER_DOMAIN}`, undefined);
  await call(apiUrl, key, 'POST', '/v1/sender-domains', body);
};

/**
 * Contacts, consent, email settings, two dynamic segments, a scoring model, a storefront connection,
 * tracked events (one anonymous visitor who then signs up), a logged call, and the shipped email templates.
 */
export const seedDemoData = async (apiUrl: string, keys: DemoKeys): Promise<void> => {
  // Model and segments first: everything that follows is scored and segmented as it happens.
  await call(apiUrl, keys.apiKey, 'POST', '/v1/segments', {
    name: 'Email subscribers',
    condition: { type: 'consent', channel: 'email', status: 'subscribed' },
  });
  await call(apiUrl, keys.apiKey, 'POST', '/v1/segments', {
    name: 'Looked at products',
    condition: { type: 'event', name: 'product_viewed', op: 'did', withinLastDays: 30 },
  });
  await call(apiUrl, keys.apiKey, 'PUT', '/v1/scoring-model', {
    engagement: [
      { id: 'product-view', event: 'product_viewed', points: 15, cap: { points: 45, per: 'day' } },
      { id: 'page-view', event: 'page_viewed', points: 2, cap: { points: 10, per: 'day' } },
    ],
    decay: { mode: 'halfLife', days: 30 },
  });
  // Email settings: marketing needs a postal address; two topics for the preference centre.
  await call(apiUrl, keys.apiKey, 'PUT', '/v1/workspace/email-settings', {
    defaultLocale: 'en',
    postalAddress: 'Demo Shop, Carrer de Mallorca 401, 08013 Barcelona, Spain',
    salesAddress: 'sales@demo-shop.example',
    topics: [
      {
        id: 'newsletter',
        names: { en: 'Newsletter', es: 'Boletín', fr: 'Newsletter', it: 'Newsletter', 'zh-Hant': '電子報' },
      },
      {
        id: 'product-news',
        names: {
          en: 'New products',
          es: 'Novedades',
          fr: 'Nouveautés',
          it: 'Novità',
          'zh-Hant': '新品消息',
        },
        subscribedByDefault: false,
      },
    ],
  });
  await call(apiUrl, keys.apiKey, 'POST', '/v1/connections', { kind: 'generic', name: 'Demo custom shop' });
  await call(apiUrl, keys.apiKey, 'POST', '/v1/templates/defaults', {});
  await registerDemoSenderDomain(apiUrl, keys.apiKey);
  const ids: string[] = [];
  for (const person of people) {
    const result = await call(apiUrl, keys.apiKey, 'POST', '/v1/contacts', person);
    const id =
      typeof result === 'object' &&
      result !== null &&
      'contact' in result &&
      typeof result.contact === 'object' &&
      result.contact
        ? Reflect.get(result.contact, 'id')
        : undefined;
    if (typeof id === 'string') ids.push(id);
  }
  for (const id of ids.slice(0, 3)) {
    await call(apiUrl, keys.apiKey, 'PUT', `/v1/contacts/${id}/consent/email`, {
      status: 'subscribed',
      source: 'demo signup form',
    });
  }
  const now = Date.now();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  await call(apiUrl, keys.ingestKey, 'POST', '/v1/track', {
    batch: [
      {
        id: 'demo-1',
        name: 'page_viewed',
        anonymousId: 'demo-visitor-1',
        occurredAt: at(50),
        properties: { path: '/' },
      },
      {
        id: 'demo-2',
        name: 'product_viewed',
        anonymousId: 'demo-visitor-1',
        occurredAt: at(45),
        properties: { sku: 'TEE-RED-M', price: 2500 },
      },
      {
        id: 'demo-3',
        name: 'page_viewed',
        email: 'ana.garcia@example.com',
        occurredAt: at(30),
        properties: { path: '/pricing' },
      },
      {
        id: 'demo-4',
        name: 'newsletter_opened',
        email: 'emma.schulz@example.com',
        occurredAt: at(20),
        properties: { issue: 42 },
      },
    ],
  });
  await call(apiUrl, keys.apiKey, 'POST', '/v1/contacts', {
    email: 'fatima.zahra@example.com',
    firstName: 'Fatima',
    anonymousId: 'demo-visitor-1',
    locale: 'ar-MA',
    timezone: 'Africa/Casablanca',
  });
  if (ids[1]) {
    await call(apiUrl, keys.apiKey, 'POST', `/v1/contacts/${ids[1]}/interactions`, {
      id: 'demo-call-1',
      kind: 'call',
      summary: 'Asked about wholesale prices; sending a quote.',
      by: 'sales@demo.shop',
      durationMinutes: 12,
    });
  }
};

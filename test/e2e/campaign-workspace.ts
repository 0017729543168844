/**
 * A workspace ready to send campaigns on the local stack: email settings (postal address, the
 * `offers` topic), a marketing template `news` of that topic and a verified default sender domain.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import { client, workspaceWithKeys } from './harness.ts';

export const POSTAL = 'Carrer de Mallorca 401, 08013 Barcelona';

export const campaignWorkspace = async (stack: LocalStack, newsHtml: string) => {
  const ws = await workspaceWithKeys(stack);
  const api = client(stack, ws.admin);
  const settings = { postalAddress: POSTAL, topics: [{ id: 'offers', names: { en: 'Offers' } }] };
  expect((await api.put('/v1/workspace/email-settings', settings)).status).toBe(200);
  const news = {
    name: 'News',
    kind: 'marketing',
    topic: 'offers',
    locales: { en: { subject: 'Winter news', html: newsHtml } },
  };
  expect((await api.put('/v1/templates/news', news)).status).toBe(201);
  const domain = `brand-${randomBytes(3).toString('hex')}.example`;
  const sender = { domain, displayName: 'Brand', default: true };
  expect((await api.post('/v1/sender-domains', sender)).status).toBe(201);
  return { ws, api, domain };
};

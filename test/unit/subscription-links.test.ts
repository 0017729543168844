import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newMessageId } from '../../lib/email/message.schema.ts';
import { fixedClock } from '../../lib/shared/clock.ts';
import {
  InvalidLinkError,
  LINK_MAX_AGE_DAYS,
  type LinkKey,
  signLinkToken,
  verifyLinkToken,
} from '../../lib/subscriptions/link-token.ts';
import { confirmationLink, recipientLinks } from '../../lib/subscriptions/links.ts';
import { subscriptionPort } from '../../lib/subscriptions/subscription-port.ts';

const key: LinkKey = { kid: 'k1abcdef', secret: randomBytes(32) };
const keyFor = (kid: string) => (kid === key.kid ? key.secret : undefined);
const ws = 'ws_links';
const contactId = 'c_01jabcdefghjkmnpqrstvwxyz0';
const sentAt = new Date('2026-03-01T10:00:00.000Z');
const days = (n: number) => new Date(sentAt.getTime() + n * 86_400_000);

const tokenOf = (url: string) => url.split('/').at(-1)?.split('#')[0] ?? '';

describe('link tokens', () => {
  it('round-trips workspace, contact, topic, message and issue time', () => {
    const messageId = newMessageId(sentAt);
    const token = signLinkToken(
      key,
      { purpose: 'unsubscribe', workspaceId: ws, contactId, topic: 'newsletter', messageId },
      sentAt,
    );
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyLinkToken(token, 'unsubscribe', keyFor, sentAt)).toEqual({
      purpose: 'unsubscribe',
      workspaceId: ws,
      contactId,
      topic: 'newsletter',
      messageId,
      issuedAt: sentAt.toISOString(),
    });
  });

  it('still works 31 days later, and a year later', () => {
    const token = signLinkToken(key, { purpose: 'unsubscribe', workspaceId: ws, contactId }, sentAt);
    expect(verifyLinkToken(token, 'unsubscribe', keyFor, days(31)).contactId).toBe(contactId);
    expect(verifyLinkToken(token, 'unsubscribe', keyFor, days(365)).contactId).toBe(contactId);
  });

  it('stops working after years, and refuses a token issued in the future', () => {
    const token = signLinkToken(key, { purpose: 'unsubscribe', workspaceId: ws, contactId }, sentAt);
    expect(() => verifyLinkToken(token, 'unsubscribe', keyFor, days(LINK_MAX_AGE_DAYS + 1))).toThrow(
      InvalidLinkError,
    );
    expect(() => verifyLinkToken(token, 'unsubscribe', keyFor, days(-1))).toThrow(InvalidLinkError);
  });

  it('refuses a tampered token: any payload byte, the signature, or a payload swapped for another', () => {
    const token = signLinkToken(key, { purpose: 'unsubscribe', workspaceId: ws, contactId }, sentAt);
    const [payload = '', signature = ''] = token.split('.');
    const decoded = Buffer.from(payload, 'base64url').toString('utf8');
    const otherContact = decoded.replace(contactId, 'c_01jabcdefghjkmnpqrstvwxyz1');
    const forged = `${Buffer.from(otherContact).toString('base64url')}.${signature}`;
    const flip = (text: string, at: number) =>
      `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;
    const flipped = `${payload}.${flip(signature, 20)}`;
    // The last character of a 32-byte base64url value has two spare bits: B and A decode alike.
    const respelled = `${payload}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : signature.endsWith('B') ? 'A' : 'X'}`;
    for (const bad of [forged, flipped, respelled, `${payload}.`, payload, `${token}x`, '', 'a.b']) {
      expect(() => verifyLinkToken(bad, 'unsubscribe', keyFor, sentAt), bad).toThrow(InvalidLinkError);
    }
  });

  it("refuses a foreign token: another deployment's key, with the same or another key id", () => {
    const foreignSameKid: LinkKey = { kid: key.kid, secret: randomBytes(32) };
    const foreignOtherKid: LinkKey = { kid: 'zzzzzzzz', secret: randomBytes(32) };
    for (const foreign of [foreignSameKid, foreignOtherKid]) {
      const token = signLinkToken(foreign, { purpose: 'unsubscribe', workspaceId: ws, contactId }, sentAt);
      expect(() => verifyLinkToken(token, 'unsubscribe', keyFor, sentAt)).toThrow(InvalidLinkError);
    }
  });

  it('keeps purposes apart: a confirmation link does not unsubscribe, nor the reverse', () => {
    const confirm = signLinkToken(key, { purpose: 'confirm', workspaceId: ws, contactId }, sentAt);
    const unsubscribe = signLinkToken(key, { purpose: 'unsubscribe', workspaceId: ws, contactId }, sentAt);
    expect(() => verifyLinkToken(confirm, 'unsubscribe', keyFor, sentAt)).toThrow(/not a unsubscribe link/);
    expect(() => verifyLinkToken(unsubscribe, 'confirm', keyFor, sentAt)).toThrow(/not a confirm link/);
  });

  it('refuses to sign ids that are not ids (nothing else can get into a token)', () => {
    expect(() =>
      signLinkToken(key, { purpose: 'unsubscribe', workspaceId: 'ws_x.y', contactId }, sentAt),
    ).toThrow();
    expect(() =>
      signLinkToken(key, { purpose: 'unsubscribe', workspaceId: ws, contactId, topic: 'News.x' }, sentAt),
    ).toThrow();
  });
});

describe('recipient links', () => {
  it('point the visible link, the one-click target and the preference centre at one signed page', () => {
    const links = recipientLinks('https://mail.example.com/', key, { workspaceId: ws, contactId }, sentAt);
    expect(links.unsubscribeUrl).toMatch(/^https:\/\/mail\.example\.com\/u\/[A-Za-z0-9_.-]+$/);
    expect(links.oneClickUrl).toBe(links.unsubscribeUrl);
    expect(links.preferencesUrl).toBe(`${links.unsubscribeUrl}#preferences`);
    const token = tokenOf(links.unsubscribeUrl);
    expect(verifyLinkToken(token, 'unsubscribe', keyFor, days(31)).contactId).toBe(contactId);
  });

  it('confirmation links go to /c/ with a confirm token', () => {
    const url = confirmationLink('https://mail.example.com', key, { workspaceId: ws, contactId }, sentAt);
    expect(url).toMatch(/^https:\/\/mail\.example\.com\/c\//);
    expect(verifyLinkToken(tokenOf(url), 'confirm', keyFor, sentAt).workspaceId).toBe(ws);
  });

  it('the port signs with the loaded key at the clock it is given, carrying the message id', async () => {
    const clock = fixedClock(sentAt.toISOString());
    const port = subscriptionPort({ linkKey: async () => key, publicUrl: 'https://x.example', clock });
    const messageId = newMessageId(sentAt);
    const links = await port.links(ws, contactId, 'newsletter', messageId);
    const claims = verifyLinkToken(tokenOf(links.oneClickUrl), 'unsubscribe', keyFor, days(31));
    expect(claims).toMatchObject({ topic: 'newsletter', messageId, issuedAt: sentAt.toISOString() });
  });

  it('gives test sends inert links: under the public pages, naming no contact, refused when opened', () => {
    const clock = fixedClock(sentAt.toISOString());
    const port = subscriptionPort({ linkKey: async () => key, publicUrl: 'https://x.example/', clock });
    const links = port.inertLinks();
    expect(links.oneClickUrl).toBe('https://x.example/u/test-send');
    for (const url of Object.values(links)) {
      expect(url.startsWith('https://x.example/u/')).toBe(true);
      expect(() => verifyLinkToken(tokenOf(url), 'unsubscribe', keyFor, sentAt)).toThrow(InvalidLinkError);
    }
  });
});

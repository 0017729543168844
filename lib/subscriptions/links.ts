/**
 * The public links of a contact: the unsubscribe page (which is also the RFC 8058 one-click target and
 * the preference centre) and the double opt-in confirmation page, each carrying a signed token.
 */
import type { RecipientLinks } from '../email/ports.ts';
import { type LinkClaims, type LinkKey, signLinkToken } from './link-token.ts';

/** Where the pages live under the public base URL (routes `/u/{token}` and `/c/{token}`). */
export const LINK_PATHS = { unsubscribe: '/u/', confirm: '/c/' } as const;

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

export const recipientLinks = (
  publicUrl: string,
  key: LinkKey,
  claims: Omit<LinkClaims, 'purpose' | 'issuedAt'>,
  now: Date,
): RecipientLinks => {
  const url = `${base(publicUrl)}${LINK_PATHS.unsubscribe}${signLinkToken(key, { ...claims, purpose: 'unsubscribe' }, now)}`;
  return { unsubscribeUrl: url, oneClickUrl: url, preferencesUrl: `${url}#preferences` };
};

/**
 * The links of a test send: under the public pages like real ones, but their "token" is not one (no
 * contact, no signature), so the page answers that the link does not work and nothing changes.
 */
export const INERT_TOKEN = 'test-send';

export const inertLinks = (publicUrl: string): RecipientLinks => {
  const url = `${base(publicUrl)}${LINK_PATHS.unsubscribe}${INERT_TOKEN}`;
  return { unsubscribeUrl: url, oneClickUrl: url, preferencesUrl: `${url}#preferences` };
};

export const confirmationLink = (
  publicUrl: string,
  key: LinkKey,
  claims: { workspaceId: string; contactId: string },
  now: Date,
): string =>
  `${base(publicUrl)}${LINK_PATHS.confirm}${signLinkToken(key, { ...claims, purpose: 'confirm' }, now)}`;

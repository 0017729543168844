/**
 * What subscriptions need: contacts and workspaces, and the deployment's link key (sealed in the table,
 * opened with KMS once per container). The send path takes its SubscriptionPort from here.
 */
import { contactsRepository } from '../../lib/contacts/contacts.repository.ts';
import { kmsClient } from '../../lib/shared/aws/kms.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import type { SubscriptionDeps } from '../../lib/subscriptions/deps.ts';
import { cachedLinkKey, loadLinkKey } from '../../lib/subscriptions/link-key.ts';
import { linkKeysRepository } from '../../lib/subscriptions/link-keys.repository.ts';
import { previewLinks } from '../../lib/subscriptions/preview-links.ts';
import { subscriptionPort } from '../../lib/subscriptions/subscription-port.ts';
import { workspacesRepository } from '../../lib/workspaces/workspaces.repository.ts';
import { awsEndpoint } from './aws-endpoint.ts';
import { config } from './config.ts';
import { once, table } from './deps.ts';
import { kmsLinkKeyBox } from './kms-link-key-box.ts';

const linkKeyDeps = once(() => ({
  linkKeys: linkKeysRepository(table()),
  box: kmsLinkKeyBox(kmsClient(awsEndpoint('kms', 'KMS', 'kms')), config('kms').SECRETS_KEY_ID),
  clock: systemClock,
}));

/**
 * The link key, opened once per container (a failed attempt is retried by the next caller). Signers
 * create it on first use (KMS Encrypt and a table write: access `kms: 'encryptDecrypt'`); the pages
 * only read it (`kms: 'decrypt'`).
 */
export const signingLinkKey = cachedLinkKey(() => loadLinkKey(linkKeyDeps(), 'create'));
const checkingLinkKey = cachedLinkKey(() => loadLinkKey(linkKeyDeps(), 'existing'));

/** For the public pages and the API: links are checked, never signed. */
export const subscriptionDeps = once(
  (): SubscriptionDeps => ({
    contacts: contactsRepository(table()),
    workspaces: workspacesRepository(table()),
    clock: systemClock,
    linkKey: checkingLinkKey,
  }),
);

const signingPortDeps = () => ({
  linkKey: signingLinkKey,
  publicUrl: config('links').PUBLIC_URL,
  clock: systemClock,
});

/** The SubscriptionPort of the send path: eligibility and signed links under PUBLIC_URL. */
export const subscriptions = once(() => subscriptionPort(signingPortDeps()));

/** A template preview's links: the send path's, and the double opt-in confirmation link. */
export const previewLinkPort = once(() => previewLinks(signingPortDeps()));

/** For sending double opt-in confirmations: signs confirmation links under PUBLIC_URL. */
export const confirmationLinkDeps = once(() => ({
  contacts: contactsRepository(table()),
  clock: systemClock,
  linkKey: signingLinkKey,
  publicUrl: config('links').PUBLIC_URL,
}));

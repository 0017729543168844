/**
 * A public link opened: its token verified (signature, purpose, age), then the workspace and contact
 * it names read. A link to a workspace being deleted or a contact that is gone (erased) is no longer
 * valid: there is nothing left to unsubscribe.
 */
import type { Contact } from '../contacts/contact.schema.ts';
import type { EmailSettings } from '../workspaces/email-settings.schema.ts';
import type { SubscriptionDeps } from './deps.ts';
import { settingsOf } from './email-settings.ts';
import { InvalidLinkError, type LinkClaims, type LinkPurpose, verifyLinkToken } from './link-token.ts';

export interface OpenedLink {
  readonly claims: LinkClaims;
  readonly contact: Contact;
  readonly workspaceName: string;
  readonly settings: EmailSettings;
}

export const openLink = async (
  token: string,
  purpose: LinkPurpose,
  deps: SubscriptionDeps,
): Promise<OpenedLink> => {
  const key = await deps.linkKey();
  const claims = verifyLinkToken(
    token,
    purpose,
    (kid) => (kid === key.kid ? key.secret : undefined),
    deps.clock.now(),
  );
  const [workspace, contact] = await Promise.all([
    deps.workspaces.get(claims.workspaceId),
    deps.contacts.get(claims.workspaceId, claims.contactId),
  ]);
  if (!workspace || workspace.deletingSince || !contact)
    throw new InvalidLinkError('the workspace or contact of this link is gone');
  return { claims, contact, workspaceName: workspace.name, settings: settingsOf(workspace) };
};

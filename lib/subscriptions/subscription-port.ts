/**
 * The send path's SubscriptionPort: who may receive what (pure, on the contact as read at send time)
 * and the signed links each marketing email carries.
 */
import type { SubscriptionPort } from '../email/ports.ts';
import type { Clock } from '../shared/clock.ts';
import { eligibility } from './eligibility.ts';
import type { LinkKey } from './link-token.ts';
import { inertLinks, recipientLinks } from './links.ts';

export interface SubscriptionPortDeps {
  /** The deployment's link key, loaded once per container. */
  readonly linkKey: () => Promise<LinkKey>;
  /** Where the public pages are served (`https://api.example.com`), no trailing slash needed. */
  readonly publicUrl: string;
  readonly clock: Clock;
}

export const subscriptionPort = (deps: SubscriptionPortDeps): SubscriptionPort => ({
  eligibility,
  async links(workspaceId, contactId, topic, messageId) {
    return recipientLinks(
      deps.publicUrl,
      await deps.linkKey(),
      { workspaceId, contactId, topic, messageId },
      deps.clock.now(),
    );
  },
  inertLinks: () => inertLinks(deps.publicUrl),
});

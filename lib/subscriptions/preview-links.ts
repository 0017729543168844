/**
 * The links a template preview shows for one contact, signed exactly as a send signs them: the send
 * path's SubscriptionPort for the unsubscribe and preference links, and for the template the double
 * opt-in confirmation is sent with, the confirmation link as `request-confirmation.ts` builds it.
 * A preview is no message, so its links carry no message id (an unsubscribe through one is counted on
 * no campaign).
 */
import { DOUBLE_OPT_IN_TEMPLATE } from './confirmation-sender.ts';
import { confirmationLink } from './links.ts';
import { type SubscriptionPortDeps, subscriptionPort } from './subscription-port.ts';

export const previewLinks = (deps: SubscriptionPortDeps) => {
  const port = subscriptionPort(deps);
  return {
    links: port.links,
    async confirmUrl(workspaceId: string, templateId: string, contactId: string) {
      if (templateId !== DOUBLE_OPT_IN_TEMPLATE) return undefined;
      return confirmationLink(
        deps.publicUrl,
        await deps.linkKey(),
        { workspaceId, contactId },
        deps.clock.now(),
      );
    },
  };
};

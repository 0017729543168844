import { toView } from '../../lib/contacts/contact.schema.ts';
import { setTopicConsent } from '../../lib/subscriptions/topic-consent.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { subscriptionDeps } from '../shared/subscription-deps.ts';
import { setTopicConsentRoute } from './subscription.routes.ts';

export const handler = httpHandler(setTopicConsentRoute, async ({ principal, params, body }) =>
  ok(
    toView(
      await setTopicConsent(
        principal.workspaceId,
        params.contactId,
        { topicId: params.topicId, ...body },
        subscriptionDeps(),
      ),
    ),
  ),
);

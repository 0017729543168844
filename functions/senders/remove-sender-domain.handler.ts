import { removeSenderDomain } from '../../lib/senders/manage-sender-domains.ts';
import { httpHandler, noContent } from '../shared/http-handler.ts';
import { senderDomainDeps } from '../shared/sender-deps.ts';
import { removeSenderDomainRoute } from './sender-domain.routes.ts';

export const handler = httpHandler(removeSenderDomainRoute, async ({ principal, params }) => {
  await removeSenderDomain(principal.workspaceId, params.domain, senderDomainDeps());
  return noContent();
});

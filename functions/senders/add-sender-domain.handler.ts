import { addSenderDomain } from '../../lib/senders/manage-sender-domains.ts';
import { created, httpHandler } from '../shared/http-handler.ts';
import { senderDomainDeps } from '../shared/sender-deps.ts';
import { addSenderDomainRoute } from './sender-domain.routes.ts';

export const handler = httpHandler(addSenderDomainRoute, async ({ principal, body }) =>
  created(await addSenderDomain(principal.workspaceId, body, senderDomainDeps())),
);

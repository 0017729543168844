import { updateSenderDomain } from '../../lib/senders/manage-sender-domains.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { senderDomainDeps } from '../shared/sender-deps.ts';
import { updateSenderDomainRoute } from './sender-domain.routes.ts';

export const handler = httpHandler(updateSenderDomainRoute, async ({ principal, params, body }) =>
  ok(await updateSenderDomain(principal.workspaceId, params.domain, body, senderDomainDeps())),
);

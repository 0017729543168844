import { showSenderDomain } from '../../lib/senders/manage-sender-domains.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { senderDomainDeps } from '../shared/sender-deps.ts';
import { getSenderDomainRoute } from './sender-domain.routes.ts';

export const handler = httpHandler(getSenderDomainRoute, async ({ principal, params }) =>
  ok(await showSenderDomain(principal.workspaceId, params.domain, senderDomainDeps())),
);

import { listSenderDomains } from '../../lib/senders/manage-sender-domains.ts';
import { httpHandler, ok } from '../shared/http-handler.ts';
import { senderDomainDeps } from '../shared/sender-deps.ts';
import { listSenderDomainsRoute } from './sender-domain.routes.ts';

export const handler = httpHandler(listSenderDomainsRoute, async ({ principal }) =>
  ok({ senderDomains: await listSenderDomains(principal.workspaceId, senderDomainDeps()) }),
);

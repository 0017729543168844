/** A workspace's sending domains: the SES identity, the DNS records to add, and whether it may send. */
import * as z from 'zod';
import {
  addSenderDomainBody,
  domainSchema,
  senderDomainStatusView,
  senderDomainView,
  updateSenderDomainBody,
} from '../../lib/senders/sender-domain.schema.ts';
import { errorBodySchema, errorResponses, notFound } from '../../lib/shared/http/common.schema.ts';
import { defineRoute } from '../../lib/shared/http/route.ts';

const params = z.strictObject({ domain: domainSchema });

export const addSenderDomainRoute = defineRoute({
  operationId: 'addSenderDomain',
  method: 'POST',
  path: '/v1/sender-domains',
  scope: 'admin',
  tag: 'email',
  summary:
    'Register a sending domain: ecrm creates its SES identity with Easy DKIM and a custom MAIL FROM domain ' +
    '(and puts it in the workspace’s SES tenant where the deployment uses tenants) and answers the DNS records to ' +
    'add: three DKIM CNAMEs, the MAIL FROM MX and SPF records, and a DMARC suggestion. The first domain is the one ' +
    'email is sent from.',
  body: addSenderDomainBody,
  responses: {
    201: { description: 'the domain and its DNS records', schema: senderDomainView },
    ...errorResponses,
    409: {
      description: 'the domain is registered already (here or by another workspace)',
      schema: errorBodySchema,
    },
  },
});

export const listSenderDomainsRoute = defineRoute({
  operationId: 'listSenderDomains',
  method: 'GET',
  path: '/v1/sender-domains',
  scope: 'read',
  tag: 'email',
  summary: 'The workspace’s sending domains with their DNS records (status: GET one domain).',
  responses: {
    200: { description: 'the domains', schema: z.object({ senderDomains: z.array(senderDomainView) }) },
    ...errorResponses,
  },
});

export const getSenderDomainRoute = defineRoute({
  operationId: 'getSenderDomain',
  method: 'GET',
  path: '/v1/sender-domains/{domain}',
  scope: 'read',
  tag: 'email',
  summary:
    'One sending domain with its status now: SES verification of DKIM and MAIL FROM, the DMARC record found in ' +
    'DNS, and whether marketing and transactional email may go out from it (and why not).',
  params,
  responses: {
    200: { description: 'the domain and its status', schema: senderDomainStatusView },
    ...errorResponses,
    ...notFound,
  },
});

export const updateSenderDomainRoute = defineRoute({
  operationId: 'updateSenderDomain',
  method: 'PATCH',
  path: '/v1/sender-domains/{domain}',
  scope: 'admin',
  tag: 'email',
  summary:
    'Change the From address’s local part or display name, or make this the domain email is sent from.',
  params,
  body: updateSenderDomainBody,
  responses: {
    200: { description: 'the domain', schema: senderDomainView },
    ...errorResponses,
    ...notFound,
  },
});

export const removeSenderDomainRoute = defineRoute({
  operationId: 'removeSenderDomain',
  method: 'DELETE',
  path: '/v1/sender-domains/{domain}',
  scope: 'admin',
  tag: 'email',
  summary: 'Forget a sending domain and delete its SES identity.',
  params,
  responses: {
    204: { description: 'removed' },
    ...errorResponses,
    ...notFound,
  },
});

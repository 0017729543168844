/**
 * `ecrm webhook-endpoint ...`: outgoing webhook endpoints through the API: create (the signing secret
 * is printed once), list, show, update, enable/disable, rotate the secret, delete, list deliveries
 * (`--status dead` for the dead letters) and replay one.
 */
import { type ApiTarget, callApi } from './api-client.ts';

export interface WebhookEndpointFlags {
  readonly id?: string | undefined;
  readonly url?: string | undefined;
  readonly events?: string | undefined;
  readonly description?: string | undefined;
  readonly status?: string | undefined;
  readonly delivery?: string | undefined;
  readonly 'grace-hours'?: string | undefined;
}

export const webhookEndpointUsage = `  webhook-endpoint create --url <https URL> --events order.placed,contact.created,... [--description <text>]
      (prints the signing secret once: keep it to verify the ecrm-signature header)
  webhook-endpoint list | show --id <endpoint id> | delete --id <endpoint id>
  webhook-endpoint update --id <endpoint id> [--url <URL>] [--events <types>] [--description <text>]
  webhook-endpoint enable | disable --id <endpoint id>
  webhook-endpoint rotate --id <endpoint id> [--grace-hours 24]   (the old secret signs beside the new one meanwhile)
  webhook-endpoint deliveries --id <endpoint id> [--status pending|retrying|delivered|dead]
  webhook-endpoint replay --id <endpoint id> --delivery <delivery (event) id>`;

const usageError = (message: string) => new Error(`${message}\n${webhookEndpointUsage}`);

const required = (value: string | undefined, flag: string): string => {
  if (!value) throw usageError(`--${flag} is required`);
  return value;
};

const eventTypes = (value: string) =>
  value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

/** Every item of a paginated list route, following `next`. */
const everything = async (api: ApiTarget, path: string, key: string, query: Record<string, string> = {}) => {
  const items: unknown[] = [];
  let cursor: string | undefined;
  do {
    const params = new URLSearchParams({ limit: '100', ...query, ...(cursor ? { cursor } : {}) });
    const page: unknown = await callApi(api, 'GET', `${path}?${params}`);
    const list: unknown = typeof page === 'object' && page !== null ? Reflect.get(page, key) : undefined;
    const next: unknown = typeof page === 'object' && page !== null ? Reflect.get(page, 'next') : undefined;
    if (Array.isArray(list)) items.push(...list);
    cursor = typeof next === 'string' ? next : undefined;
  } while (cursor);
  return { [key]: items };
};

export const webhookEndpointCommand = async (
  verb: string | undefined,
  flags: WebhookEndpointFlags,
  api: ApiTarget,
): Promise<unknown> => {
  const path = () => `/v1/webhook-endpoints/${encodeURIComponent(required(flags.id, 'id'))}`;
  switch (verb) {
    case 'create':
      return callApi(api, 'POST', '/v1/webhook-endpoints', {
        url: required(flags.url, 'url'),
        eventTypes: eventTypes(required(flags.events, 'events')),
        ...(flags.description !== undefined ? { description: flags.description } : {}),
      });
    case 'list':
      return everything(api, '/v1/webhook-endpoints', 'endpoints');
    case 'show':
      return callApi(api, 'GET', path());
    case 'update':
      return callApi(api, 'PATCH', path(), {
        ...(flags.url !== undefined ? { url: flags.url } : {}),
        ...(flags.events !== undefined ? { eventTypes: eventTypes(flags.events) } : {}),
        ...(flags.description !== undefined ? { description: flags.description } : {}),
      });
    case 'enable':
    case 'disable':
      return callApi(api, 'PATCH', path(), { enabled: verb === 'enable' });
    case 'rotate':
      return callApi(api, 'POST', `${path()}/rotate-secret`, {
        ...(flags['grace-hours'] !== undefined ? { graceHours: Number(flags['grace-hours']) } : {}),
      });
    case 'delete':
      await callApi(api, 'DELETE', path());
      return { deleted: flags.id };
    case 'deliveries':
      return everything(
        api,
        `${path()}/deliveries`,
        'deliveries',
        flags.status ? { status: flags.status } : {},
      );
    case 'replay':
      return callApi(
        api,
        'POST',
        `${path()}/deliveries/${encodeURIComponent(required(flags.delivery, 'delivery'))}/replay`,
        {},
      );
    default:
      throw usageError(`unknown webhook-endpoint command ${verb ?? ''}`);
  }
};

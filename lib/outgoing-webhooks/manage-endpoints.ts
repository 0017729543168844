/**
 * Managing outgoing webhook endpoints: create (the secret shown once), read, change, rotate the secret,
 * delete. A URL is checked against SSRF at each save (endpoint-address.ts) and again before every
 * attempt. Every change is conditional on the `rev` read: of two editors at once, one gets a 409.
 */
import type * as z from 'zod';
import type { Clock } from '../shared/clock.ts';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.ts';
import type { SecretBox } from '../webhooks/secret-box.ts';
import {
  type createEndpointBody,
  ENDPOINT_LIMITS,
  type Endpoint,
  newEndpointId,
  type rotateEndpointSecretBody,
  type updateEndpointBody,
} from './endpoint.schema.ts';
import { type AddressPolicy, checkedAddress, RefusedAddressError, type Resolve } from './endpoint-address.ts';
import { newSecret, sealSecret } from './endpoint-secrets.ts';
import type { EndpointsRepository } from './endpoints.repository.ts';

export interface EndpointDeps {
  readonly endpoints: EndpointsRepository;
  readonly secrets: SecretBox;
  readonly clock: Clock;
  readonly addresses: { readonly policy: AddressPolicy; readonly resolve: Resolve };
}

/** A 422 naming `url` when the URL may not be called. */
export const checkUrl = async (url: string, deps: Pick<EndpointDeps, 'addresses'>): Promise<void> => {
  try {
    await checkedAddress(url, deps.addresses.policy, deps.addresses.resolve);
  } catch (error) {
    if (!(error instanceof RefusedAddressError)) throw error;
    throw new ValidationError(`invalid url: ${error.message}`, [{ path: 'url', message: error.message }], {
      cause: error,
    });
  }
};

export const getEndpoint = async (
  workspaceId: string,
  endpointId: string,
  deps: Pick<EndpointDeps, 'endpoints'>,
): Promise<Endpoint> => {
  const endpoint = await deps.endpoints.get(workspaceId, endpointId);
  if (!endpoint) throw new NotFoundError(`no webhook endpoint ${endpointId}`);
  return endpoint;
};

const changed = (what: string, endpointId: string) =>
  new ConflictError(`${what}: webhook endpoint ${endpointId} changed meanwhile, read it again`);

export const createEndpoint = async (
  workspaceId: string,
  input: z.output<typeof createEndpointBody>,
  deps: EndpointDeps,
): Promise<{ endpoint: Endpoint; secret: string }> => {
  await checkUrl(input.url, deps);
  const now = deps.clock.now();
  const at = now.toISOString();
  const id = newEndpointId(now);
  const secret = newSecret();
  const endpoint: Endpoint = {
    type: 'webhookEndpoint',
    v: 1,
    id,
    workspaceId,
    url: input.url,
    eventTypes: input.eventTypes,
    ...(input.description ? { description: input.description } : {}),
    status: input.enabled ? 'enabled' : 'disabled',
    ...(input.enabled ? {} : { disabledReason: 'manual' as const, disabledAt: at }),
    secrets: [await sealSecret(secret, workspaceId, id, now, deps.secrets)],
    createdAt: at,
    updatedAt: at,
    rev: 0,
  };
  if (!(await deps.endpoints.create(endpoint))) throw new ConflictError(`endpoint id ${id} is taken`);
  return { endpoint, secret };
};

/**
 * Changes what is given. Enabling a disabled endpoint starts it afresh (not failing); disabling one
 * by hand stops its deliveries (those in flight are dead-lettered, to replay later).
 */
export const updateEndpoint = async (
  workspaceId: string,
  endpointId: string,
  input: z.output<typeof updateEndpointBody>,
  deps: Pick<EndpointDeps, 'endpoints' | 'clock' | 'addresses'>,
): Promise<Endpoint> => {
  const current = await getEndpoint(workspaceId, endpointId, deps);
  if (input.url !== undefined && input.url !== current.url) await checkUrl(input.url, deps);
  const at = deps.clock.now().toISOString();
  const { disabledReason: _r, disabledAt: _a, failingSince: _f, description: _d, ...rest } = current;
  const description = input.description ?? current.description;
  const enabled = input.enabled ?? current.status === 'enabled';
  const health =
    enabled === (current.status === 'enabled')
      ? {
          ...(current.disabledReason ? { disabledReason: current.disabledReason } : {}),
          ...(current.disabledAt ? { disabledAt: current.disabledAt } : {}),
          ...(current.failingSince ? { failingSince: current.failingSince } : {}),
        }
      : enabled
        ? {}
        : { disabledReason: 'manual' as const, disabledAt: at };
  const next: Endpoint = {
    ...rest,
    url: input.url ?? current.url,
    eventTypes: input.eventTypes ?? current.eventTypes,
    ...(description ? { description } : {}),
    status: enabled ? 'enabled' : 'disabled',
    ...health,
    updatedAt: at,
    rev: current.rev + 1,
  };
  if (!(await deps.endpoints.replace(next, current.rev))) throw changed('update', endpointId);
  return next;
};

/**
 * A new secret signs from now; the previous ones keep signing beside it for `graceHours`, so the
 * `ecrm-signature` header carries a `v1` for each while the receiver switches. Expired ones are dropped.
 */
export const rotateEndpointSecret = async (
  workspaceId: string,
  endpointId: string,
  input: z.output<typeof rotateEndpointSecretBody>,
  deps: EndpointDeps,
): Promise<{ endpoint: Endpoint; secret: string }> => {
  const current = await getEndpoint(workspaceId, endpointId, deps);
  const now = deps.clock.now();
  const at = now.toISOString();
  const graceEnds = new Date(now.getTime() + input.graceHours * 3600_000).toISOString();
  const secret = newSecret();
  const fresh = await sealSecret(secret, workspaceId, endpointId, now, deps.secrets);
  const kept = current.secrets
    .filter((s) => s.expiresAt === undefined || s.expiresAt > at)
    .filter(() => input.graceHours > 0)
    .map((s) => ({ ...s, expiresAt: s.expiresAt && s.expiresAt < graceEnds ? s.expiresAt : graceEnds }));
  const next: Endpoint = {
    ...current,
    secrets: [fresh, ...kept].slice(0, ENDPOINT_LIMITS.secrets),
    updatedAt: at,
    rev: current.rev + 1,
  };
  if (!(await deps.endpoints.replace(next, current.rev))) throw changed('rotate', endpointId);
  return { endpoint: next, secret };
};

/** Deletes the endpoint: retries in flight stop (dead-lettered); its deliveries expire by TTL. */
export const deleteEndpoint = async (
  workspaceId: string,
  endpointId: string,
  deps: Pick<EndpointDeps, 'endpoints'>,
): Promise<void> => {
  const current = await getEndpoint(workspaceId, endpointId, deps);
  if (!(await deps.endpoints.remove(workspaceId, endpointId, current.rev)))
    throw changed('delete', endpointId);
};

/**
 * The SES v2 identity and tenant APIs sender domains use, behind one small port so the use cases
 * test against fakes and run against SES (deployed) or the local SES front (locally) unchanged.
 *
 * Ownership: an SES identity is account-wide, so the identity itself is the claim on a domain: ecrm
 * tags it with the workspace (`ecrm-ws`), and a workspace adopts an existing identity only when the
 * tag names it (a retry after a half-done registration), never one of another workspace.
 */
import type { GetEmailIdentityCommandOutput } from '@aws-sdk/client-sesv2';
import {
  CreateEmailIdentityCommand,
  CreateTenantCommand,
  CreateTenantResourceAssociationCommand,
  DeleteEmailIdentityCommand,
  DeleteTenantResourceAssociationCommand,
  GetEmailIdentityCommand,
  isSesError,
  PutEmailIdentityMailFromAttributesCommand,
  type SesClient,
} from '../shared/aws/sesv2.ts';
import { ConflictError, TransientError, ValidationError } from '../shared/errors.ts';
import type { VerificationStatus } from './sender-domain.schema.ts';

export const WORKSPACE_TAG = 'ecrm-ws';

export interface IdentityState {
  readonly identity: VerificationStatus;
  readonly mailFrom: VerificationStatus;
  readonly mailFromDomain?: string | undefined;
  readonly dkimTokens: readonly string[];
  readonly workspaceId?: string | undefined;
}

export interface IdentitiesPort {
  /** Creates the domain identity with Easy DKIM for this workspace (or adopts its own); the DKIM tokens. */
  create(domain: string, workspaceId: string): Promise<{ dkimTokens: string[] }>;
  setMailFrom(domain: string, mailFromDomain: string): Promise<void>;
  /** Undefined when SES has no such identity. */
  get(domain: string): Promise<IdentityState | undefined>;
  /** Deletes the identity; absent already is fine. */
  remove(domain: string): Promise<void>;
  /** Creates the tenant unless it exists. */
  ensureTenant(tenantName: string, workspaceId: string): Promise<void>;
  /** Associates a resource (identity, configuration set) with a tenant; already associated is fine. */
  associate(tenantName: string, resourceArn: string): Promise<void>;
  dissociate(tenantName: string, resourceArn: string): Promise<void>;
}

const STATUS: Readonly<Record<string, VerificationStatus>> = {
  SUCCESS: 'verified',
  PENDING: 'pending',
  FAILED: 'failed',
  TEMPORARY_FAILURE: 'pending',
  NOT_STARTED: 'not-started',
};

const status = (value: string | undefined): VerificationStatus =>
  value === undefined ? 'not-started' : (STATUS[value] ?? 'pending');

const stateOf = (out: GetEmailIdentityCommandOutput): IdentityState => ({
  identity: out.VerifiedForSendingStatus
    ? 'verified'
    : status(out.DkimAttributes?.Status ?? out.VerificationStatus),
  mailFrom: out.MailFromAttributes?.MailFromDomain
    ? status(out.MailFromAttributes.MailFromDomainStatus)
    : 'not-started',
  mailFromDomain: out.MailFromAttributes?.MailFromDomain,
  dkimTokens: out.DkimAttributes?.Tokens ?? [],
  workspaceId: out.Tags?.find((t) => t.Key === WORKSPACE_TAG)?.Value,
});

/** SES's throttling is worth a retry (503); a domain SES refuses is the caller's to fix (422). */
const translated = (error: unknown): unknown => {
  if (isSesError(error, 'TooManyRequestsException')) {
    return new TransientError('SES is throttling its identity API; retry', { cause: error });
  }
  if (isSesError(error, 'BadRequestException')) {
    return new ValidationError(
      `SES refused the domain: ${error.message}`,
      [{ path: 'domain', message: error.message }],
      {
        cause: error,
      },
    );
  }
  return error;
};

export const sesIdentities = (client: SesClient): IdentitiesPort => guarded(sesCalls(client));

const guard =
  <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    try {
      return await fn(...args);
    } catch (error) {
      throw translated(error);
    }
  };

const guarded = (port: IdentitiesPort): IdentitiesPort => ({
  create: guard(port.create),
  setMailFrom: guard(port.setMailFrom),
  get: guard(port.get),
  remove: guard(port.remove),
  ensureTenant: guard(port.ensureTenant),
  associate: guard(port.associate),
  dissociate: guard(port.dissociate),
});

const sesCalls = (client: SesClient): IdentitiesPort => {
  const get = async (domain: string) => {
    try {
      return stateOf(await client.send(new GetEmailIdentityCommand({ EmailIdentity: domain })));
    } catch (error) {
      if (isSesError(error, 'NotFoundException')) return undefined;
      throw error;
    }
  };
  return {
    async create(domain, workspaceId) {
      try {
        const out = await client.send(
          new CreateEmailIdentityCommand({
            EmailIdentity: domain,
            Tags: [{ Key: WORKSPACE_TAG, Value: workspaceId }],
          }),
        );
        return { dkimTokens: out.DkimAttributes?.Tokens ?? [] };
      } catch (error) {
        if (!isSesError(error, 'AlreadyExistsException')) throw error;
        const existing = await get(domain);
        if (existing?.workspaceId !== workspaceId) {
          throw new ConflictError(
            `${domain} is already an SES identity of this account outside this workspace; ` +
              'a domain sends for one workspace only',
            { cause: error },
          );
        }
        return { dkimTokens: [...existing.dkimTokens] };
      }
    },
    async setMailFrom(domain, mailFromDomain) {
      await client.send(
        new PutEmailIdentityMailFromAttributesCommand({
          EmailIdentity: domain,
          MailFromDomain: mailFromDomain,
          BehaviorOnMxFailure: 'USE_DEFAULT_VALUE',
        }),
      );
    },
    get,
    async remove(domain) {
      try {
        await client.send(new DeleteEmailIdentityCommand({ EmailIdentity: domain }));
      } catch (error) {
        if (!isSesError(error, 'NotFoundException')) throw error;
      }
    },
    async ensureTenant(tenantName, workspaceId) {
      try {
        await client.send(
          new CreateTenantCommand({
            TenantName: tenantName,
            Tags: [{ Key: WORKSPACE_TAG, Value: workspaceId }],
          }),
        );
      } catch (error) {
        if (!isSesError(error, 'AlreadyExistsException')) throw error;
      }
    },
    async associate(tenantName, resourceArn) {
      try {
        await client.send(
          new CreateTenantResourceAssociationCommand({ TenantName: tenantName, ResourceArn: resourceArn }),
        );
      } catch (error) {
        if (!isSesError(error, 'AlreadyExistsException')) throw error;
      }
    },
    async dissociate(tenantName, resourceArn) {
      try {
        await client.send(
          new DeleteTenantResourceAssociationCommand({ TenantName: tenantName, ResourceArn: resourceArn }),
        );
      } catch (error) {
        if (!isSesError(error, 'NotFoundException')) throw error;
      }
    },
  };
};

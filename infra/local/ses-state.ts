/**
 * What the local SES front keeps that `aws-ses-v2-local` does not: email identities (Easy DKIM tokens
 * made up, verified at once unless a test says otherwise), custom MAIL FROM domains, tenants and their
 * resource associations, the account (quota, rate, paused), and a record of every accepted message
 * (tags, configuration set, tenant). No HTTP here: ses-front.ts serves it; responses use the shapes
 * `@aws-sdk/client-sesv2` reads (restJson1: timestamps in epoch seconds).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { bareAddress } from './ses-events.ts';

/** An error SES would answer: its type, message and HTTP status. */
export class SesApiError extends Error {
  override readonly name = 'SesApiError';
  constructor(
    readonly errorType: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export type VerificationStatus = 'PENDING' | 'SUCCESS' | 'FAILED' | 'TEMPORARY_FAILURE' | 'NOT_STARTED';

export interface LocalIdentity {
  readonly name: string;
  readonly type: 'DOMAIN' | 'EMAIL_ADDRESS';
  status: VerificationStatus;
  readonly dkimTokens: readonly string[];
  mailFrom?: { domain: string; behaviorOnMxFailure: string } | undefined;
  mailFromStatus: VerificationStatus;
  readonly configurationSet?: string | undefined;
  readonly createdAt: Date;
  readonly tags: readonly { Key: string; Value: string }[];
}

export interface LocalTenant {
  readonly name: string;
  readonly id: string;
  readonly arn: string;
  readonly createdAt: Date;
  sendingStatus: 'ENABLED' | 'REINSTATED' | 'DISABLED';
  readonly resources: Map<string, { readonly type: string; readonly at: Date }>;
  readonly tags: readonly { Key: string; Value: string }[];
}

export interface LocalAccount {
  /** Messages (recipients) per 24 hours. */
  max24HourSend: number;
  /** Messages (recipients) per second. */
  maxSendRate: number;
  /** False plays an account whose sending SES paused (`SendingPausedException`). */
  sendingEnabled: boolean;
  /** True plays a suspended account (`AccountSuspendedException`). */
  suspended: boolean;
  productionAccessEnabled: boolean;
}

/** One message the front accepted, as tests read it. */
export interface RecordedMessage {
  readonly messageId: string;
  readonly operation: 'SendEmail' | 'SendBulkEmail';
  readonly from: string;
  readonly destination: readonly string[];
  readonly subject?: string | undefined;
  readonly headers: readonly { readonly name: string; readonly value: string }[];
  readonly tags: Readonly<Record<string, string>>;
  readonly configurationSet?: string | undefined;
  readonly tenant?: string | undefined;
  readonly identityArn: string;
  readonly at: Date;
  /** The SES event types published for it so far, in order. */
  readonly events: string[];
}

export const DEFAULT_ACCOUNT: Readonly<LocalAccount> = {
  max24HourSend: 1_000_000,
  maxSendRate: 1_000,
  sendingEnabled: true,
  suspended: false,
  productionAccessEnabled: true,
};

const epochSeconds = (d: Date): number => Math.floor(d.getTime() / 1000);

/** 32 lower-case base32-like characters, as Easy DKIM tokens look. */
const dkimToken = (): string =>
  [...randomBytes(32)].map((b) => 'abcdefghijklmnopqrstuvwxyz234567'[b % 32]).join('');

const isDomain = (name: string) => !name.includes('@');

export class SesState {
  readonly identities = new Map<string, LocalIdentity>();
  readonly tenants = new Map<string, LocalTenant>();
  readonly messages: RecordedMessage[] = [];
  readonly account: LocalAccount = { ...DEFAULT_ACCOUNT };
  /** Send times (ms) of recent recipients, for the rate and the 24-hour quota. */
  private readonly sent: number[] = [];

  constructor(
    private readonly ctx: {
      readonly region: string;
      readonly account: string;
      readonly now: () => Date;
      /** The status a new identity gets; `SUCCESS` locally (verified at once). */
      readonly initialStatus: () => VerificationStatus;
    },
  ) {}

  identityArn(name: string): string {
    return `arn:aws:ses:${this.ctx.region}:${this.ctx.account}:identity/${name}`;
  }

  configurationSetArn(name: string): string {
    return `arn:aws:ses:${this.ctx.region}:${this.ctx.account}:configuration-set/${name}`;
  }

  // ── identities ────────────────────────────────────────────────────────────────────────────────────

  createIdentity(input: {
    name: string;
    configurationSet?: string | undefined;
    tags?: readonly { Key: string; Value: string }[] | undefined;
  }) {
    const name = input.name.trim().toLowerCase();
    if (
      !/^[^\s@]+@[^\s@]+\.[^\s@]+$|^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(
        name,
      )
    ) {
      throw new SesApiError('BadRequestException', `Invalid email identity: ${input.name}`);
    }
    if (this.identities.has(name)) {
      throw new SesApiError('AlreadyExistsException', `Email identity ${name} already exist.`);
    }
    const identity: LocalIdentity = {
      name,
      type: isDomain(name) ? 'DOMAIN' : 'EMAIL_ADDRESS',
      status: this.ctx.initialStatus(),
      dkimTokens: isDomain(name) ? [dkimToken(), dkimToken(), dkimToken()] : [],
      mailFromStatus: 'NOT_STARTED',
      configurationSet: input.configurationSet,
      createdAt: this.ctx.now(),
      tags: input.tags ?? [],
    };
    this.identities.set(name, identity);
    return {
      IdentityType: identity.type,
      VerifiedForSendingStatus: identity.status === 'SUCCESS',
      DkimAttributes: this.dkimAttributes(identity),
    };
  }

  private identity(name: string): LocalIdentity {
    const found = this.identities.get(name.trim().toLowerCase());
    if (!found) throw new SesApiError('NotFoundException', `Email identity ${name} does not exist.`, 404);
    return found;
  }

  private dkimAttributes(identity: LocalIdentity) {
    if (identity.type !== 'DOMAIN') return { SigningEnabled: false, Status: 'NOT_STARTED', Tokens: [] };
    return {
      SigningEnabled: true,
      Status: identity.status,
      Tokens: [...identity.dkimTokens],
      SigningAttributesOrigin: 'AWS_SES',
      NextSigningKeyLength: 'RSA_2048_BIT',
      CurrentSigningKeyLength: 'RSA_2048_BIT',
      LastKeyGenerationTimestamp: epochSeconds(identity.createdAt),
    };
  }

  getIdentity(name: string) {
    const identity = this.identity(name);
    return {
      IdentityType: identity.type,
      FeedbackForwardingStatus: true,
      VerifiedForSendingStatus: identity.status === 'SUCCESS',
      VerificationStatus: identity.status,
      DkimAttributes: this.dkimAttributes(identity),
      MailFromAttributes: {
        ...(identity.mailFrom ? { MailFromDomain: identity.mailFrom.domain } : {}),
        MailFromDomainStatus: identity.mailFrom ? identity.mailFromStatus : 'NOT_STARTED',
        BehaviorOnMxFailure: identity.mailFrom?.behaviorOnMxFailure ?? 'USE_DEFAULT_VALUE',
      },
      Policies: {},
      Tags: [...identity.tags],
      ...(identity.configurationSet ? { ConfigurationSetName: identity.configurationSet } : {}),
    };
  }

  listIdentities() {
    return {
      EmailIdentities: [...this.identities.values()].map((i) => ({
        IdentityType: i.type,
        IdentityName: i.name,
        SendingEnabled: i.status === 'SUCCESS',
        VerificationStatus: i.status,
      })),
    };
  }

  deleteIdentity(name: string): void {
    const identity = this.identity(name);
    this.identities.delete(identity.name);
    for (const tenant of this.tenants.values()) tenant.resources.delete(this.identityArn(identity.name));
  }

  putMailFrom(
    name: string,
    input: { domain?: string | undefined; behaviorOnMxFailure?: string | undefined },
  ) {
    const identity = this.identity(name);
    if (input.domain === undefined || input.domain === '') {
      identity.mailFrom = undefined;
      identity.mailFromStatus = 'NOT_STARTED';
      return;
    }
    const domain = input.domain.toLowerCase();
    if (identity.type === 'DOMAIN' && !domain.endsWith(`.${identity.name}`)) {
      throw new SesApiError(
        'BadRequestException',
        `The MAIL FROM domain ${domain} must be a subdomain of ${identity.name}.`,
      );
    }
    identity.mailFrom = { domain, behaviorOnMxFailure: input.behaviorOnMxFailure ?? 'USE_DEFAULT_VALUE' };
    identity.mailFromStatus = identity.status === 'SUCCESS' ? 'SUCCESS' : 'PENDING';
  }

  /** Test hook: play DNS catching up (or failing) for an identity. */
  setIdentityStatus(name: string, status: VerificationStatus): void {
    const identity = this.identity(name);
    identity.status = status;
    if (identity.mailFrom) identity.mailFromStatus = status;
  }

  /**
   * The verified identity that lets `from` send: the address itself, else its domain or a parent
   * domain (SES lets a verified domain send from its subdomains). @throws MessageRejected otherwise.
   */
  identityFor(from: string): LocalIdentity {
    const address = bareAddress(from).toLowerCase();
    const candidates = [address];
    const labels = (address.split('@')[1] ?? '').split('.');
    for (let i = 0; i < labels.length - 1; i++) candidates.push(labels.slice(i).join('.'));
    for (const name of candidates) {
      const identity = this.identities.get(name);
      if (identity?.status === 'SUCCESS') return identity;
    }
    throw new SesApiError(
      'MessageRejected',
      `Email address is not verified. The following identities failed the check in region ${this.ctx.region.toUpperCase()}: ${address}`,
    );
  }

  // ── tenants ───────────────────────────────────────────────────────────────────────────────────────

  private tenantView(t: LocalTenant) {
    return {
      TenantName: t.name,
      TenantId: t.id,
      TenantArn: t.arn,
      CreatedTimestamp: epochSeconds(t.createdAt),
      Tags: [...t.tags],
      SendingStatus: t.sendingStatus,
    };
  }

  createTenant(input: { name: string; tags?: readonly { Key: string; Value: string }[] | undefined }) {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(input.name)) {
      throw new SesApiError('BadRequestException', `Invalid tenant name: ${input.name}`);
    }
    if (this.tenants.has(input.name)) {
      throw new SesApiError('AlreadyExistsException', `Tenant ${input.name} already exists.`);
    }
    const id = `tn-${randomUUID().replaceAll('-', '').slice(0, 20)}`;
    const tenant: LocalTenant = {
      name: input.name,
      id,
      arn: `arn:aws:ses:${this.ctx.region}:${this.ctx.account}:tenant/${input.name}/${id}`,
      createdAt: this.ctx.now(),
      sendingStatus: 'ENABLED',
      resources: new Map(),
      tags: input.tags ?? [],
    };
    this.tenants.set(tenant.name, tenant);
    return this.tenantView(tenant);
  }

  tenant(name: string): LocalTenant {
    const found = this.tenants.get(name);
    if (!found) throw new SesApiError('NotFoundException', `Tenant ${name} does not exist.`, 404);
    return found;
  }

  getTenant(name: string) {
    return { Tenant: this.tenantView(this.tenant(name)) };
  }

  listTenants() {
    return {
      Tenants: [...this.tenants.values()].map((t) => ({
        TenantName: t.name,
        TenantId: t.id,
        TenantArn: t.arn,
        CreatedTimestamp: epochSeconds(t.createdAt),
      })),
    };
  }

  deleteTenant(name: string): void {
    this.tenant(name);
    this.tenants.delete(name);
  }

  associate(tenantName: string, resourceArn: string): void {
    const tenant = this.tenant(tenantName);
    const type = /:(identity|configuration-set|template)\//.exec(resourceArn)?.[1];
    if (!type) throw new SesApiError('BadRequestException', `Unsupported resource ARN: ${resourceArn}`);
    if (type === 'identity') {
      const name = resourceArn.slice(resourceArn.indexOf(':identity/') + ':identity/'.length);
      this.identity(name);
    }
    if (tenant.resources.has(resourceArn)) {
      throw new SesApiError('AlreadyExistsException', `Resource ${resourceArn} is already associated.`);
    }
    tenant.resources.set(resourceArn, {
      type:
        { identity: 'EMAIL_IDENTITY', 'configuration-set': 'CONFIGURATION_SET' }[type] ?? 'EMAIL_TEMPLATE',
      at: this.ctx.now(),
    });
  }

  disassociate(tenantName: string, resourceArn: string): void {
    const tenant = this.tenant(tenantName);
    if (!tenant.resources.delete(resourceArn)) {
      throw new SesApiError('NotFoundException', `Resource ${resourceArn} is not associated.`, 404);
    }
  }

  listTenantResources(tenantName: string) {
    const tenant = this.tenant(tenantName);
    return {
      TenantResources: [...tenant.resources.entries()].map(([arn, r]) => ({
        ResourceType: r.type,
        ResourceArn: arn,
      })),
    };
  }

  // ── account and sending ───────────────────────────────────────────────────────────────────────────

  private sentSince(ms: number): number {
    const now = this.ctx.now().getTime();
    while (this.sent.length > 0 && (this.sent[0] ?? now) <= now - 86_400_000) this.sent.shift();
    let n = 0;
    for (let i = this.sent.length - 1; i >= 0 && (this.sent[i] ?? 0) > now - ms; i--) n++;
    return n;
  }

  getAccount() {
    return {
      DedicatedIpAutoWarmupEnabled: false,
      EnforcementStatus: this.account.suspended
        ? 'SHUTDOWN'
        : this.account.sendingEnabled
          ? 'HEALTHY'
          : 'PROBATION',
      ProductionAccessEnabled: this.account.productionAccessEnabled,
      SendingEnabled: this.account.sendingEnabled && !this.account.suspended,
      SendQuota: {
        Max24HourSend: this.account.max24HourSend,
        MaxSendRate: this.account.maxSendRate,
        SentLast24Hours: this.sentSince(86_400_000),
      },
      SuppressionAttributes: { SuppressedReasons: [] },
    };
  }

  /** The whole call's checks: account state, tenant, and room for at least one recipient. */
  checkSending(tenantName: string | undefined, identity: LocalIdentity, configurationSet?: string): void {
    if (this.account.suspended) {
      throw new SesApiError('AccountSuspendedException', 'The account has been suspended from sending.');
    }
    if (!this.account.sendingEnabled) {
      throw new SesApiError('SendingPausedException', 'Sending is paused for this account.');
    }
    if (tenantName === undefined) return;
    const tenant = this.tenant(tenantName);
    if (tenant.sendingStatus === 'DISABLED') {
      throw new SesApiError('SendingPausedException', `Sending is paused for tenant ${tenantName}.`);
    }
    const needed = [this.identityArn(identity.name)];
    if (configurationSet) needed.push(this.configurationSetArn(configurationSet));
    for (const arn of needed) {
      if (!tenant.resources.has(arn)) {
        throw new SesApiError(
          'NotFoundException',
          `Resource ${arn} is not associated with tenant ${tenantName}.`,
          404,
        );
      }
    }
  }

  /**
   * Counts `recipients` recipients against the rate and the 24-hour quota. @throws
   * TooManyRequestsException past MaxSendRate, LimitExceededException past Max24HourSend.
   */
  takeQuota(recipients: number): void {
    if (this.sentSince(1000) + recipients > this.account.maxSendRate) {
      throw new SesApiError('TooManyRequestsException', 'Maximum sending rate exceeded.', 429);
    }
    if (this.sentSince(86_400_000) + recipients > this.account.max24HourSend) {
      throw new SesApiError('LimitExceededException', 'Daily message quota exceeded.');
    }
    const now = this.ctx.now().getTime();
    for (let i = 0; i < recipients; i++) this.sent.push(now);
  }

  record(message: RecordedMessage): void {
    this.messages.push(message);
  }

  message(messageId: string): RecordedMessage {
    const found = this.messages.find((m) => m.messageId === messageId);
    if (!found) throw new SesApiError('NotFoundException', `No message ${messageId} was sent here.`, 404);
    return found;
  }
}

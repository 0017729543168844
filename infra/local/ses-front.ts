/**
 * The local SES v2 endpoint the stack's functions talk to: a front in front of `aws-ses-v2-local`
 * (which keeps the mails and shows them in a browser) serving what that package lacks, for the real
 * `@aws-sdk/client-sesv2`:
 * - email identities (CreateEmailIdentity with Easy DKIM tokens made up, verified at once; Get, List,
 *   Delete; PutEmailIdentityMailFromAttributes), tenants (CreateTenant, GetTenant, ListTenants,
 *   DeleteTenant, tenant resource associations), GetAccount from a configurable account;
 * - SendEmail and SendBulkEmail: checked like SES (account paused or suspended, configuration set,
 *   tenant and its associations, rate and 24-hour quota, tag syntax, optionally a verified identity),
 *   forwarded to the store, recorded (tags, configuration set, tenant), then SES events published in
 *   the EventBridge shape (ses-events.ts) to the default bus, for messages sent with a configuration set
 *   this SES knows (as SES publishes only through a configuration set's event destination): Send, then
 *   Delivery, Bounce or Complaint as the mailbox simulator says (ses-simulator.ts);
 * - test hooks: `open`, `click`, `inject` (any event type for a recorded message), the `account`, and
 *   identity status; also over HTTP under `/_local/` for `npm start` users;
 * - everything else (`/store`, the web view, templates) is passed through to `aws-ses-v2-local`.
 *
 * Invariants: events of a message are published after its send call has answered, in order; `idle()`
 * resolves once every accepted message's events are published.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod';
import { LocalEndpoint } from './local-endpoint.ts';
import { parseJson, RequestTooLargeError, readBody, sendJson } from './local-http-server.ts';
import type { BusEvent } from './put-events.ts';
import {
  type AcceptedMail,
  bareAddress,
  bounceObject,
  complaintObject,
  deliveryObject,
  type EngagementDetails,
  injectedObject,
  type SesEventContext,
  type SesEventType,
  sendObject,
  sesEvent,
} from './ses-events.ts';
import {
  accountPatch,
  bulkResponse,
  createIdentityRequest,
  createTenantRequest,
  engagementRequest,
  mailFromRequest,
  type Parsed,
  rawHeader,
  recipientsOf,
  sendBulkEmailRequest,
  sendEmailRequest,
  sendResponse,
  splitAddresses,
  storeResponse,
  tagsOf,
  tenantName,
  tenantResource,
} from './ses-requests.ts';
import { simulate } from './ses-simulator.ts';
import {
  type LocalAccount,
  type LocalIdentity,
  type RecordedMessage,
  SesApiError,
  SesState,
  type VerificationStatus,
} from './ses-state.ts';

export type { LocalAccount, RecordedMessage } from './ses-state.ts';

export interface SesFrontOptions {
  /** The `aws-ses-v2-local` endpoint that stores the mails. */
  readonly backend: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly region?: string;
  readonly account?: string;
  readonly now?: () => Date;
  /** Where SES events go (the local bus's default bus); without it events are only recorded. */
  readonly publish?: (event: BusEvent) => void;
  /** Configuration sets that exist (each with an EventBridge event destination). */
  readonly configurationSets?: readonly string[];
  /** Refuse (MessageRejected) a From address without a verified identity, as SES does. Default false. */
  readonly verifiedIdentitiesOnly?: boolean;
  /** Status of a new identity; `SUCCESS` (verified at once) by default. */
  readonly initialIdentityStatus?: VerificationStatus;
  readonly onError?: (error: unknown) => void;
}

const MAX_BODY_BYTES = 40 * 1024 * 1024;
const JSON_HEADERS = { 'content-type': 'application/json' };

/** Use {@link startSesFront}. */
export class SesFront {
  readonly state: SesState;
  private readonly http: LocalEndpoint;
  private readonly region: string;
  private readonly accountId: string;
  private readonly now: () => Date;
  private readonly configurationSets: ReadonlySet<string>;

  constructor(private readonly options: SesFrontOptions) {
    this.http = new LocalEndpoint('the local SES front', (req, res) => this.handle(req, res), options);
    this.region = options.region ?? 'us-east-1';
    this.accountId = options.account ?? '000000000000';
    this.now = options.now ?? (() => new Date());
    this.configurationSets = new Set(options.configurationSets ?? []);
    this.state = new SesState({
      region: this.region,
      account: this.accountId,
      now: this.now,
      initialStatus: () => options.initialIdentityStatus ?? 'SUCCESS',
    });
  }

  /** `http://127.0.0.1:<port>`: the SES endpoint (`AWS_ENDPOINT_URL_SESV2`), the store and web view too. */
  get endpoint(): string {
    return this.http.url;
  }

  /** Every message accepted, in order, with its tags, configuration set, tenant and published events. */
  get messages(): readonly RecordedMessage[] {
    return this.state.messages;
  }

  /** The messages whose `ecrm-message` (or any) tag has this value. */
  messagesTagged(name: string, value: string): RecordedMessage[] {
    return this.state.messages.filter((m) => m.tags[name] === value);
  }

  /** The account GetAccount reports and sends are checked against; change it to play quotas or a pause. */
  get account(): LocalAccount {
    return this.state.account;
  }

  setAccount(patch: Partial<LocalAccount>): void {
    Object.assign(this.state.account, patch);
  }

  /** Test hook: an identity's verification status (DKIM and MAIL FROM follow it). */
  setIdentityStatus(identity: string, status: VerificationStatus): void {
    this.state.setIdentityStatus(identity, status);
  }

  /**
   * The TXT records a verified domain identity's owner was told to add, as if added: DMARC at
   * `_dmarc.<domain>`, SPF at the MAIL FROM domain; `[]` for the domain itself; undefined otherwise.
   * The local DNS server answers from this.
   */
  publishedTxt(name: string): readonly string[] | undefined {
    const key = name.toLowerCase();
    for (const identity of this.state.identities.values()) {
      if (identity.type !== 'DOMAIN' || identity.status !== 'SUCCESS') continue;
      if (key === `_dmarc.${identity.name}`) {
        return [`v=DMARC1; p=none; rua=mailto:dmarc-reports@${identity.name}`];
      }
      if (identity.mailFrom && key === identity.mailFrom.domain) return ['v=spf1 include:amazonses.com ~all'];
      if (key === identity.name) return [];
    }
    return undefined;
  }

  /** Test hook: the recipient opened the message (an `Email Opened` event). */
  open(messageId: string, details: EngagementDetails = {}): BusEvent {
    return this.inject(messageId, 'Open', { ...details });
  }

  /** Test hook: the recipient clicked `link` (an `Email Clicked` event). */
  click(messageId: string, link: string, details: EngagementDetails = {}): BusEvent {
    return this.inject(messageId, 'Click', { link, ...details });
  }

  /**
   * Test hook: publishes an event of any type for a recorded message. `object` is the event's own
   * object (e.g. a transient bounce's); a default that SES could have sent when omitted.
   */
  inject(messageId: string, type: SesEventType, object: Readonly<Record<string, unknown>> = {}): BusEvent {
    const message = this.state.message(messageId);
    if (!message.configurationSet) {
      throw new SesApiError(
        'BadRequestException',
        `Message ${messageId} was sent without a configuration set.`,
      );
    }
    const ctx = this.context();
    const mail = this.acceptedMail(message, message.configurationSet);
    const merged = injectedObject(type, mail, object, ctx);
    const event = sesEvent(type, mail, merged, ctx);
    this.emit(message, type, event);
    return event;
  }

  /** Resolves when every accepted message's events are published. */
  idle(): Promise<void> {
    return this.http.idle();
  }

  /** @internal Binds the endpoint; use {@link startSesFront}. */
  async listen(): Promise<this> {
    await this.http.listen();
    return this;
  }

  /** Closes the endpoint, then waits for the events of accepted messages. */
  stop(): Promise<void> {
    return this.http.stop();
  }

  private context(): SesEventContext {
    return { region: this.region, account: this.accountId, now: this.now(), newId: randomUUID };
  }

  private emit(message: RecordedMessage, type: SesEventType, event: BusEvent): void {
    message.events.push(type);
    this.options.publish?.(event);
  }

  private acceptedMail(message: RecordedMessage, configurationSet: string): AcceptedMail {
    return {
      messageId: message.messageId,
      source: message.from,
      sourceArn: message.identityArn,
      destination: message.destination.map(bareAddress),
      subject: message.subject,
      headers: message.headers,
      tags: message.tags,
      configurationSet,
      at: message.at,
    };
  }

  // ── HTTP ──────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Faults to inject (benches and tests), as SES goes wrong in AWS: `throttleRate`, the share of send
   * calls answered 429 TooManyRequestsException whole; `lostAnswers`, how many of the next send calls
   * are accepted (their mail stored, their events published) but never answered: the connection drops,
   * as when the caller crashes or times out after SES took the mail.
   */
  readonly faults = { throttleRate: 0, lostAnswers: 0, random: Math.random };

  /** SendEmail and SendBulkEmail calls received (throttled ones too), for benches. */
  sendCalls = 0;

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const sending = method === 'POST' && /^\/v2\/email\/outbound-(bulk-)?emails$/.test(path);
    if (sending) this.sendCalls++;
    if (sending && this.faults.throttleRate > 0 && this.faults.random() < this.faults.throttleRate) {
      await readBody(req, MAX_BODY_BYTES).catch(() => '');
      return this.error(
        res,
        new SesApiError('TooManyRequestsException', 'Maximum sending rate exceeded.', 429),
      );
    }
    const loseAnswer = sending && this.faults.lostAnswers > 0;
    if (loseAnswer) this.faults.lostAnswers--;
    const route = this.route(method, path);
    if (!route) return this.passThrough(req, res, url);
    let text: string;
    try {
      text = await readBody(req, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof RequestTooLargeError) {
        return this.error(res, new SesApiError('BadRequestException', 'The request is over the size limit.'));
      }
      throw error;
    }
    const json = parseJson(text);
    if (!json.ok) return this.error(res, new SesApiError('BadRequestException', json.error.message));
    try {
      const answer = await route(json.value ?? {}, req);
      if (loseAnswer) {
        res.destroy();
        return;
      }
      sendJson(res, 200, answer ?? {}, JSON_HEADERS);
    } catch (error) {
      if (error instanceof SesApiError) return this.error(res, error);
      if (error instanceof z.ZodError) {
        return this.error(res, new SesApiError('BadRequestException', z.prettifyError(error)));
      }
      throw error;
    }
  }

  private error(res: ServerResponse, error: SesApiError): void {
    sendJson(
      res,
      error.status,
      { message: error.message },
      { ...JSON_HEADERS, 'x-amzn-errortype': error.errorType },
    );
  }

  private route(
    method: string,
    path: string,
  ): ((body: unknown, req: IncomingMessage) => Promise<unknown> | unknown) | undefined {
    const s = this.state;
    const identityPath = /^\/v2\/email\/identities\/([^/]+)(\/mail-from)?$/.exec(path);
    const identity = identityPath?.[1] ? decodeURIComponent(identityPath[1]) : undefined;
    const local = /^\/_local\/messages\/([^/]+)\/(open|click)$/.exec(path);
    const key = `${method} ${identityPath ? (identityPath[2] ? 'identity/mail-from' : 'identity') : local ? 'local/engage' : path}`;
    switch (key) {
      case 'POST /v2/email/identities':
        return (b) => {
          const r = createIdentityRequest.parse(b);
          return s.createIdentity({
            name: r.EmailIdentity,
            configurationSet: r.ConfigurationSetName,
            tags: r.Tags,
          });
        };
      case 'POST /v2/email/list-identities':
      case 'GET /v2/email/identities':
        return () => s.listIdentities();
      case 'GET identity':
        return () => s.getIdentity(identity ?? '');
      case 'DELETE identity':
        return () => {
          s.deleteIdentity(identity ?? '');
          return {};
        };
      case 'PUT identity/mail-from':
        return (b) => {
          const r = mailFromRequest.parse(b);
          s.putMailFrom(identity ?? '', {
            domain: r.MailFromDomain,
            behaviorOnMxFailure: r.BehaviorOnMxFailure,
          });
          return {};
        };
      case 'GET /v2/email/account':
        return () => s.getAccount();
      case 'POST /v2/email/tenants':
        return (b) => {
          const r = createTenantRequest.parse(b);
          return s.createTenant({ name: r.TenantName, tags: r.Tags });
        };
      case 'POST /v2/email/tenants/get':
        return (b) => s.getTenant(tenantName.parse(b).TenantName);
      case 'POST /v2/email/tenants/list':
        return () => s.listTenants();
      case 'POST /v2/email/tenants/delete':
        return (b) => {
          s.deleteTenant(tenantName.parse(b).TenantName);
          return {};
        };
      case 'POST /v2/email/tenants/resources':
        return (b) => {
          const r = tenantResource.parse(b);
          s.associate(r.TenantName, r.ResourceArn);
          return {};
        };
      case 'POST /v2/email/tenants/resources/delete':
        return (b) => {
          const r = tenantResource.parse(b);
          s.disassociate(r.TenantName, r.ResourceArn);
          return {};
        };
      case 'POST /v2/email/tenants/resources/list':
        return (b) => s.listTenantResources(tenantName.parse(b).TenantName);
      case 'POST /v2/email/outbound-emails':
        return (b, req) => this.sendEmail(sendEmailRequest.parse(b), b, req);
      case 'POST /v2/email/outbound-bulk-emails':
        return (b, req) => this.sendBulkEmail(sendBulkEmailRequest.parse(b), req);
      case 'GET /_local/messages':
        return () => ({ messages: this.state.messages });
      case 'GET /_local/account':
        return () => this.state.account;
      case 'PUT /_local/account':
        return (b) => {
          this.setAccount(
            Object.fromEntries(Object.entries(accountPatch.parse(b)).filter(([, v]) => v !== undefined)),
          );
          return this.state.account;
        };
      case 'POST local/engage':
        return (b) => {
          const r = engagementRequest.parse(b);
          const id = decodeURIComponent(local?.[1] ?? '');
          const details = { ipAddress: r.ipAddress, userAgent: r.userAgent };
          return local?.[2] === 'click'
            ? this.click(id, r.link ?? 'https://example.com/', details)
            : this.open(id, details);
        };
      default:
        return undefined;
    }
  }

  /** The identity a send is allowed by: the verified one, or (when not enforced) a stand-in. */
  private identityFor(from: string): LocalIdentity {
    try {
      return this.state.identityFor(from);
    } catch (error) {
      if (this.options.verifiedIdentitiesOnly) throw error;
      const name = bareAddress(from).toLowerCase().split('@')[1] ?? 'unknown';
      return {
        name,
        type: 'DOMAIN',
        status: 'SUCCESS',
        dkimTokens: [],
        mailFromStatus: 'NOT_STARTED',
        createdAt: this.now(),
        tags: [],
      };
    }
  }

  private checkConfigurationSet(name: string | undefined): void {
    if (name !== undefined && !this.configurationSets.has(name)) {
      throw new SesApiError('NotFoundException', `Configuration set <${name}> does not exist.`, 404);
    }
  }

  private async forward(path: string, body: unknown, req: IncomingMessage): Promise<unknown> {
    const response = await fetch(new URL(path, this.options.backend), {
      method: 'POST',
      headers: {
        ...JSON_HEADERS,
        authorization: String(req.headers.authorization ?? 'AWS4-HMAC-SHA256 local'),
      },
      body: JSON.stringify(body),
    });
    const answer: unknown = await response.json().catch(() => ({}));
    if (!response.ok) {
      const detail = z
        .object({ detail: z.string().optional(), message: z.string().optional() })
        .safeParse(answer);
      throw new SesApiError(
        'BadRequestException',
        detail.success ? (detail.data.detail ?? detail.data.message ?? 'rejected') : 'rejected',
        response.status >= 500 ? 500 : 400,
      );
    }
    return answer;
  }

  private async sendEmail(
    request: Parsed<typeof sendEmailRequest>,
    body: unknown,
    req: IncomingMessage,
  ): Promise<unknown> {
    const raw = request.Content?.Raw
      ? Buffer.from(request.Content.Raw.Data, 'base64').toString('utf8')
      : undefined;
    const from = request.FromEmailAddress ?? (raw ? rawHeader(raw, 'From') : undefined);
    if (from === undefined) return this.forward('/v2/email/outbound-emails', body, req);
    const recipients = request.Destination
      ? recipientsOf(request.Destination)
      : raw
        ? ['To', 'Cc', 'Bcc'].flatMap((h) => splitAddresses(rawHeader(raw, h)))
        : [];
    const tags = tagsOf(request.EmailTags);
    this.checkConfigurationSet(request.ConfigurationSetName);
    const identity = this.identityFor(from);
    this.state.checkSending(request.TenantName, identity, request.ConfigurationSetName);
    this.state.takeQuota(Math.max(1, recipients.length));
    const { MessageId } = sendResponse.parse(await this.forward('/v2/email/outbound-emails', body, req));
    const content = request.Content;
    const message: RecordedMessage = {
      messageId: MessageId,
      operation: 'SendEmail',
      from,
      destination: recipients,
      subject: content?.Simple?.Subject?.Data ?? (raw ? rawHeader(raw, 'Subject') : undefined),
      headers: (content?.Simple?.Headers ?? content?.Template?.Headers ?? []).map((h) => ({
        name: h.Name,
        value: h.Value,
      })),
      tags,
      configurationSet: request.ConfigurationSetName,
      tenant: request.TenantName,
      identityArn: this.state.identityArn(identity.name),
      at: this.now(),
      events: [],
    };
    this.accept([message], content?.Template !== undefined);
    return { MessageId };
  }

  private async sendBulkEmail(
    request: Parsed<typeof sendBulkEmailRequest>,
    req: IncomingMessage,
  ): Promise<unknown> {
    const from = request.FromEmailAddress;
    if (from === undefined) return this.forward('/v2/email/outbound-bulk-emails', request, req);
    const defaults = tagsOf(request.DefaultEmailTags);
    const entryTags = request.BulkEmailEntries.map((e) => ({ ...defaults, ...tagsOf(e.ReplacementTags) }));
    this.checkConfigurationSet(request.ConfigurationSetName);
    const identity = this.identityFor(from);
    this.state.checkSending(request.TenantName, identity, request.ConfigurationSetName);
    // Per entry, as SES answers: an entry past the rate or the quota fails alone.
    const results: { Status: string; Error?: string; MessageId?: string }[] = [];
    const forwarded: number[] = [];
    for (const [i, entry] of request.BulkEmailEntries.entries()) {
      try {
        this.state.takeQuota(Math.max(1, recipientsOf(entry.Destination).length));
        forwarded.push(i);
        results.push({ Status: 'PENDING' });
      } catch (error) {
        if (!(error instanceof SesApiError)) throw error;
        const status =
          error.errorType === 'TooManyRequestsException'
            ? 'ACCOUNT_THROTTLED'
            : 'ACCOUNT_DAILY_QUOTA_EXCEEDED';
        results.push({ Status: status, Error: error.message });
      }
    }
    if (forwarded.length > 0) {
      const forwardBody = {
        ...request,
        BulkEmailEntries: forwarded.map((i) => request.BulkEmailEntries[i]),
      };
      const answer = bulkResponse.parse(
        await this.forward('/v2/email/outbound-bulk-emails', forwardBody, req),
      );
      const accepted: RecordedMessage[] = [];
      const defaultHeaders = request.DefaultContent?.Template?.Headers ?? [];
      for (const [k, i] of forwarded.entries()) {
        const result = answer.BulkEmailEntryResults[k];
        const entry = request.BulkEmailEntries[i];
        if (!result || !entry) continue;
        const status = result.Status === 'SUCCESS' ? 'SUCCESS' : (result.Status ?? 'FAILED');
        results[i] = {
          Status: status,
          ...(result.MessageId ? { MessageId: result.MessageId } : {}),
          ...(result.Error ? { Error: result.Error } : {}),
        };
        if (status !== 'SUCCESS' || !result.MessageId) continue;
        const replaced = new Set((entry.ReplacementHeaders ?? []).map((h) => h.Name.toLowerCase()));
        accepted.push({
          messageId: result.MessageId,
          operation: 'SendBulkEmail',
          from,
          destination: recipientsOf(entry.Destination),
          headers: [
            ...defaultHeaders.filter((h) => !replaced.has(h.Name.toLowerCase())),
            ...(entry.ReplacementHeaders ?? []),
          ].map((h) => ({ name: h.Name, value: h.Value })),
          tags: entryTags[i] ?? defaults,
          configurationSet: request.ConfigurationSetName,
          tenant: request.TenantName,
          identityArn: this.state.identityArn(identity.name),
          at: this.now(),
          events: [],
        });
      }
      this.accept(accepted, true);
    }
    return { BulkEmailEntryResults: results };
  }

  /** Records accepted messages, then (after the answer) publishes their events. */
  private accept(messages: RecordedMessage[], subjectFromStore: boolean): void {
    const records = messages.map((m) => ({ ...m }));
    for (const m of records) this.state.record(m);
    const end = this.http.inFlight.begin();
    setImmediate(() => {
      void (async () => {
        try {
          if (subjectFromStore) await this.fillSubjects(records);
          for (const m of records) this.publishOutcome(m);
        } catch (error) {
          this.options.onError?.(error);
        } finally {
          end();
        }
      })();
    });
  }

  /** Templated mail: the subject is what the store rendered. */
  private async fillSubjects(messages: RecordedMessage[]): Promise<void> {
    const since = Math.floor(Math.min(...messages.map((m) => m.at.getTime()), Date.now()) / 1000) - 2;
    const response = await fetch(new URL(`/store?since=${since}`, this.options.backend));
    if (!response.ok) return;
    const store = storeResponse.safeParse(await response.json());
    if (!store.success) return;
    const subjects = new Map(store.data.emails.map((e) => [e.messageId, e.subject]));
    for (const m of messages) {
      const subject = subjects.get(m.messageId);
      if (subject !== undefined) Object.assign(m, { subject });
    }
  }

  /** Send, then what the (simulated) receiving side did: Delivery, Bounce, Complaint. */
  private publishOutcome(message: RecordedMessage): void {
    const configurationSet = message.configurationSet;
    if (configurationSet === undefined) return;
    const mail = this.acceptedMail(message, configurationSet);
    const ctx = this.context();
    this.emit(message, 'Send', sesEvent('Send', mail, sendObject(), ctx));
    const outcomes = message.destination.map((r) => ({ address: bareAddress(r), outcome: simulate(r) }));
    const delivered = outcomes.filter((o) => o.outcome.kind === 'delivered').map((o) => o.address);
    if (delivered.length > 0) {
      this.emit(message, 'Delivery', sesEvent('Delivery', mail, deliveryObject(delivered, ctx, mail), ctx));
    }
    for (const subType of ['General', 'Suppressed'] as const) {
      const bounced = outcomes.flatMap((o) =>
        o.outcome.kind === 'bounced' && o.outcome.bounceSubType === subType
          ? [{ emailAddress: o.address, status: o.outcome.status, diagnosticCode: o.outcome.diagnosticCode }]
          : [],
      );
      if (bounced.length === 0) continue;
      const object = bounceObject(
        { bounceType: 'Permanent', bounceSubType: subType, recipients: bounced },
        ctx,
      );
      this.emit(message, 'Bounce', sesEvent('Bounce', mail, object, ctx));
    }
    const complained = outcomes.filter((o) => o.outcome.kind === 'delivered' && o.outcome.complaint);
    if (complained.length > 0) {
      const object = complaintObject(
        complained.map((o) => o.address),
        ctx,
      );
      this.emit(message, 'Complaint', sesEvent('Complaint', mail, object, ctx));
    }
  }

  /** Anything this front does not serve: the store, the web view, templates. */
  private async passThrough(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const body =
      req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req, MAX_BODY_BYTES);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name))
        headers[name] = value;
    }
    const response = await fetch(new URL(url.pathname + url.search, this.options.backend), {
      method: req.method ?? 'GET',
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const payload = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, {
      'content-type': response.headers.get('content-type') ?? 'application/octet-stream',
      'content-length': payload.length,
    });
    res.end(payload);
  }
}

/** Starts the local SES front on 127.0.0.1 in front of `options.backend`; `stop()` it when done. */
export const startSesFront = (options: SesFrontOptions): Promise<SesFront> => new SesFront(options).listen();

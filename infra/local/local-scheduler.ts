/**
 * A local EventBridge Scheduler: the real `@aws-sdk/client-scheduler` creates, reads, updates, lists
 * and deletes schedules here (restJson1), and due schedules invoke a callback registered in code, as
 * Scheduler would invoke their Lambda target.
 *
 * Invariants:
 * - Errors are the service's: ValidationException (400), ResourceNotFoundException (404),
 *   ConflictException (409), each with `x-amzn-errortype` so the SDK throws its typed exception.
 * - Groups must exist, as in AWS: `default` always does; others come from `scheduleGroups` or
 *   CreateScheduleGroup.
 * - Each occurrence is dispatched once (its next occurrence is computed before the callback runs);
 *   a failing callback is retried with backoff (at most `Target.RetryPolicy.MaximumRetryAttempts`
 *   retries when set), then the invocation goes to `deadLetters`.
 * - `at()` schedules whose time has already passed fire on the next tick; rate() and cron() fire every
 *   occurrence between ticks (also when `advanceTo` jumps far ahead). FlexibleTimeWindow is accepted
 *   and stored but not applied: occurrences fire at their exact time, so tests are deterministic.
 * - ActionAfterCompletion DELETE removes the schedule when its last occurrence has been dispatched.
 * - Time: `now` (default: the system clock) until `advanceTo(date)` is first called; from then on the
 *   scheduler's time only moves with `advanceTo`.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isValidTimeZone } from '../../lib/shared/zoned-time.ts';
import { LocalEndpoint } from './local-endpoint.ts';
import { parseJson, RequestTooLargeError, readBody, sendJson } from './local-http-server.ts';
import { defaultRetryPolicy, type RetryPolicy, retryWithBackoff } from './retry.ts';
import {
  atInstant,
  nextOccurrence,
  parseScheduleExpression,
  type ScheduleExpression,
  ScheduleExpressionError,
} from './schedule-expression.ts';
import {
  conflict,
  describeIssues,
  getScheduleOutput,
  NAME_PATTERN,
  notFound,
  type ScheduleRecord,
  SchedulerApiError,
  scheduleBodySchema,
  scheduleSummary,
  validation,
} from './scheduler-api.ts';

/** What the callback receives for one attempt of one occurrence. */
export interface ScheduledInvocation {
  readonly name: string;
  readonly groupName: string;
  readonly scheduleArn: string;
  readonly targetArn: string;
  readonly roleArn: string;
  /** `Target.Input` with Scheduler's context attributes (`<aws.scheduler.*>`) substituted. */
  readonly input: string | undefined;
  readonly scheduledTime: Date;
  readonly executionId: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
}

export type FireHandler = (invocation: ScheduledInvocation) => Promise<unknown> | unknown;

export interface FailedInvocation {
  readonly invocation: ScheduledInvocation;
  readonly error: unknown;
  readonly attempts: number;
}

export interface LocalSchedulerOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly region?: string;
  readonly account?: string;
  /** Groups that exist besides `default`. */
  readonly scheduleGroups?: readonly string[];
  /** The clock; defaults to the system clock. */
  readonly now?: () => Date;
  /** How often due schedules are checked; 0 disables the timer (call `runDue`/`advanceTo`). Default 1 s. */
  readonly tickMs?: number;
  /** Callback retries; defaults to 3 attempts from 50 ms. */
  readonly retry?: RetryPolicy;
  /** Errors of the endpoint itself (not of callbacks). */
  readonly onError?: (error: unknown) => void;
}

interface Entry {
  record: ScheduleRecord;
  readonly expression: ScheduleExpression;
  nextDue: Date | undefined;
}

const MAX_BODY_BYTES = 64 * 1024;
const isoSeconds = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

/** Use {@link startLocalScheduler}. */
export class LocalScheduler {
  private readonly entries = new Map<string, Entry>();
  private readonly groups = new Map<string, Date>();
  private readonly http: LocalEndpoint;
  private readonly dead: FailedInvocation[] = [];
  /** API requests received (CreateSchedule, DeleteSchedule…), by `METHOD collection`, for the bench. */
  readonly apiCalls = new Map<string, number>();
  /** Occurrences dispatched and schedules created since start, for benches (Scheduler bills both). */
  readonly counts = { dispatched: 0, created: 0 };
  private readonly region: string;
  private readonly account: string;
  private readonly retry: RetryPolicy;
  private handler: FireHandler | undefined;
  private virtualNow: Date | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: LocalSchedulerOptions = {}) {
    this.http = new LocalEndpoint('the local scheduler', (req, res) => this.handle(req, res), options);
    this.region = options.region ?? 'us-east-1';
    this.account = options.account ?? '000000000000';
    this.retry = options.retry ?? defaultRetryPolicy;
    for (const g of ['default', ...(options.scheduleGroups ?? [])]) this.groups.set(g, this.now());
  }

  /** `http://127.0.0.1:<port>`, for the SDK client's `endpoint` or `AWS_ENDPOINT_URL_SCHEDULER`. */
  get endpoint(): string {
    return this.http.url;
  }

  /** Invocations that failed every attempt. */
  get deadLetters(): readonly FailedInvocation[] {
    return this.dead;
  }

  /** The scheduler's current time. */
  now(): Date {
    return this.virtualNow ?? this.options.now?.() ?? new Date();
  }

  /**
   * Registers the one callback that due schedules invoke (dispatch on `targetArn` inside it).
   * Returns a function that unregisters it. @throws if a callback is already registered.
   */
  onFire(handler: FireHandler): () => void {
    if (this.handler) throw new Error('the local scheduler already has an onFire callback');
    this.handler = handler;
    return () => {
      if (this.handler === handler) this.handler = undefined;
    };
  }

  /** The next occurrence of a schedule, or undefined (none left, or no such schedule). */
  nextDue(name: string, groupName = 'default'): Date | undefined {
    return this.entries.get(`${groupName}/${name}`)?.nextDue;
  }

  /** Fires every occurrence due at the current time and waits for those invocations (retries included). */
  async runDue(): Promise<void> {
    await Promise.all(this.dispatchDue(this.now()));
  }

  /**
   * Moves the scheduler's time forward to `date` (it stays there: the clock no longer moves by itself),
   * firing every occurrence due by then in time order, and waits for those invocations.
   */
  async advanceTo(date: Date): Promise<void> {
    if (date.getTime() < this.now().getTime()) {
      throw new Error(
        `cannot move the scheduler back from ${this.now().toISOString()} to ${date.toISOString()}`,
      );
    }
    this.virtualNow = new Date(date);
    await this.runDue();
  }

  /** Resolves when no invocation is in flight. */
  idle(): Promise<void> {
    return this.http.idle();
  }

  /** @internal Binds the endpoint and starts the timer; use {@link startLocalScheduler}. */
  async listen(): Promise<this> {
    await this.http.listen();
    const tickMs = this.options.tickMs ?? 1_000;
    if (tickMs > 0) {
      this.timer = setInterval(() => {
        for (const delivery of this.dispatchDue(this.now()))
          delivery.catch(this.options.onError ?? (() => {}));
      }, tickMs);
      this.timer.unref();
    }
    return this;
  }

  /** Stops the timer and the endpoint, then waits for invocations in flight. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.http.stop();
  }

  // ---- firing -------------------------------------------------------------------------------------

  private firstDue(record: ScheduleRecord, expression: ScheduleExpression): Date | undefined {
    if (expression.kind === 'at') return atInstant(expression, record.timeZone);
    const start = record.body.StartDate === undefined ? undefined : new Date(record.body.StartDate * 1000);
    const now = this.now();
    const after = start && start > now ? new Date(start.getTime() - 1) : now;
    return this.bounded(record, nextOccurrence(expression, after, this.occurrenceContext(record)));
  }

  private occurrenceContext(record: ScheduleRecord) {
    const start = record.body.StartDate;
    return {
      timeZone: record.timeZone,
      anchor: start === undefined ? record.lastModificationDate : new Date(start * 1000),
    };
  }

  private bounded(record: ScheduleRecord, due: Date | undefined): Date | undefined {
    const end = record.body.EndDate;
    return due && end !== undefined && due.getTime() > end * 1000 ? undefined : due;
  }

  /** Dispatches due occurrences (advancing each schedule first) and returns their deliveries. */
  private dispatchDue(now: Date): Promise<void>[] {
    const deliveries: Promise<void>[] = [];
    const due = [...this.entries.entries()]
      .filter(([, e]) => e.record.state === 'ENABLED' && e.nextDue !== undefined && e.nextDue <= now)
      .sort(([, a], [, b]) => (a.nextDue?.getTime() ?? 0) - (b.nextDue?.getTime() ?? 0));
    for (const [key, entry] of due) {
      while (entry.nextDue && entry.nextDue <= now) {
        const scheduledTime = entry.nextDue;
        entry.nextDue =
          entry.expression.kind === 'at'
            ? undefined
            : this.bounded(
                entry.record,
                nextOccurrence(entry.expression, scheduledTime, this.occurrenceContext(entry.record)),
              );
        deliveries.push(this.http.inFlight.track(this.deliver(entry.record, scheduledTime)));
      }
      if (entry.nextDue === undefined && entry.record.body.ActionAfterCompletion === 'DELETE') {
        this.entries.delete(key);
      }
    }
    return deliveries;
  }

  private async deliver(record: ScheduleRecord, scheduledTime: Date): Promise<void> {
    this.counts.dispatched += 1;
    const executionId = randomUUID();
    const retries = record.body.Target.RetryPolicy?.MaximumRetryAttempts;
    const attempts = Math.max(
      1,
      Math.min(this.retry.attempts, retries === undefined ? Infinity : retries + 1),
    );
    const invocation = (attempt: number): ScheduledInvocation => ({
      name: record.name,
      groupName: record.groupName,
      scheduleArn: record.arn,
      targetArn: record.body.Target.Arn,
      roleArn: record.body.Target.RoleArn,
      input: record.body.Target.Input?.replaceAll('<aws.scheduler.schedule-arn>', record.arn)
        .replaceAll('<aws.scheduler.scheduled-time>', isoSeconds(scheduledTime))
        .replaceAll('<aws.scheduler.execution-id>', executionId)
        .replaceAll('<aws.scheduler.attempt-number>', String(attempt)),
      scheduledTime,
      executionId,
      attempt,
    });
    const outcome = await retryWithBackoff(
      async (attempt) => {
        const handler = this.handler;
        if (!handler) throw new Error('no onFire callback is registered on the local scheduler');
        await handler(invocation(attempt));
      },
      { ...this.retry, attempts },
    );
    if (!outcome.ok)
      this.dead.push({
        invocation: invocation(outcome.attempts),
        error: outcome.error,
        attempts: outcome.attempts,
      });
  }

  // ---- API ----------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [collection, encodedName, ...rest] = url.pathname.split('/').filter(Boolean);
    const name = encodedName === undefined ? undefined : decodeURIComponent(encodedName);
    const call = `${req.method} ${collection}`;
    this.apiCalls.set(call, (this.apiCalls.get(call) ?? 0) + 1);
    try {
      const body = req.method === 'POST' || req.method === 'PUT' ? await this.body(req) : undefined;
      const result = this.route(
        req.method ?? 'GET',
        collection,
        name,
        rest.length > 0,
        url.searchParams,
        body,
      );
      sendJson(res, 200, result);
    } catch (error) {
      if (!(error instanceof SchedulerApiError)) throw error;
      sendJson(res, error.status, { Message: error.message }, { 'x-amzn-errortype': error.errorType });
    }
  }

  private async body(req: IncomingMessage): Promise<unknown> {
    let text: string;
    try {
      text = await readBody(req, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof RequestTooLargeError)
        throw validation(`The request body exceeds ${MAX_BODY_BYTES} bytes.`);
      throw error;
    }
    const json = parseJson(text);
    if (!json.ok) throw validation(`The request body is not valid JSON: ${json.error.message}`);
    return json.value ?? {};
  }

  private route(
    method: string,
    collection: string | undefined,
    name: string | undefined,
    extraPath: boolean,
    query: URLSearchParams,
    body: unknown,
  ): unknown {
    if (collection === 'schedules' && name !== undefined && !extraPath) {
      const group = () => query.get('groupName') ?? 'default';
      if (method === 'POST') return this.create(name, body);
      if (method === 'PUT') return this.update(name, body);
      if (method === 'GET') return getScheduleOutput(this.find(name, group()).record);
      if (method === 'DELETE') return this.remove(name, group());
    }
    if (collection === 'schedules' && name === undefined && method === 'GET') return this.list(query);
    if (collection === 'schedule-groups' && name !== undefined && !extraPath) {
      if (method === 'POST') return this.createGroup(name);
      if (method === 'GET') return this.getGroup(name);
      if (method === 'DELETE') return this.deleteGroup(name);
    }
    throw new SchedulerApiError(
      404,
      'ResourceNotFoundException',
      `The local scheduler has no ${method} ${collection ?? '/'}`,
    );
  }

  private parse(name: string, body: unknown) {
    if (!NAME_PATTERN.test(name)) throw validation(`Name "${name}" must be 1-64 characters of 0-9a-zA-Z-_.`);
    const parsed = scheduleBodySchema.safeParse(body);
    if (!parsed.success) throw validation(describeIssues(parsed.error));
    const groupName = parsed.data.GroupName ?? 'default';
    if (!this.groups.has(groupName)) throw notFound(`Schedule group ${groupName} does not exist.`);
    const timeZone = parsed.data.ScheduleExpressionTimezone ?? 'UTC';
    if (!isValidTimeZone(timeZone)) throw validation(`Invalid ScheduleExpressionTimezone: ${timeZone}`);
    let expression: ScheduleExpression;
    try {
      expression = parseScheduleExpression(parsed.data.ScheduleExpression);
    } catch (error) {
      if (error instanceof ScheduleExpressionError)
        throw validation(`Invalid Schedule Expression ${error.message}`);
      throw error;
    }
    return { body: parsed.data, groupName, timeZone, expression };
  }

  private store(
    name: string,
    parsed: ReturnType<LocalScheduler['parse']>,
    creationDate: Date,
  ): { ScheduleArn: string } {
    const now = this.now();
    const record: ScheduleRecord = {
      name,
      groupName: parsed.groupName,
      arn: `arn:aws:scheduler:${this.region}:${this.account}:schedule/${parsed.groupName}/${name}`,
      body: parsed.body,
      state: parsed.body.State ?? 'ENABLED',
      timeZone: parsed.timeZone,
      creationDate,
      lastModificationDate: now,
    };
    this.entries.set(`${parsed.groupName}/${name}`, {
      record,
      expression: parsed.expression,
      nextDue: this.firstDue(record, parsed.expression),
    });
    return { ScheduleArn: record.arn };
  }

  private create(name: string, body: unknown) {
    this.counts.created += 1;
    const parsed = this.parse(name, body);
    if (this.entries.has(`${parsed.groupName}/${name}`)) throw conflict(`Schedule ${name} already exists.`);
    return this.store(name, parsed, this.now());
  }

  private update(name: string, body: unknown) {
    const parsed = this.parse(name, body);
    const existing = this.find(name, parsed.groupName);
    return this.store(name, parsed, existing.record.creationDate);
  }

  private find(name: string, groupName: string): Entry {
    if (!this.groups.has(groupName)) throw notFound(`Schedule group ${groupName} does not exist.`);
    const entry = this.entries.get(`${groupName}/${name}`);
    if (!entry) throw notFound(`Schedule ${name} does not exist.`);
    return entry;
  }

  private remove(name: string, groupName: string) {
    this.find(name, groupName);
    this.entries.delete(`${groupName}/${name}`);
    return {};
  }

  private list(query: URLSearchParams) {
    const group = query.get('ScheduleGroup');
    const prefix = query.get('NamePrefix') ?? '';
    const state = query.get('State');
    const max = Math.min(100, Math.max(1, Number(query.get('MaxResults') ?? 100) || 100));
    const offset = Number(query.get('NextToken') ?? 0) || 0;
    const all = [...this.entries.values()]
      .map((e) => e.record)
      .filter((r) => (group === null || r.groupName === group) && r.name.startsWith(prefix))
      .filter((r) => state === null || r.state === state)
      .sort((a, b) => a.groupName.localeCompare(b.groupName) || a.name.localeCompare(b.name));
    const page = all.slice(offset, offset + max);
    const next = offset + max < all.length ? String(offset + max) : undefined;
    return { Schedules: page.map(scheduleSummary), ...(next ? { NextToken: next } : {}) };
  }

  private groupArn(name: string) {
    return `arn:aws:scheduler:${this.region}:${this.account}:schedule-group/${name}`;
  }

  private createGroup(name: string) {
    if (!NAME_PATTERN.test(name)) throw validation(`Name "${name}" must be 1-64 characters of 0-9a-zA-Z-_.`);
    if (this.groups.has(name)) throw conflict(`Schedule group ${name} already exists.`);
    this.groups.set(name, this.now());
    return { ScheduleGroupArn: this.groupArn(name) };
  }

  private getGroup(name: string) {
    const created = this.groups.get(name);
    if (!created) throw notFound(`Schedule group ${name} does not exist.`);
    const at = created.getTime() / 1000;
    return {
      Arn: this.groupArn(name),
      Name: name,
      State: 'ACTIVE',
      CreationDate: at,
      LastModificationDate: at,
    };
  }

  private deleteGroup(name: string) {
    if (name === 'default') throw validation('The default schedule group cannot be deleted.');
    if (!this.groups.delete(name)) throw notFound(`Schedule group ${name} does not exist.`);
    for (const [key, entry] of this.entries) if (entry.record.groupName === name) this.entries.delete(key);
    return {};
  }
}

/** Starts a local scheduler on 127.0.0.1; `stop()` it when done. */
export const startLocalScheduler = (options: LocalSchedulerOptions = {}): Promise<LocalScheduler> =>
  new LocalScheduler(options).listen();

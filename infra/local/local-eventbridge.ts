/**
 * A local EventBridge endpoint: the real `@aws-sdk/client-eventbridge` sends PutEvents here, rules
 * registered in code receive the matching events, like an event bus with Lambda targets.
 *
 * Invariants:
 * - PutEvents answers like AWS (see put-events.ts) before any target runs; targets run asynchronously.
 * - Each (event, rule) pair is delivered independently, at least once: a target that throws is retried
 *   with backoff (`retry`), then the delivery goes to `deadLetters` (and the `dead-letter` event).
 * - Deliveries are counted from the moment PutEvents accepts the entry, so `idle()` awaited after a
 *   PutEvents call (or after a target that publishes again) waits for every consequence.
 * - Every accepted event is archived in `events`, in acceptance order, matched or not.
 * - A rule's target runs at most `concurrency` deliveries at once (the rule's, else the bus's default),
 *   as a Lambda function runs at most its concurrency: further deliveries wait for a slot, in order.
 *   A retry waits for a slot again, like a new invocation.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type CompiledEventPattern, compileEventPattern } from './event-pattern.ts';
import { LocalEndpoint } from './local-endpoint.ts';
import { parseJson, RequestTooLargeError, readBody, sendJson } from './local-http-server.ts';
import {
  type AcceptedEvent,
  type BusEvent,
  busNameOf,
  PutEventsValidationError,
  putEvents,
  putEventsRequestSchema,
} from './put-events.ts';
import { defaultRetryPolicy, type RetryPolicy, retryWithBackoff } from './retry.ts';
import { Slots } from './slots.ts';

export type { BusEvent } from './put-events.ts';

/** A rule with one in-process target (a Lambda handler in the local stack). */
export interface LocalRule {
  readonly name: string;
  /** Name or ARN; defaults to `default`. The bus must be one of the options' `eventBusNames`. */
  readonly eventBusName?: string;
  /** An EventBridge event pattern; validated when the rule is added. */
  readonly pattern: unknown;
  readonly target: (event: BusEvent) => Promise<unknown> | unknown;
  /** Deliveries running at once for this rule; defaults to the bus's `concurrency`. */
  readonly concurrency?: number;
}

export interface DeadLetter {
  readonly rule: string;
  readonly eventBusName: string;
  readonly event: BusEvent;
  readonly error: unknown;
  readonly attempts: number;
}

export interface LocalEventBridgeOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly region?: string;
  readonly account?: string;
  /** Buses that exist besides `default`; PutEvents to any other bus fails per entry, as in AWS. */
  readonly eventBusNames?: readonly string[];
  /** Target retries; defaults to 3 attempts from 50 ms. */
  readonly retry?: RetryPolicy;
  /** Default deliveries running at once per rule; defaults to {@link DEFAULT_RULE_CONCURRENCY}. */
  readonly concurrency?: number;
  /** Called with errors of the endpoint itself (not of targets). */
  readonly onError?: (error: unknown) => void;
}

interface CompiledRule {
  readonly name: string;
  readonly eventBusName: string;
  readonly matches: CompiledEventPattern;
  readonly target: LocalRule['target'];
  readonly slots: Slots;
}

/** Enough to keep two cores and DynamoDB Local busy without piling thousands of handlers on them. */
export const DEFAULT_RULE_CONCURRENCY = 16;

type BusEvents = {
  /** An accepted event, before it is matched against the rules. */
  event: [event: BusEvent, eventBusName: string];
  'dead-letter': [deadLetter: DeadLetter];
};

const JSON_1_1 = { 'content-type': 'application/x-amz-json-1.1' };
const MAX_BODY_BYTES = 1024 * 1024;

const awsError = (res: ServerResponse, status: number, type: string, message: string) =>
  sendJson(res, status, { __type: type, message }, { ...JSON_1_1, 'x-amzn-errortype': type });

/** Use {@link startLocalEventBridge}. */
export class LocalEventBridge extends EventEmitter<BusEvents> {
  private readonly rules = new Map<string, CompiledRule>();
  private readonly http: LocalEndpoint;
  private readonly archive: BusEvent[] = [];
  private readonly dead: DeadLetter[] = [];
  private readonly buses: ReadonlySet<string>;
  private readonly region: string;
  private readonly account: string;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: LocalEventBridgeOptions = {}) {
    super();
    this.http = new LocalEndpoint('the local event bus', (req, res) => this.handle(req, res), options);
    this.buses = new Set(['default', ...(options.eventBusNames ?? [])]);
    this.region = options.region ?? 'us-east-1';
    this.account = options.account ?? '000000000000';
    this.retry = options.retry ?? defaultRetryPolicy;
  }

  /** `http://127.0.0.1:<port>`, for the SDK client's `endpoint` or `AWS_ENDPOINT_URL_EVENTBRIDGE`. */
  get endpoint(): string {
    return this.http.url;
  }

  /** Every accepted event, in order. */
  get events(): readonly BusEvent[] {
    return this.archive;
  }

  /** Deliveries that failed every attempt. */
  get deadLetters(): readonly DeadLetter[] {
    return this.dead;
  }

  /**
   * Adds a rule. @throws {InvalidEventPatternError} for a malformed pattern; Error for an unknown bus
   * or a rule name already used on that bus.
   */
  addRule(rule: LocalRule): void {
    const eventBusName = busNameOf(rule.eventBusName);
    if (!this.buses.has(eventBusName)) throw new Error(`Event bus ${eventBusName} does not exist.`);
    const key = `${eventBusName}/${rule.name}`;
    if (this.rules.has(key)) throw new Error(`Rule ${rule.name} already exists on bus ${eventBusName}.`);
    this.rules.set(key, {
      name: rule.name,
      eventBusName,
      matches: compileEventPattern(rule.pattern),
      target: rule.target,
      slots: new Slots(rule.concurrency ?? this.options.concurrency ?? DEFAULT_RULE_CONCURRENCY),
    });
  }

  /** Removes a rule; deliveries already under way finish. Returns whether it existed. */
  removeRule(name: string, eventBusName?: string): boolean {
    return this.rules.delete(`${busNameOf(eventBusName)}/${name}`);
  }

  /** Resolves when no delivery is in flight (retries and their backoff included). */
  idle(): Promise<void> {
    return this.http.idle();
  }

  /** @internal Binds the endpoint; use {@link startLocalEventBridge}. */
  async listen(): Promise<this> {
    await this.http.listen();
    return this;
  }

  /** Closes the endpoint, then waits for deliveries in flight. */
  stop(): Promise<void> {
    return this.http.stop();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' || (req.url ?? '/') !== '/') {
      return awsError(res, 404, 'UnknownOperationException', `No route for ${req.method} ${req.url}`);
    }
    const target = req.headers['x-amz-target'];
    if (target !== 'AWSEvents.PutEvents') {
      return awsError(
        res,
        400,
        'UnknownOperationException',
        `The local bus only implements PutEvents, not ${target}`,
      );
    }
    let text: string;
    try {
      text = await readBody(req, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof RequestTooLargeError) {
        return awsError(
          res,
          413,
          'ValidationException',
          'Total size of the entries in the request is over the limit.',
        );
      }
      throw error;
    }
    const json = parseJson(text);
    const request = json.ok ? putEventsRequestSchema.safeParse(json.value ?? {}) : undefined;
    if (!request?.success) {
      const reason = json.ok ? request?.error.message : json.error.message;
      return awsError(res, 400, 'SerializationException', `Malformed PutEvents request: ${reason}`);
    }
    let outcome: ReturnType<typeof putEvents>;
    try {
      outcome = putEvents(request.data, {
        region: this.region,
        account: this.account,
        now: new Date(),
        newId: randomUUID,
        busExists: (name) => this.buses.has(name),
      });
    } catch (error) {
      if (error instanceof PutEventsValidationError)
        return awsError(res, 400, error.errorType, error.message);
      throw error;
    }
    // Count the deliveries before answering: idle() awaited after PutEvents must include them.
    const deliveries = outcome.accepted.map((accepted) => this.accept(accepted));
    const failed = outcome.results.filter((r) => 'ErrorCode' in r).length;
    sendJson(res, 200, { FailedEntryCount: failed, Entries: outcome.results }, JSON_1_1);
    setImmediate(() => {
      for (const start of deliveries) start();
    });
  }

  /**
   * An event an AWS service publishes (source `aws.*`, which PutEvents refuses), e.g. SES's email
   * events on the default bus: archived and delivered like any accepted event, counted by `idle()`
   * from this call.
   */
  putServiceEvent(event: BusEvent, eventBusName = 'default'): void {
    const bus = busNameOf(eventBusName);
    if (!this.buses.has(bus)) throw new Error(`Event bus ${bus} does not exist.`);
    const start = this.accept({ event, eventBusName: bus });
    setImmediate(start);
  }

  /** Archives an accepted event and returns the function that starts its deliveries. */
  private accept({ event, eventBusName }: AcceptedEvent): () => void {
    this.archive.push(event);
    this.emit('event', event, eventBusName);
    const matched = [...this.rules.values()].filter(
      (r) => r.eventBusName === eventBusName && r.matches(event),
    );
    const ends = matched.map(() => this.http.inFlight.begin());
    return () => {
      for (const [i, rule] of matched.entries()) {
        void this.deliver(rule, event).finally(ends[i]);
      }
    };
  }

  private async deliver(rule: CompiledRule, event: BusEvent): Promise<void> {
    const outcome = await retryWithBackoff(async () => {
      await rule.slots.run(() => rule.target(structuredClone(event)));
    }, this.retry);
    if (outcome.ok) return;
    const deadLetter: DeadLetter = {
      rule: rule.name,
      eventBusName: rule.eventBusName,
      event,
      error: outcome.error,
      attempts: outcome.attempts,
    };
    this.dead.push(deadLetter);
    this.emit('dead-letter', deadLetter);
  }
}

/** Starts a local bus on 127.0.0.1; `stop()` it when done. */
export const startLocalEventBridge = (options: LocalEventBridgeOptions = {}): Promise<LocalEventBridge> =>
  new LocalEventBridge(options).listen();

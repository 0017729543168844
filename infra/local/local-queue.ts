/**
 * A local SQS for the local stack: the real `@aws-sdk/client-sqs` sends here (AWS JSON 1.0:
 * SendMessage, SendMessageBatch), and each queue feeds its consumer in batches, as Lambda's event
 * source mapping would.
 *
 * Invariants:
 * - At least once: a message leaves the queue only when its batch succeeds or the handler does not
 *   list it in `batchItemFailures`; a failed or thrown batch's messages come back after the
 *   visibility timeout, and after `maxReceiveCount` receives they go to `deadLetters`.
 * - DelaySeconds hides a message until its time: the delay counts from the send in real time, and
 *   ends early when the given clock (the local scheduler's, which tests move ahead) is past it, so a
 *   test that jumps hours ahead does not wait out the delays of the drains that jump fired.
 * - A message counts as in flight from when it is first visible until it is deleted or dead-lettered
 *   (a failed one waiting for its redelivery still counts), so `idle()` resolves when nothing is
 *   receivable and no batch runs; messages still in their DelaySeconds are future work, as a
 *   schedule not yet due is to the local scheduler (`depth()` counts them).
 * - Consumers run at most `concurrency` batches at once per queue.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { LocalEndpoint } from './local-endpoint.ts';
import { parseJson, readBody } from './local-http-server.ts';

export type QueueConsumer = (event: SQSEvent) => Promise<SQSBatchResponse | undefined>;

export interface ConsumerOptions {
  readonly batchSize: number;
  readonly maxReceiveCount: number;
  /** How long a received message stays hidden before a redelivery; default 1 s locally. */
  readonly visibilityTimeoutMs?: number;
  /** Batches running at once; default 4. */
  readonly concurrency?: number;
}

interface Message {
  readonly id: string;
  readonly body: string;
  readonly sentAt: number;
  visibleAt: number;
  receives: number;
  /** Ends its count in `inFlight`; set when it first becomes visible. */
  done?: () => void;
}

export interface DeadLetter {
  readonly queue: string;
  readonly messageId: string;
  readonly body: string;
  readonly receives: number;
}

const MAX_BODY_BYTES = 2 * 1024 * 1024;
const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

class Queue {
  /** Visible messages, oldest first, from `head` on. */
  ready: Message[] = [];
  head = 0;
  /** Delayed, or received and hidden for the visibility timeout. */
  waiting: Message[] = [];
  /** Received, in a running batch. */
  handling = 0;
  consumer: { handler: QueueConsumer; options: ConsumerOptions } | undefined;
  running = 0;
  constructor(
    readonly name: string,
    readonly arn: string,
  ) {}
}

/** Use {@link startLocalQueues}. */
export class LocalQueues {
  private readonly queues = new Map<string, Queue>();
  private readonly http = new LocalEndpoint('the local queues', (req, res) => this.handle(req, res));
  private readonly dead: DeadLetter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** SendMessage(Batch) requests served, for benches. */
  sendRequests = 0;
  /** Consumer invocations (batches handed to a handler), for benches. */
  invocations = 0;

  constructor(
    private readonly region = 'us-east-1',
    private readonly account = '000000000000',
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Delays and visibility end by real time, or by the clock when that runs ahead. */
  private now(): number {
    return Math.max(Date.now(), this.clock().getTime());
  }

  get endpoint(): string {
    return this.http.url;
  }

  get deadLetters(): readonly DeadLetter[] {
    return this.dead;
  }

  /** Creates a queue; returns its URL. */
  create(name: string): string {
    if (!this.queues.has(name))
      this.queues.set(name, new Queue(name, `arn:aws:sqs:${this.region}:${this.account}:${name}`));
    return this.url(name);
  }

  url(name: string): string {
    return `${this.endpoint}/${this.account}/${name}`;
  }

  /** Feeds a queue's messages to `handler`, as an event source mapping does. */
  consume(name: string, handler: QueueConsumer, options: ConsumerOptions): void {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`no local queue ${name}`);
    queue.consumer = { handler, options };
    this.pump(queue);
  }

  /** Messages not yet deleted (delayed, visible or being handled). */
  depth(name: string): number {
    const q = this.queues.get(name);
    return q ? q.ready.length - q.head + q.waiting.length + q.handling : 0;
  }

  /** Resolves when every queue is empty and no batch runs. */
  idle(): Promise<void> {
    return this.http.idle();
  }

  /** @internal */
  async listen(): Promise<this> {
    await this.http.listen();
    this.timer = setInterval(() => {
      for (const q of this.queues.values()) this.pump(q);
    }, 50);
    this.timer.unref();
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.http.close();
    // Delayed messages would hold idle() forever once nothing consumes them.
    for (const q of this.queues.values()) {
      for (const m of [...q.ready.slice(q.head), ...q.waiting]) m.done?.();
      q.ready = [];
      q.head = 0;
      q.waiting = [];
    }
  }

  // ---- delivery -----------------------------------------------------------------------------------

  private enqueue(queue: Queue, body: string, delaySeconds: number): string {
    const now = Date.now();
    const id = randomUUID();
    const message = {
      id,
      body,
      sentAt: now,
      visibleAt: now + delaySeconds * 1000,
      receives: 0,
      ...(delaySeconds > 0 ? {} : { done: this.http.inFlight.begin() }),
    };
    if (delaySeconds > 0) queue.waiting.push(message);
    else queue.ready.push(message);
    queueMicrotask(() => this.pump(queue));
    return id;
  }

  private pump(queue: Queue): void {
    const consumer = queue.consumer;
    if (!consumer || this.stopped) return;
    const concurrency = consumer.options.concurrency ?? 4;
    const now = this.now();
    if (queue.waiting.some((m) => m.visibleAt <= now)) {
      const still: Message[] = [];
      for (const m of queue.waiting) {
        if (m.visibleAt > now) still.push(m);
        else {
          m.done ??= this.http.inFlight.begin();
          queue.ready.push(m);
        }
      }
      queue.waiting = still;
    }
    while (queue.running < concurrency && queue.head < queue.ready.length) {
      const batch = queue.ready.slice(queue.head, queue.head + consumer.options.batchSize);
      queue.head += batch.length;
      if (queue.head > 10_000 && queue.head * 2 > queue.ready.length) {
        queue.ready = queue.ready.slice(queue.head);
        queue.head = 0;
      }
      queue.handling += batch.length;
      const hideFor = consumer.options.visibilityTimeoutMs ?? 1_000;
      const now = Date.now();
      for (const m of batch) {
        m.receives += 1;
        m.visibleAt = now + hideFor;
      }
      queue.running += 1;
      this.invocations += 1;
      const end = this.http.inFlight.begin();
      void this.deliver(queue, consumer, batch).finally(() => {
        queue.running -= 1;
        queue.handling -= batch.length;
        end();
        this.pump(queue);
      });
    }
  }

  private async deliver(
    queue: Queue,
    consumer: NonNullable<Queue['consumer']>,
    batch: Message[],
  ): Promise<void> {
    const records: SQSRecord[] = batch.map((m) => ({
      messageId: m.id,
      receiptHandle: `${m.id}:${m.receives}`,
      body: m.body,
      attributes: {
        ApproximateReceiveCount: String(m.receives),
        SentTimestamp: String(m.sentAt),
        SenderId: this.account,
        ApproximateFirstReceiveTimestamp: String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: md5(m.body),
      eventSource: 'aws:sqs',
      eventSourceARN: queue.arn,
      awsRegion: this.region,
    }));
    let failed: Set<string>;
    try {
      const response = await consumer.handler({ Records: records });
      failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch {
      failed = new Set(batch.map((m) => m.id));
    }
    for (const m of batch) {
      if (failed.has(m.id) && m.receives < consumer.options.maxReceiveCount) {
        queue.waiting.push(m);
        continue;
      }
      if (failed.has(m.id))
        this.dead.push({ queue: queue.name, messageId: m.id, body: m.body, receives: m.receives });
      m.done?.();
    }
  }

  // ---- API ----------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = String(req.headers['x-amz-target'] ?? '');
    const reply = (status: number, body: unknown) => {
      const payload = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/x-amz-json-1.0',
        'content-length': Buffer.byteLength(payload),
        'x-amzn-requestid': randomUUID(),
      });
      res.end(payload);
    };
    const fail = (type: string, message: string) =>
      reply(400, { __type: `com.amazonaws.sqs#${type}`, message });
    const json = parseJson(await readBody(req, MAX_BODY_BYTES));
    const body = json.ok && typeof json.value === 'object' && json.value !== null ? json.value : {};
    const queueUrl = 'QueueUrl' in body && typeof body.QueueUrl === 'string' ? body.QueueUrl : '';
    const queue = this.queues.get(queueUrl.split('/').pop() ?? '');
    if (!queue) return fail('QueueDoesNotExist', `The specified queue does not exist: ${queueUrl}`);
    const entry = (e: unknown) => {
      const o = typeof e === 'object' && e !== null ? e : {};
      const text = 'MessageBody' in o && typeof o.MessageBody === 'string' ? o.MessageBody : undefined;
      const delay = 'DelaySeconds' in o && typeof o.DelaySeconds === 'number' ? o.DelaySeconds : 0;
      const id = 'Id' in o && typeof o.Id === 'string' ? o.Id : '';
      return { id, text, delay };
    };
    this.sendRequests += 1;
    if (target === 'AmazonSQS.SendMessage') {
      const { text, delay } = entry(body);
      if (text === undefined || delay < 0 || delay > 900)
        return fail('InvalidParameterValue', 'MessageBody is required; DelaySeconds is 0-900.');
      return reply(200, { MessageId: this.enqueue(queue, text, delay), MD5OfMessageBody: md5(text) });
    }
    if (target === 'AmazonSQS.SendMessageBatch') {
      const entries = 'Entries' in body && Array.isArray(body.Entries) ? body.Entries.map(entry) : [];
      if (entries.length === 0 || entries.length > 10)
        return fail('TooManyEntriesInBatchRequest', 'A batch holds 1 to 10 entries.');
      const successful: unknown[] = [];
      const failed: unknown[] = [];
      for (const e of entries) {
        if (e.text === undefined || e.delay < 0 || e.delay > 900) {
          failed.push({ Id: e.id, SenderFault: true, Code: 'InvalidParameterValue', Message: 'bad entry' });
          continue;
        }
        successful.push({
          Id: e.id,
          MessageId: this.enqueue(queue, e.text, e.delay),
          MD5OfMessageBody: md5(e.text),
        });
      }
      return reply(200, { Successful: successful, Failed: failed });
    }
    return fail('UnsupportedOperation', `The local queue does not support ${target || 'this request'}.`);
  }
}

export const startLocalQueues = (options: { region?: string; account?: string; now?: () => Date } = {}) =>
  new LocalQueues(options.region, options.account, options.now).listen();

/**
 * Polls a DynamoDB (Local) table stream with the real `@aws-sdk/client-dynamodb-streams` client and
 * invokes a handler the way Lambda's event source mapping does.
 *
 * Invariants (those of the event source mapping):
 * - Records reach the handler in stream order per shard, in batches of at most `batchSize`; a child
 *   shard is read only once its parent is drained and closed (shard splits keep their order).
 * - A batch is checkpointed only when the handler succeeds. A thrown error retries the same records
 *   with backoff; after `retry.attempts` attempts the batch goes to `onFailure` (and `failures`) and the
 *   poller moves on, as with `retryAttempts` + an on-failure destination.
 * - With `reportBatchItemFailures` (the default, as deployed), a returned `batchItemFailures` list
 *   checkpoints the records before the first failed sequence number and retries from it; an empty
 *   or missing `itemIdentifier`, or one not in the batch, fails the whole batch.
 * - With `bisectBatchOnError`, a batch that throws is split in two halves, each retried on its own.
 * - Shards present at start begin at `startingPosition`; shards that appear later at TRIM_HORIZON.
 * - `idle()` resolves after a full polling round, begun after the call, found no record in any shard
 *   and no handler running.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import * as z from 'zod';
import { backoffDelay, type RetryPolicy } from './retry.ts';
import { toLambdaRecord } from './stream-record.ts';

// biome-ignore lint/suspicious/noConfusingVoidType: Lambda stream handlers return void or a batch response.
export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void | undefined>;

export interface StreamBatchFailure {
  readonly shardId: string;
  readonly records: readonly DynamoDBRecord[];
  readonly error: unknown;
  readonly attempts: number;
}

export interface StreamPollerOptions {
  readonly streamArn: string;
  readonly handler: StreamHandler;
  /** A streams client; by default one for `endpoint` (or the environment) with dummy credentials. */
  readonly client?: DynamoDBStreamsClient;
  readonly endpoint?: string;
  /** The `awsRegion` of the records; defaults to us-east-1. */
  readonly region?: string;
  /** 1–1000; defaults to 100, Lambda's default for DynamoDB streams. */
  readonly batchSize?: number;
  /** For shards present at start; defaults to TRIM_HORIZON (as the outbox mapping deploys). */
  readonly startingPosition?: 'LATEST' | 'TRIM_HORIZON';
  /** Honour `batchItemFailures`; defaults to true. */
  readonly reportBatchItemFailures?: boolean;
  readonly bisectBatchOnError?: boolean;
  /** Attempts per batch and the backoff between them; defaults to 3 attempts from 100 ms. */
  readonly retry?: RetryPolicy;
  /** Receives batches that failed every attempt; the poller continues after it resolves. */
  readonly onFailure?: (failure: StreamBatchFailure) => Promise<void> | void;
  /** Errors of the poller itself (e.g. DynamoDB Local gone); it keeps polling. */
  readonly onError?: (error: unknown) => void;
  /** Pause between rounds that found nothing; defaults to 200 ms. */
  readonly pollIntervalMs?: number;
}

export interface StreamPoller {
  /** Batches that failed every attempt, in order. */
  readonly failures: readonly StreamBatchFailure[];
  /** Resolves once every shard is drained of the records available now and no handler is running. */
  idle(): Promise<void>;
  /** Stops after the batch in progress; abandons pending retries. Idempotent. */
  stop(): Promise<void>;
}

interface ShardState {
  readonly shardId: string;
  readonly parentShardId: string | undefined;
  readonly start: 'LATEST' | 'TRIM_HORIZON';
  iterator: string | undefined;
  checkpoint: string | undefined;
  done: boolean;
}

const batchResponseSchema = z
  .object({
    batchItemFailures: z.array(z.object({ itemIdentifier: z.string().nullish() }).loose()).nullish(),
  })
  .loose();

const defaultPollerRetry: RetryPolicy = { attempts: 3, baseDelayMs: 100, maxDelayMs: 2_000 };

class Poller implements StreamPoller {
  readonly failures: StreamBatchFailure[] = [];
  private readonly shards = new Map<string, ShardState>();
  private readonly client: DynamoDBStreamsClient;
  private readonly ownsClient: boolean;
  private readonly abort = new AbortController();
  private readonly retry: RetryPolicy;
  private readonly batchSize: number;
  private roundsStarted = 0;
  private waiters: { readonly minRound: number; readonly resolve: () => void }[] = [];
  private loop: Promise<void> | undefined;

  constructor(private readonly options: StreamPollerOptions) {
    this.batchSize = options.batchSize ?? 100;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1 || this.batchSize > 1000) {
      throw new Error(`batchSize must be an integer from 1 to 1000, got ${options.batchSize}`);
    }
    this.retry = options.retry ?? defaultPollerRetry;
    this.ownsClient = options.client === undefined;
    this.client =
      options.client ??
      new DynamoDBStreamsClient({
        region: options.region ?? 'us-east-1',
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      });
  }

  private get stopped() {
    return this.abort.signal.aborted;
  }

  /** Finds the shards present now and positions their iterators, so that later writes are seen. */
  async start(): Promise<this> {
    await this.discover(this.options.startingPosition ?? 'TRIM_HORIZON');
    for (const shard of this.shards.values()) {
      if (!shard.done && shard.start === 'LATEST') shard.iterator = await this.iteratorFor(shard);
    }
    this.loop = this.run();
    return this;
  }

  idle(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ minRound: this.roundsStarted + 1, resolve }));
  }

  async stop(): Promise<void> {
    if (!this.stopped) this.abort.abort();
    await this.loop;
    for (const w of this.waiters.splice(0)) w.resolve();
    if (this.ownsClient) this.client.destroy();
  }

  private async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.abort.signal }).catch(() => undefined);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const round = ++this.roundsStarted;
      let busy = true;
      try {
        busy = await this.round();
      } catch (error) {
        if (!this.stopped) this.options.onError?.(error);
      }
      if (!busy) {
        const ready = this.waiters.filter((w) => w.minRound <= round);
        this.waiters = this.waiters.filter((w) => w.minRound > round);
        for (const w of ready) w.resolve();
      }
      await this.pause(busy ? 0 : (this.options.pollIntervalMs ?? 200));
    }
  }

  /** One pass: discover shards, read each ready shard once. True when anything happened. */
  private async round(): Promise<boolean> {
    const discovered = await this.discover('TRIM_HORIZON');
    const ready = [...this.shards.values()].filter((s) => !s.done && this.parentDone(s));
    const worked = await Promise.all(ready.map((s) => this.pollShard(s)));
    return discovered || worked.some(Boolean);
  }

  private parentDone(shard: ShardState): boolean {
    const parent = shard.parentShardId === undefined ? undefined : this.shards.get(shard.parentShardId);
    return parent === undefined || parent.done;
  }

  /** Adds shards not seen before; at start, closed shards are skipped when starting at LATEST. */
  private async discover(position: 'LATEST' | 'TRIM_HORIZON'): Promise<boolean> {
    const found: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const out = await this.client.send(
        new DescribeStreamCommand({
          StreamArn: this.options.streamArn,
          ExclusiveStartShardId: exclusiveStartShardId,
        }),
      );
      found.push(...(out.StreamDescription?.Shards ?? []));
      exclusiveStartShardId = out.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    let added = false;
    for (const shard of found) {
      if (!shard.ShardId || this.shards.has(shard.ShardId)) continue;
      const closed = shard.SequenceNumberRange?.EndingSequenceNumber !== undefined;
      this.shards.set(shard.ShardId, {
        shardId: shard.ShardId,
        parentShardId: shard.ParentShardId,
        start: position,
        iterator: undefined,
        checkpoint: undefined,
        done: position === 'LATEST' && closed,
      });
      added = true;
    }
    return added;
  }

  private async iteratorFor(shard: ShardState): Promise<string | undefined> {
    const out = await this.client.send(
      new GetShardIteratorCommand({
        StreamArn: this.options.streamArn,
        ShardId: shard.shardId,
        ...(shard.checkpoint
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: shard.checkpoint }
          : { ShardIteratorType: shard.start }),
      }),
    );
    return out.ShardIterator;
  }

  /** Reads one batch from the shard and processes it. True when records were read or the shard ended. */
  private async pollShard(shard: ShardState): Promise<boolean> {
    shard.iterator ??= await this.iteratorFor(shard);
    if (!shard.iterator) {
      shard.done = true;
      return true;
    }
    let records: _Record[];
    try {
      const out = await this.client.send(
        new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: this.batchSize }),
      );
      records = out.Records ?? [];
      shard.iterator = out.NextShardIterator;
    } catch (error) {
      if (error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException) {
        // Re-position from the checkpoint (or the shard's start) on the next round.
        shard.iterator = undefined;
        return true;
      }
      throw error;
    }
    if (records.length > 0) await this.process(shard, records);
    if (shard.iterator === undefined) shard.done = true;
    return records.length > 0 || shard.done;
  }

  /** Index of the first failed record in the batch, or undefined when the batch succeeded. */
  private firstFailure(result: unknown, batch: readonly DynamoDBRecord[]): number | undefined {
    if (!(this.options.reportBatchItemFailures ?? true)) return undefined;
    const parsed = batchResponseSchema.safeParse(result);
    const failures = parsed.success ? (parsed.data.batchItemFailures ?? []) : [];
    if (failures.length === 0) return undefined;
    const indexes = failures.map((f) =>
      batch.findIndex((r) => r.dynamodb?.SequenceNumber === f.itemIdentifier),
    );
    // An empty, missing or unknown identifier fails the whole batch, as in Lambda.
    return indexes.some((i) => i < 0) ? 0 : Math.min(...indexes);
  }

  private async process(shard: ShardState, records: readonly _Record[]): Promise<void> {
    const context = { streamArn: this.options.streamArn, region: this.options.region ?? 'us-east-1' };
    let pending = records;
    for (let attempt = 1; pending.length > 0 && !this.stopped; attempt++) {
      const batch = pending.map((r) => toLambdaRecord(r, context));
      let failedAt: number | undefined;
      let error: unknown;
      let threw = false;
      try {
        failedAt = this.firstFailure(await this.options.handler({ Records: batch }), batch);
        if (failedAt !== undefined) {
          error = new Error(
            `the handler reported failed items from sequence number ${batch[failedAt]?.dynamodb?.SequenceNumber}`,
          );
        }
      } catch (thrown) {
        failedAt = 0;
        error = thrown;
        threw = true;
      }
      if (failedAt === undefined) {
        shard.checkpoint = pending.at(-1)?.dynamodb?.SequenceNumber ?? shard.checkpoint;
        return;
      }
      if (failedAt > 0)
        shard.checkpoint = pending[failedAt - 1]?.dynamodb?.SequenceNumber ?? shard.checkpoint;
      pending = pending.slice(failedAt);
      if (threw && this.options.bisectBatchOnError && pending.length > 1) {
        const half = Math.ceil(pending.length / 2);
        await this.process(shard, pending.slice(0, half));
        await this.process(shard, pending.slice(half));
        return;
      }
      if (attempt >= this.retry.attempts) {
        const failure: StreamBatchFailure = {
          shardId: shard.shardId,
          records: pending.map((r) => toLambdaRecord(r, context)),
          error,
          attempts: attempt,
        };
        this.failures.push(failure);
        await this.options.onFailure?.(failure);
        shard.checkpoint = pending.at(-1)?.dynamodb?.SequenceNumber ?? shard.checkpoint;
        return;
      }
      await this.pause(backoffDelay(this.retry, attempt));
    }
  }
}

/**
 * Starts polling `streamArn`; resolves once the shards present now are positioned (so that writes made
 * after this resolves are delivered even when starting at LATEST).
 */
export const startStreamPoller = async (options: StreamPollerOptions): Promise<StreamPoller> =>
  new Poller(options).start();

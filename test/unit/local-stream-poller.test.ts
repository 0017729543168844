/**
 * Shard lineage and starting positions of the stream poller, which DynamoDB Local (one shard per
 * table in practice) cannot exercise: the streams API is mocked, the poller is the real one.
 */
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type StreamPoller, startStreamPoller } from '../../infra/local/stream-poller.ts';

const STREAM = 'arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2026-01-01T00:00:00.000';
const streams = mockClient(DynamoDBStreamsClient);
let poller: StreamPoller | undefined;

beforeEach(() => {
  streams.reset();
});

afterEach(async () => {
  await poller?.stop();
  poller = undefined;
});

const record = (seq: string): _Record => ({
  eventID: `e${seq}`,
  eventName: 'INSERT',
  dynamodb: { SequenceNumber: seq, Keys: { pk: { S: `k${seq}` } }, StreamViewType: 'NEW_AND_OLD_IMAGES' },
});

const shard = (id: string, options: { parent?: string; closedAt?: string } = {}): Shard => ({
  ShardId: id,
  ...(options.parent ? { ParentShardId: options.parent } : {}),
  SequenceNumberRange: {
    StartingSequenceNumber: '0',
    ...(options.closedAt ? { EndingSequenceNumber: options.closedAt } : {}),
  },
});

/** Each shard serves its records in one page, then either ends (closed) or stays empty (open). */
const serve = (id: string, records: _Record[], closed: boolean) => {
  streams.on(GetShardIteratorCommand, { ShardId: id }).resolves({ ShardIterator: `${id}:0` });
  streams
    .on(GetRecordsCommand, { ShardIterator: `${id}:0` })
    .resolves({ Records: records, NextShardIterator: `${id}:1` });
  streams
    .on(GetRecordsCommand, { ShardIterator: `${id}:1` })
    .resolves({ Records: [], ...(closed ? {} : { NextShardIterator: `${id}:1` }) });
};

const start = async (startingPosition: 'LATEST' | 'TRIM_HORIZON') => {
  const batches: string[][] = [];
  poller = await startStreamPoller({
    streamArn: STREAM,
    client: new DynamoDBStreamsClient({ region: 'us-east-1' }),
    startingPosition,
    pollIntervalMs: 5,
    handler: async (event) => {
      batches.push(event.Records.map((r) => r.dynamodb?.SequenceNumber ?? ''));
    },
  });
  return batches;
};

const iteratorTypes = () =>
  Object.fromEntries(
    streams
      .commandCalls(GetShardIteratorCommand)
      .map((c) => [c.args[0].input.ShardId, c.args[0].input.ShardIteratorType]),
  );

describe('stream poller shards', () => {
  it('reads a child shard only after its parent is drained and closed', async () => {
    streams.on(DescribeStreamCommand).resolves({
      StreamDescription: {
        Shards: [shard('child', { parent: 'parent' }), shard('parent', { closedAt: '2' })],
      },
    });
    serve('parent', [record('1'), record('2')], true);
    serve('child', [record('3')], false);

    const batches = await start('TRIM_HORIZON');
    await poller?.idle();

    expect(batches).toEqual([['1', '2'], ['3']]);
    expect(iteratorTypes()).toEqual({ parent: 'TRIM_HORIZON', child: 'TRIM_HORIZON' });
  });

  it('at LATEST skips closed shards present at start and reads shards that appear later from TRIM_HORIZON', async () => {
    const initial = [shard('old', { closedAt: '2' }), shard('open', { parent: 'old' })];
    streams.on(DescribeStreamCommand).resolves({ StreamDescription: { Shards: initial } });
    serve('old', [record('1'), record('2')], true);
    serve('open', [record('3')], true);

    const batches = await start('LATEST');
    await poller?.idle();
    streams
      .on(DescribeStreamCommand)
      .resolves({ StreamDescription: { Shards: [...initial, shard('new', { parent: 'open' })] } });
    serve('new', [record('4')], false);
    await poller?.idle();

    expect(batches).toEqual([['3'], ['4']]);
    expect(iteratorTypes()).toEqual({ open: 'LATEST', new: 'TRIM_HORIZON' });
    expect(streams.commandCalls(GetRecordsCommand, { ShardIterator: 'old:0' })).toHaveLength(0);
  });

  it('follows DescribeStream pages', async () => {
    streams.on(DescribeStreamCommand, { ExclusiveStartShardId: undefined }).resolves({
      StreamDescription: { Shards: [shard('a', { closedAt: '1' })], LastEvaluatedShardId: 'a' },
    });
    streams
      .on(DescribeStreamCommand, { ExclusiveStartShardId: 'a' })
      .resolves({ StreamDescription: { Shards: [shard('b', { parent: 'a' })] } });
    serve('a', [record('1')], true);
    serve('b', [record('2')], false);

    const batches = await start('TRIM_HORIZON');
    await poller?.idle();

    expect(batches).toEqual([['1'], ['2']]);
  });

  it('rejects a batch size Lambda would not accept', async () => {
    await expect(
      startStreamPoller({ streamArn: STREAM, handler: async () => {}, batchSize: 0 }),
    ).rejects.toThrow('batchSize must be an integer from 1 to 1000');
  });
});

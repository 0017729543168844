import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { localDynamoDbClient, startDynamoDbLocal } from '../../infra/local/dynamodb-local.ts';
import { tableDefinition } from '../../infra/table.definition.ts';
import { useLocalServices } from '../support/env.ts';
import { isRunning } from '../support/process.ts';
import { randomWorkspaceId } from '../support/workspace.ts';

describe('the global setup table', () => {
  it('is the project table: keys, index, stream and TTL as in table.definition.ts', async () => {
    const { tableName } = useLocalServices();
    // No endpoint given: AWS_ENDPOINT_URL_DYNAMODB set by useLocalServices() must route the client.
    const client = new DynamoDBClient({});
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));

      expect(Table?.KeySchema).toEqual([
        { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
      ]);
      expect(Table?.GlobalSecondaryIndexes?.map((g) => g.IndexName)).toEqual(
        tableDefinition.globalSecondaryIndexes.map((g) => g.indexName),
      );
      expect(Table?.StreamSpecification).toEqual({
        StreamEnabled: true,
        StreamViewType: tableDefinition.streamView,
      });
      expect(Table?.LatestStreamArn).toBe(useLocalServices().tableStreamArn);
      expect(ttl.TimeToLiveDescription).toMatchObject({
        AttributeName: tableDefinition.timeToLiveAttribute,
        TimeToLiveStatus: 'ENABLED',
      });
    } finally {
      client.destroy();
    }
  });
});

describe('startDynamoDbLocal', () => {
  it('keeps data in a folder across restarts, reuses the table, and stop() ends the JVM', {
    timeout: 120_000,
  }, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ecrm-ddb-'));
    const ws = randomWorkspaceId();
    const item = { pk: { S: ws }, sk: { S: 'kept' } };
    try {
      const first = await startDynamoDbLocal({ dataPath: folder, tableName: 'persisted' });
      const firstClient = localDynamoDbClient(first.endpoint);
      await firstClient.send(new PutItemCommand({ TableName: 'persisted', Item: item }));
      firstClient.destroy();
      await first.stop();
      expect(isRunning(first.pid)).toBe(false);

      const second = await startDynamoDbLocal({ dataPath: folder, tableName: 'persisted' });
      const secondClient = localDynamoDbClient(second.endpoint);
      try {
        const { Item } = await secondClient.send(new GetItemCommand({ TableName: 'persisted', Key: item }));
        expect(Item).toEqual(item);
        expect(second.streamArn).toContain('table/persisted/stream/');
        expect(second.ttlEnabled).toBe(true);
      } finally {
        secondClient.destroy();
        await second.stop();
        await second.stop();
      }
      expect(isRunning(second.pid)).toBe(false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('kills the JVM when its owner process is killed with SIGKILL', { timeout: 120_000 }, async () => {
    const owner = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/support/dynamodb-local-crash.fixture.ts'],
      {
        cwd: process.cwd(),
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let jvm: number | undefined;
    try {
      const [line]: unknown[] = await once(createInterface({ input: owner.stdout }), 'line');
      const pid = z.object({ pid: z.number() }).parse(JSON.parse(String(line))).pid;
      jvm = pid;
      expect(isRunning(pid)).toBe(true);

      owner.kill('SIGKILL');

      await vi.waitFor(() => expect(isRunning(pid)).toBe(false), { timeout: 10_000, interval: 50 });
    } finally {
      if (owner.exitCode === null) owner.kill('SIGKILL');
      if (jvm !== undefined && isRunning(jvm)) process.kill(jvm, 'SIGKILL');
    }
  });
});

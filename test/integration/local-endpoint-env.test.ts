import { createServer, type Server } from 'node:http';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient, ListStreamsCommand } from '@aws-sdk/client-dynamodb-streams';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { ListSchedulesCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { GetAccountCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAwsEnv, localEndpointEnv } from '../../infra/local/endpoint-env.ts';

let server: Server;
let base: string;
const seen: string[] = [];
const saved = { ...process.env };

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.url} ${req.headers['x-amz-target'] ?? ''}`.trim());
    res.writeHead(400, { 'content-type': 'application/json', 'x-amzn-errortype': 'ValidationException' });
    res.end('{"message":"recorded"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('AWS_ENDPOINT_URL_<SERVICE> with the installed SDK clients', () => {
  it('routes clients created without an endpoint to the local endpoints', async () => {
    Object.assign(
      process.env,
      localAwsEnv,
      localEndpointEnv({
        dynamodb: `${base}/ddb`,
        sesv2: `${base}/ses`,
        eventbridge: `${base}/events`,
        scheduler: `${base}/scheduler`,
      }),
    );
    const calls: [{ destroy(): void }, () => Promise<unknown>][] = [];
    const ddb = new DynamoDBClient({ maxAttempts: 1 });
    calls.push([ddb, () => ddb.send(new ListTablesCommand({}))]);
    const streams = new DynamoDBStreamsClient({ maxAttempts: 1 });
    calls.push([streams, () => streams.send(new ListStreamsCommand({}))]);
    const ses = new SESv2Client({ maxAttempts: 1 });
    calls.push([ses, () => ses.send(new GetAccountCommand({}))]);
    const events = new EventBridgeClient({ maxAttempts: 1 });
    calls.push([
      events,
      () => events.send(new PutEventsCommand({ Entries: [{ Source: 's', DetailType: 'd', Detail: '{}' }] })),
    ]);
    const scheduler = new SchedulerClient({ maxAttempts: 1 });
    calls.push([scheduler, () => scheduler.send(new ListSchedulesCommand({}))]);

    for (const [client, call] of calls) {
      await expect(call()).rejects.toMatchObject({ message: 'recorded' });
      client.destroy();
    }

    expect(seen).toEqual([
      '/ddb/ DynamoDB_20120810.ListTables',
      '/ddb/ DynamoDBStreams_20120810.ListStreams',
      '/ses/v2/email/account',
      '/events/ AWSEvents.PutEvents',
      '/scheduler/schedules',
    ]);
  });
});

/**
 * One AWS call with an injected transport: what is retried (throttling, 5xx, lost connections), what
 * is not (a failed condition, a validation error), and the SDK's error shape (`name` = AWS's code, the
 * body's fields on the error), for the JSON protocol (`__type`) and REST JSON (`x-amzn-errortype`).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  type AwsResponse,
  AwsServiceError,
  awsCall,
  nodeTransport,
  StaleSocketError,
  type Transport,
} from '../../lib/shared/aws/aws-http.ts';
import { GetCommand, PutCommand, TransactWriteCommand } from '../../lib/shared/dynamodb/commands.ts';
import { documentClient } from '../../lib/shared/dynamodb/document-client.ts';
import { isConditionFailure } from '../../lib/shared/table.ts';

const endpoint = {
  service: 'dynamodb',
  region: 'eu-west-1',
  url: 'https://dynamodb.eu-west-1.amazonaws.com',
  credentials: () => ({ accessKeyId: 'a', secretAccessKey: 's' }),
};
const request = {
  method: 'POST' as const,
  path: '/',
  headers: { 'content-type': 'application/x-amz-json-1.0' },
  body: '{}',
};

/** Answers in turn; records what it was sent. */
const scripted = (...answers: (AwsResponse | Error)[]) => {
  const sent: { url: string; headers: Record<string, string>; body: string }[] = [];
  const transport: Transport = async (url, init) => {
    sent.push({ url: url.href, headers: init.headers, body: init.body });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return next;
  };
  return { transport, sent };
};
const json = (status: number, body: unknown, errorType?: string): AwsResponse => ({
  status,
  body: JSON.stringify(body),
  errorType,
});
const sleeps: number[] = [];
const options = { sleep: async (ms: number) => void sleeps.push(ms), random: () => 0.5 };

describe('awsCall', () => {
  it('retries throttling and 5xx with growing backoff, then answers', async () => {
    sleeps.length = 0;
    const { transport, sent } = scripted(
      json(400, {
        __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
        message: 'slow',
      }),
      json(500, { __type: 'InternalServerError' }),
      json(200, { ok: 1 }),
    );
    const res = await awsCall(endpoint, request, transport, options);
    expect(JSON.parse(res.body)).toEqual({ ok: 1 });
    expect(sent).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]);
    expect(sent[0]?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=a\/\d{8}\/eu-west-1\/dynamodb\//,
    );
  });

  it('gives up after 3 attempts with the last error', async () => {
    const throttled = json(400, { __type: 'ThrottlingException', message: 'Rate exceeded' });
    const { transport, sent } = scripted(throttled, throttled, throttled, json(200, {}));
    await expect(awsCall(endpoint, request, transport, options)).rejects.toMatchObject({
      name: 'ThrottlingException',
      message: 'Rate exceeded',
      status: 400,
    });
    expect(sent).toHaveLength(3);
  });

  it('never retries a failed condition, and keeps its Item on the error as the SDK does', async () => {
    const item = { pk: { S: 'WS#a' } };
    const { transport, sent } = scripted(
      json(400, {
        __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
        message: 'The conditional request failed',
        Item: item,
      }),
    );
    const error = await awsCall(endpoint, request, transport, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsServiceError);
    expect(error).toMatchObject({ name: 'ConditionalCheckFailedException', Item: item });
    expect(isConditionFailure(error)).toBe(true);
    expect(sent).toHaveLength(1);
  });

  it('reads the error type from x-amzn-errortype (REST JSON) and retries lost connections', async () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const { transport, sent } = scripted(
      reset,
      json(400, { message: 'Email address is not verified.' }, 'MessageRejected:http://internal.amazon.com/'),
    );
    await expect(awsCall({ ...endpoint, service: 'ses' }, request, transport, options)).rejects.toMatchObject(
      {
        name: 'MessageRejected',
        message: 'Email address is not verified.',
      },
    );
    expect(sent).toHaveLength(2);
  });

  it('with maxAttempts 1, never repeats a call whose outcome is unknown', async () => {
    const { transport, sent } = scripted(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }));
    await expect(awsCall(endpoint, request, transport, { ...options, maxAttempts: 1 })).rejects.toThrow(
      'timed out',
    );
    expect(sent).toHaveLength(1);
  });
});

describe('the document client', () => {
  it('marshals a document command to the wire and the answer back, as lib-dynamodb does', async () => {
    const { transport, sent } = scripted(
      json(200, {
        Item: { pk: { S: 'WS#a' }, n: { N: '2.5' }, tags: { SS: ['x'] }, m: { M: { ok: { BOOL: true } } } },
      }),
    );
    const client = documentClient(endpoint, { transport });
    const out = await client.send(new GetCommand({ TableName: 't', Key: { pk: 'WS#a', sk: 'C#1' } }));
    expect(out.Item).toEqual({ pk: 'WS#a', n: 2.5, tags: new Set(['x']), m: { ok: true } });
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({
      TableName: 't',
      Key: { pk: { S: 'WS#a' }, sk: { S: 'C#1' } },
    });
    expect(sent[0]?.headers['x-amz-target']).toBe('DynamoDB_20120810.GetItem');
  });

  it('marshals every item of a transaction and drops undefined values', async () => {
    const { transport, sent } = scripted(json(200, {}));
    await documentClient(endpoint, { transport }).send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: 't', Item: { pk: 'a', gone: undefined, list: [1, 'b'] } } },
          {
            Update: {
              TableName: 't',
              Key: { pk: 'b' },
              UpdateExpression: 'SET x = :x',
              ExpressionAttributeValues: { ':x': { deep: null } },
            },
          },
        ],
      }),
    );
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({
      TransactItems: [
        { Put: { TableName: 't', Item: { pk: { S: 'a' }, list: { L: [{ N: '1' }, { S: 'b' }] } } } },
        {
          Update: {
            TableName: 't',
            Key: { pk: { S: 'b' } },
            UpdateExpression: 'SET x = :x',
            ExpressionAttributeValues: { ':x': { M: { deep: { NULL: true } } } },
          },
        },
      ],
    });
  });
});

describe('binary values', () => {
  it('travel as base64 both ways, as DynamoDB JSON carries them', async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    const { transport, sent } = scripted(
      json(200, { Attributes: { body: { B: bytes.toString('base64') } } }),
    );
    const out = await documentClient(endpoint, { transport }).send(
      new PutCommand({ TableName: 't', Item: { pk: 'a', body: bytes }, ReturnValues: 'ALL_OLD' }),
    );
    expect(JSON.parse(sent[0]?.body ?? '').Item.body).toEqual({ B: bytes.toString('base64') });
    expect(Buffer.from(out.Attributes?.body)).toEqual(bytes);
  });
});

describe('a stale keep-alive connection', () => {
  it('is sent again once even when the call must not repeat: the request never left', async () => {
    const { transport, sent } = scripted(
      new StaleSocketError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })),
      json(200, { MessageId: 'm' }),
    );
    const res = await awsCall(endpoint, request, transport, { ...options, maxAttempts: 1 });
    expect(JSON.parse(res.body)).toEqual({ MessageId: 'm' });
    expect(sent).toHaveLength(2);
  });
});

describe('a connection reset after the server took the request', () => {
  /** Answers the first request; takes every later one and drops the connection without answering. */
  const server = async () => {
    let received = 0;
    const http = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        received++;
        if (received === 1) res.end('{}');
        else res.socket?.destroy();
      });
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    const url = new URL(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`);
    return { url, received: () => received, close: () => new Promise((r) => http.close(r)) };
  };
  const init = { method: 'POST', headers: {}, body: '{}', timeoutMs: 2_000 };

  it('on a call that must not repeat, is an error of unknown outcome, not a stale connection to resend', async () => {
    const s = await server();
    try {
      await nodeTransport(s.url, { ...init, once: true });
      const error = await nodeTransport(s.url, { ...init, once: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(StaleSocketError);
      expect(s.received()).toBe(2);
    } finally {
      await s.close();
    }
  });

  it('on a kept-alive connection of an ordinary call, reads as stale (an idempotent call may resend it)', async () => {
    const s = await server();
    try {
      await nodeTransport(s.url, init);
      const error = await nodeTransport(s.url, init).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StaleSocketError);
    } finally {
      await s.close();
    }
  });
});

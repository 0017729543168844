import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONCURRENT_WRITERS } from '../../lib/contacts/retry-on-conflict.ts';
import { BatchGetCommand, GetCommand, TransactWriteCommand } from '../../lib/shared/dynamodb/commands.ts';
import type { Scope } from '../../lib/shared/http/route.ts';
import { keys } from '../../lib/shared/keys.ts';
import { mintToken } from '../../lib/workspaces/api-key-token.ts';
import { mockDocumentClient } from '../support/mock-aws-client.ts';

const ddb = mockDocumentClient();

/** Keys of the test workspace, one per case the shell must tell apart. */
const minted = {
  write: mintToken('ws_test', new Date()),
  read: mintToken('ws_test', new Date()),
  revoked: mintToken('ws_test', new Date()),
  unknown: mintToken('ws_test', new Date()),
};
const stored = (name: 'write' | 'read' | 'revoked', scopes: Scope[], revokedAt?: string) => ({
  ...keys.apiKey('ws_test', minted[name].keyId),
  type: 'apiKey',
  v: 1,
  id: minted[name].keyId,
  workspaceId: 'ws_test',
  name,
  scopes,
  secretHash: minted[name].secretHash,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...(revokedAt ? { revokedAt } : {}),
});
const storeKeys = () => {
  ddb.on(GetCommand).resolves({});
  ddb
    .on(GetCommand, { Key: keys.apiKey('ws_test', minted.write.keyId) })
    .resolves({ Item: stored('write', ['write']) });
  ddb
    .on(GetCommand, { Key: keys.apiKey('ws_test', minted.read.keyId) })
    .resolves({ Item: stored('read', ['read']) });
  ddb
    .on(GetCommand, { Key: keys.apiKey('ws_test', minted.revoked.keyId) })
    .resolves({ Item: stored('revoked', ['write'], '2026-01-02T00:00:00.000Z') });
};

const event = (
  over: Partial<APIGatewayProxyEventV2> & { token?: string | undefined } = {},
): APIGatewayProxyEventV2 => {
  const { token: given, ...rest } = over;
  const token = 'token' in over ? given : minted.write.token;
  return {
    version: '2.0',
    routeKey: 'POST /v1/contacts',
    rawPath: '/v1/contacts',
    rawQueryString: '',
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: 'POST',
        path: '/v1/contacts',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'test',
      },
      requestId: 'r1',
      routeKey: 'POST /v1/contacts',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    ...rest,
  };
};

type Handler = (e: APIGatewayProxyEventV2, c: object) => Promise<{ statusCode?: number; body?: string }>;
let upsert: Handler;

beforeAll(async () => {
  process.env.TABLE_NAME = 'ecrm-test';
  process.env.AWS_REGION = 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
  process.env.POWERTOOLS_LOG_LEVEL = 'CRITICAL';
  const mod = await import('../../functions/contacts/upsert-contact.handler.ts');
  upsert = mod.handler as unknown as Handler;
});

beforeEach(() => {
  ddb.reset();
  storeKeys();
});

const call = async (e: APIGatewayProxyEventV2) => {
  const res = await upsert(e, {});
  return { status: res.statusCode, body: JSON.parse(res.body ?? 'null') };
};

describe('HTTP handler shell', () => {
  it('answers 401 in the product error format for missing, malformed, unknown, wrong or revoked keys', async () => {
    const body = '{"email":"a@example.com"}';
    const [, , keyId, secret] = minted.write.token.split('.');
    const wrongSecret = `ecrm.ws_test.${keyId}.${secret?.slice(0, -1)}${secret?.endsWith('a') ? 'b' : 'a'}`;
    const otherWorkspace = `ecrm.ws_elsewhere.${keyId}.${secret}`;
    for (const token of [
      undefined,
      'nonsense',
      wrongSecret,
      minted.unknown.token,
      minted.revoked.token,
      otherWorkspace,
    ]) {
      const res = await call(event({ token, body }));
      expect(res.status, String(token)).toBe(401);
      expect(res.body.error).toMatchObject({ status: 401, code: 'unauthorized' });
      expect(res.body.error.message).toEqual(expect.any(String));
    }
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('answers 403 when a valid key lacks the scope', async () => {
    const res = await call(event({ token: minted.read.token, body: '{"email":"a@example.com"}' }));
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('answers 413 for a body over the cap, before parsing it', async () => {
    const res = await call(event({ body: `{"email":"a@example.com","firstName":"${'x'.repeat(70_000)}"}` }));
    expect(res.status).toBe(413);
  });

  it('answers 422 naming the field, for invalid JSON and invalid fields', async () => {
    expect((await call(event({ body: '{nope' }))).body.error.issues[0].path).toBe('(body)');
    const res = await call(event({ body: '{"email":"a@example.com","timezone":"Mars/Base"}' }));
    expect(res.status).toBe(422);
    expect(res.body.error.issues[0].path).toBe('timezone');
    const mass = await call(event({ body: '{"email":"a@example.com","consent":{"email":"subscribed"}}' }));
    expect(mass.body.error.issues[0]).toEqual({
      path: 'consent',
      message: 'is managed by ecrm and cannot be set here',
    });
  });

  it('accepts base64-encoded bodies as API Gateway sends them', async () => {
    ddb.on(BatchGetCommand).resolves({ Responses: { 'ecrm-test': [] } });
    ddb.on(TransactWriteCommand).resolves({});
    const res = await call(
      event({ body: Buffer.from('{"email":"b@example.com"}').toString('base64'), isBase64Encoded: true }),
    );
    expect(res.status).toBe(201);
    expect(res.body.contact.email).toBe('b@example.com');
  });

  it('answers 503 when DynamoDB throttles, 500 without internals on a bug', async () => {
    ddb
      .on(BatchGetCommand)
      .rejects(Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException' }));
    expect((await call(event({ body: '{"email":"a@example.com"}' }))).status).toBe(503);
    ddb.on(BatchGetCommand).rejects(new Error('secret internals'));
    const res = await call(event({ body: '{"email":"a@example.com"}' }));
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain('secret internals');
  });

  it('retries a lost optimistic race and then reports a conflict, never overwriting', async () => {
    ddb.on(BatchGetCommand).resolves({ Responses: { 'ecrm-test': [] } });
    ddb.on(TransactWriteCommand).rejects(
      Object.assign(new Error('cancelled'), {
        name: 'TransactionCanceledException',
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }],
      }),
    );
    const res = await call(event({ body: '{"email":"a@example.com"}' }));
    expect(res.status).toBe(409);
    // One attempt per writer that may race it (each round of a race has one winner).
    expect(ddb.commandCalls(TransactWriteCommand).length).toBe(CONCURRENT_WRITERS);
  });
});

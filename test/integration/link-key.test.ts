/**
 * The deployment's link key against DynamoDB Local and the local KMS: made once however many containers
 * race for it, stored sealed (never in clear), opened under its own encryption context, and never made
 * by the functions that only check links.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { kmsLinkKeyBox } from '../../functions/shared/kms-link-key-box.ts';
import { kmsSecretBox } from '../../functions/shared/kms-secret-box.ts';
import {
  createProjectTable,
  localDocumentClient,
  localDynamoDbClient,
} from '../../infra/local/dynamodb-local.ts';
import { type LocalKms, startLocalKms } from '../../infra/local/local-kms.ts';
import { type KmsApi, kmsClient as kmsClientOf } from '../../lib/shared/aws/kms.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { randomToken } from '../../lib/shared/ids.ts';
import { keys } from '../../lib/shared/keys.ts';
import type { Table } from '../../lib/shared/table.ts';
import { cachedLinkKey, loadLinkKey } from '../../lib/subscriptions/link-key.ts';
import { linkKeysRepository } from '../../lib/subscriptions/link-keys.repository.ts';
import { InvalidLinkError } from '../../lib/subscriptions/link-token.ts';
import '../support/env.ts';

let kms: LocalKms;
let kmsClient: KmsApi;
let table: Table;

beforeAll(async () => {
  kms = await startLocalKms({ alias: 'alias/ecrm-test-links' });
  kmsClient = kmsClientOf({
    url: kms.endpoint,
    region: 'us-east-1',
    credentials: () => ({ accessKeyId: 'test', secretAccessKey: 'test' }),
  });
  // A table of its own: the link key is one item per deployment, outside every workspace.
  const ddb = localDynamoDbClient(inject('dynamodbEndpoint'));
  const name = `links-${randomToken(6)}`;
  await createProjectTable(ddb, name);
  table = { client: localDocumentClient(inject('dynamodbEndpoint')), name };
});

afterAll(async () => {
  await kms?.stop();
});

const deps = () => ({
  linkKeys: linkKeysRepository(table),
  box: kmsLinkKeyBox(kmsClient, kms.keyArn),
  clock: systemClock,
});

describe('link key', () => {
  it('is not made by a checker: before any link is signed, no link is valid', async () => {
    await expect(loadLinkKey(deps(), 'existing')).rejects.toThrow(InvalidLinkError);
    expect(await linkKeysRepository(table).get()).toBeUndefined();
  });

  it('is made once when ten cold containers race, and every one signs with the same key', async () => {
    const loaded = await Promise.all(Array.from({ length: 10 }, () => loadLinkKey(deps(), 'create')));
    const [first] = loaded;
    for (const key of loaded) {
      expect(key.kid).toBe(first?.kid);
      expect(key.secret.equals(first?.secret ?? Buffer.alloc(0))).toBe(true);
    }
    expect(first?.secret).toHaveLength(32);
    const checker = await loadLinkKey(deps(), 'existing');
    expect(checker.secret.equals(first?.secret ?? Buffer.alloc(0))).toBe(true);
  });

  it('is stored sealed: the item never holds the secret in clear', async () => {
    const key = await loadLinkKey(deps(), 'create');
    const item = await linkKeysRepository(table).get();
    expect(item?.kid).toBe(key.kid);
    expect(item?.sealed).not.toContain(key.secret.toString('base64'));
    expect(Buffer.from(item?.sealed ?? '', 'base64').includes(key.secret)).toBe(false);
    expect(keys.linkKey().pk.startsWith('W#')).toBe(false);
  });

  it('opens only under its own context: a connection secret box cannot open it', async () => {
    const item = await linkKeysRepository(table).get();
    if (!item) throw new Error('no key');
    const connections = kmsSecretBox(kmsClient, kms.keyArn);
    await expect(
      connections.open(item.sealed, { workspaceId: 'ws_any', connectionId: item.kid }),
    ).rejects.toThrow();
    await expect(kmsLinkKeyBox(kmsClient, kms.keyArn).open(item.sealed, 'otherkid')).rejects.toThrow();
  });

  it('is opened once per container, and a failed load is tried again', async () => {
    let calls = 0;
    let fail = true;
    const cached = cachedLinkKey(async () => {
      calls += 1;
      if (fail) throw new Error('KMS unavailable');
      return loadLinkKey(deps(), 'existing');
    });
    await expect(cached()).rejects.toThrow('KMS unavailable');
    fail = false;
    const [a, b] = await Promise.all([cached(), cached()]);
    await cached();
    expect(a).toBe(b);
    expect(calls).toBe(2);
  });
});

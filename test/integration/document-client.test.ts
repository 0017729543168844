/**
 * The document client stores data exactly as given, whatever its keys: objects holding a `constructor`
 * key of their own (JSON from outside can) round-trip through DynamoDB Local unchanged.
 */
import { describe, expect, it } from 'vitest';
import { GetCommand, PutCommand, UpdateCommand } from '../../lib/shared/dynamodb/commands.ts';
import { randomWorkspaceId } from '../support/workspace.ts';
import { realTable } from './real-deps.ts';

const table = realTable();
const key = () => ({ pk: `W#${randomWorkspaceId()}`, sk: 'doc' });
const read = async (k: { pk: string; sk: string }) =>
  (await table.client.send(new GetCommand({ TableName: table.name, Key: k, ConsistentRead: true }))).Item;

describe('the document client on DynamoDB Local', () => {
  it('stores objects with a constructor key as the maps they are', async () => {
    const k = key();
    const data = {
      plain: { constructor: 'x' },
      looksLikeAString: { constructor: { name: 'String' }, length: 3 },
      looksLikeABoolean: { constructor: { name: 'Boolean' } },
      looksLikeASet: { constructor: { name: 'Set' }, size: 1 },
      nested: [{ a: { constructor: { prototype: { polluted: true } }, toString: 'z' } }],
    };
    await table.client.send(new PutCommand({ TableName: table.name, Item: { ...k, data } }));
    expect(await read(k)).toEqual({ ...k, data });
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('sets such values through an update expression too', async () => {
    const k = key();
    await table.client.send(new PutCommand({ TableName: table.name, Item: { ...k } }));
    await table.client.send(
      new UpdateCommand({
        TableName: table.name,
        Key: k,
        UpdateExpression: 'SET #d = :d',
        ExpressionAttributeNames: { '#d': 'data' },
        ExpressionAttributeValues: { ':d': { constructor: 'Acme builders' } },
      }),
    );
    expect((await read(k))?.data).toEqual({ constructor: 'Acme builders' });
  });
});

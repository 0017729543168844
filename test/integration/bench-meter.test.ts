/**
 * The bench's DynamoDB meter (bench/capacity.ts) on the project's document client, against DynamoDB
 * Local: each request is charged once, by AWS's billing rules (the rules themselves are tested
 * against AWS's documented examples in test/unit/dynamodb-billing.test.ts).
 */
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { meter } from '../../bench/capacity.ts';
import { localDocumentClient, localDynamoDbClient } from '../../infra/local/dynamodb-local.ts';
import { PutCommand, TransactWriteCommand, UpdateCommand } from '../../lib/shared/dynamodb/commands.ts';
import { randomToken } from '../../lib/shared/ids.ts';

const name = inject('tableName');
let client: ReturnType<typeof localDocumentClient>;
let m: ReturnType<typeof meter>;
let pk: string;

beforeEach(() => {
  client = localDocumentClient(inject('dynamodbEndpoint'));
  m = meter(localDynamoDbClient(inject('dynamodbEndpoint')));
  pk = `W#ws_meter${randomToken(8)}#P`;
});

const put = (sk: string, extra: Record<string, unknown> = {}) =>
  client.send(new PutCommand({ TableName: name, Item: { pk, sk, type: 'probe', v: 1, ...extra } }));

describe('bench meter on the document client', () => {
  it('charges a write once, however often the meter is attached to the client', async () => {
    m.attach(client);
    m.attach(client);
    await put('a');
    expect(m.total()).toMatchObject({ calls: 1, writeUnits: 1 });
    expect(m.total().byOperation).toEqual({ 'PutItem probe': { count: 1, writeUnits: 1, readUnits: 0 } });
  });

  it('charges a transaction twice per item, a condition check included', async () => {
    m.attach(client);
    await put('a');
    m.reset();
    await client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            ConditionCheck: {
              TableName: name,
              Key: { pk, sk: 'a' },
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
          { Put: { TableName: name, Item: { pk, sk: 'b', type: 'probe', v: 1 } } },
        ],
      }),
    );
    expect(m.total()).toMatchObject({ calls: 1, writeUnits: 4 });
    expect(m.total().byOperation).toEqual({
      'TransactWriteItems/ConditionCheck probe': { count: 1, writeUnits: 2, readUnits: 0 },
      'TransactWriteItems/Put probe': { count: 1, writeUnits: 2, readUnits: 0 },
    });
  });

  it('tells failed conditions and writes that changed nothing apart, and still charges them', async () => {
    m.attach(client);
    await put('a', { n: 1 });
    m.reset();
    await expect(
      client.send(
        new PutCommand({
          TableName: name,
          Item: { pk, sk: 'a', type: 'probe', v: 1 },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    ).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    await client.send(
      new UpdateCommand({
        TableName: name,
        Key: { pk, sk: 'a' },
        UpdateExpression: 'SET n = :n',
        ExpressionAttributeValues: { ':n': 1 },
      }),
    );
    expect(m.total().writeUnits).toBe(2);
    expect(m.total().byOperation).toEqual({
      'PutItem probe (failed)': { count: 1, writeUnits: 1, readUnits: 0 },
      'UpdateItem probe (no change)': { count: 1, writeUnits: 1, readUnits: 0 },
    });
  });
});

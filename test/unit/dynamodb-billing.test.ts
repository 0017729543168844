/**
 * The bench meters DynamoDB by AWS's documented rules (developer guide: "DynamoDB item sizes and
 * formats", "Read/write capacity mode", "Managing capacity for transactions"); these are its examples.
 */
import { describe, expect, it } from 'vitest';
import {
  type IndexDefinition,
  type Item,
  indexWriteUnits,
  itemSize,
  readUnits,
  writeUnits,
} from '../../bench/metering/dynamodb-billing.ts';

describe('item size, as DynamoDB computes it', () => {
  it('counts attribute names and values: strings in UTF-8, numbers by significant digits', () => {
    expect(itemSize({ pk: { S: 'abc' } })).toBe(2 + 3);
    expect(itemSize({ név: { S: 'é' } })).toBe(4 + 2);
    // 1 byte per two significant digits + 1; leading and trailing zeros do not count.
    expect(itemSize({ n: { N: '12345' } })).toBe(1 + 3 + 1);
    expect(itemSize({ n: { N: '-0.00120' } })).toBe(1 + 1 + 1);
    expect(itemSize({ n: { N: '1000000' } })).toBe(1 + 1 + 1);
  });

  it('counts raw bytes of binaries, 1 byte for booleans and nulls', () => {
    expect(itemSize({ b: { B: new Uint8Array(10) }, t: { BOOL: true }, z: { NULL: true } })).toBe(
      1 + 10 + 1 + 1 + 1 + 1,
    );
  });

  it('adds 3 bytes per list or map and 1 byte per element', () => {
    expect(itemSize({ l: { L: [] } })).toBe(1 + 3);
    expect(itemSize({ m: { M: {} } })).toBe(1 + 3);
    expect(itemSize({ l: { L: [{ S: 'ab' }, { N: '7' }] } })).toBe(1 + 3 + (1 + 2) + (1 + 2));
    expect(itemSize({ m: { M: { k: { S: 'v' } } } })).toBe(1 + 3 + 1 + 1 + 1);
  });

  it('matches a worked example (ddbitemsizer: 141 bytes)', () => {
    const item: Item = {
      itemType: { S: 'SLOT' },
      id: { S: 'abc1231' },
      hostName: { S: 'Harry Mason' },
      timeSlot: { S: 'February 23, 1999' },
      slotStatus: { S: 'OPEN' },
      createdAt: { S: 'February 1, 1999' },
      updatedAt: { S: 'February 1, 1999' },
      expiresAt: { N: '2099' },
    };
    expect(itemSize(item)).toBe(141);
  });
});

describe('capacity units, as AWS bills them', () => {
  it('writes: 1 unit per KB rounded up per item, at least 1; transactions twice', () => {
    expect(writeUnits(0)).toBe(1);
    expect(writeUnits(500)).toBe(1);
    expect(writeUnits(1024)).toBe(1);
    expect(writeUnits(1025)).toBe(2);
    // "a transactional write request of a 1 KB item needs 2 write units" (and 2 per KB for larger).
    expect(writeUnits(1024, true)).toBe(2);
    expect(writeUnits(3 * 1024, true)).toBe(6);
  });

  it('reads: 4 KB per unit; an eventually consistent read is half; a transactional read twice', () => {
    // "an item of 3.5 KB is rounded to 4 KB; one of 10 KB to 12 KB".
    expect(readUnits(3.5 * 1024, 'strong')).toBe(1);
    expect(readUnits(10 * 1024, 'strong')).toBe(3);
    expect(readUnits(10 * 1024, 'eventual')).toBe(1.5);
    expect(readUnits(10 * 1024, 'transactional')).toBe(6);
    // A missing key or an empty Query still costs the minimum.
    expect(readUnits(0, 'eventual')).toBe(0.5);
    expect(readUnits(0, 'strong')).toBe(1);
  });

  it('BatchGetItem rounds each item up, a Query rounds the sum once', () => {
    // "BatchGetItem of a 1.5 KB and a 6.5 KB item: 4 KB + 8 KB = 12 KB, 3 units".
    expect(readUnits(1.5 * 1024, 'strong') + readUnits(6.5 * 1024, 'strong')).toBe(3);
    // "a Query returning 10 items of 40 bytes reads 400 bytes: 1 unit".
    expect(readUnits(10 * 40, 'strong')).toBe(1);
  });
});

describe('index writes', () => {
  const gsi: IndexDefinition = { partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'KEYS_ONLY' };
  const keys = ['pk', 'sk'];
  const base: Item = { pk: { S: 'W#1#C#1' }, sk: { S: 'C' }, name: { S: 'Ana' } };
  const indexed: Item = { ...base, gsi1pk: { S: 'W#1#L#0' }, gsi1sk: { S: 'a' } };

  it('cost nothing for an item outside the index, or when a key-only entry does not change', () => {
    expect(indexWriteUnits(undefined, base, gsi, keys)).toBe(0);
    expect(indexWriteUnits(indexed, { ...indexed, name: { S: 'Bea' } }, gsi, keys)).toBe(0);
  });

  it('cost one unit to appear or disappear, two for a key change', () => {
    expect(indexWriteUnits(undefined, indexed, gsi, keys)).toBe(1);
    expect(indexWriteUnits(indexed, undefined, gsi, keys)).toBe(1);
    expect(indexWriteUnits(indexed, base, gsi, keys)).toBe(1);
    expect(indexWriteUnits(indexed, { ...indexed, gsi1sk: { S: 'b' } }, gsi, keys)).toBe(2);
  });

  it('cost a write when a projected attribute changes', () => {
    const all: IndexDefinition = { ...gsi, projection: 'ALL' };
    expect(indexWriteUnits(indexed, { ...indexed, name: { S: 'Bea' } }, all, keys)).toBe(1);
  });
});

describe('projected cost per million', () => {
  it('prices each part at the list price and scales to a million units', async () => {
    const { costPerMillion, busChunks, gbSeconds } = await import('../../bench/metering/prices.ts');
    const cost = costPerMillion(
      {
        writeUnits: 10,
        readUnits: 8,
        busEvents: 3,
        lambdaRequests: 4,
        lambdaGbSeconds: gbSeconds(100, 256),
        sqsRequests: 0,
        schedulerInvocations: 0,
      },
      1,
    );
    // $0.625 / $0.125 per million write / read units.
    expect(cost.writeUnits).toBeCloseTo(6.25);
    expect(cost.readUnits).toBeCloseTo(1);
    expect(cost.busEvents).toBeCloseTo(3);
    expect(cost.lambdaRequests).toBeCloseTo(0.8);
    // 100 ms at 256 MB = 0.025 GB-s.
    expect(cost.lambdaGbSeconds).toBeCloseTo(0.025 * 0.0000133334 * 1e6);
    expect(cost.total).toBeCloseTo(6.25 + 1 + 3 + 0.8 + 0.333335);
    expect(busChunks(100)).toBe(1);
    expect(busChunks(64 * 1024 + 1)).toBe(2);
  });
});

/**
 * Meters DynamoDB per function by AWS's billing rules (./metering/dynamodb-billing.ts), from the
 * requests and the sizes of the items they touch, through an SDK middleware on the handlers' client.
 * DynamoDB Local's own ConsumedCapacity is not used: it undercounts transactions, misses and empty
 * queries.
 *
 * To know what a write or a filtered read touched, the meter looks at items through a second client
 * that it does not meter (consistent reads of the item before and after a write; a filtered or
 * projected Query re-read without filter or projection). The bench is slower for it; the figures are
 * what AWS would bill.
 */
import { type DynamoDBClient, GetItemCommand, QueryCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { invocationContext } from '../infra/local/invocation-context.ts';
import { tableDefinition } from '../infra/table.definition.ts';
import type { DocumentClient } from '../lib/shared/dynamodb/document-client.ts';
import {
  type IndexDefinition,
  type Item,
  indexWriteUnits,
  itemSize,
  type ReadMode,
  readUnits,
  sameItem,
  writeUnits,
} from './metering/dynamodb-billing.ts';

/** What one operation on one item type (the item's `type` attribute) consumed. */
export interface OperationTally {
  /** Item writes (a batch or transaction counts each of its items) or read requests. */
  count: number;
  writeUnits: number;
  readUnits: number;
}

export interface Tally {
  calls: number;
  readUnits: number;
  writeUnits: number;
  byCommand: Record<string, number>;
  /** Keyed `<operation> <item type>`, e.g. `UpdateItem contact` or `TransactWriteItems/Put score-entry`. */
  byOperation: Record<string, OperationTally>;
}

const empty = (): Tally => ({ calls: 0, readUnits: 0, writeUnits: 0, byCommand: {}, byOperation: {} });

const addOperation = (tally: Tally, key: string, add: Partial<OperationTally>) => {
  const o = tally.byOperation[key] ?? { count: 0, writeUnits: 0, readUnits: 0 };
  tally.byOperation[key] = o;
  o.count += add.count ?? 0;
  o.writeUnits += add.writeUnits ?? 0;
  o.readUnits += add.readUnits ?? 0;
};

/** An item's entity type (its `type` attribute), else its sort key's prefix, else `?`. */
const typeOf = (...images: (Item | undefined)[]): string => {
  for (const image of images) {
    const t = image?.type;
    if (t && 'S' in t) return t.S;
  }
  for (const image of images) {
    const sk = image?.sk;
    if (sk && 'S' in sk) return `sk ${sk.S.split('#')[0]}`;
  }
  return '?';
};

const TABLE_KEYS = [tableDefinition.partitionKey, tableDefinition.sortKey];
const INDEXES: Record<string, IndexDefinition> = Object.fromEntries(
  tableDefinition.globalSecondaryIndexes.map((g) => [
    g.indexName,
    { partitionKey: g.partitionKey, sortKey: g.sortKey, projection: g.projection },
  ]),
);

type Input = Record<string, unknown>;
const obj = (v: unknown): Input => (v && typeof v === 'object' ? (v as Input) : {});
const TYPES = new Set(['S', 'N', 'B', 'BOOL', 'NULL', 'SS', 'NS', 'BS', 'L', 'M']);
const isWire = (v: Input) =>
  Object.values(v).every((a) => {
    const keys = a && typeof a === 'object' ? Object.keys(a) : [];
    return keys.length === 1 && TYPES.has(keys[0] ?? '');
  });
/** An item in DynamoDB's wire format, whichever side of the document client's marshalling we sit on. */
const wire = (v: unknown): Item => {
  const o = obj(v);
  return (
    isWire(o) ? o : marshall(o, { removeUndefinedValues: true, convertClassInstanceToMap: true })
  ) as Item;
};
const items = (v: unknown): Item[] => (Array.isArray(v) ? v.map(wire) : []);
const keyOf = (item: Item): Item => Object.fromEntries(TABLE_KEYS.map((k) => [k, item[k]])) as Item;

/** Write units of one item write, its indexes included, from the images before and after. */
const writeCost = (before: Item | undefined, after: Item | undefined, transactional: boolean) => {
  const table = writeUnits(Math.max(itemSize(before), itemSize(after)), transactional);
  const indexes = Object.values(INDEXES).reduce(
    (n, index) => n + indexWriteUnits(before, after, index, TABLE_KEYS),
    0,
  );
  return table + indexes;
};

export const meter = (shadow: DynamoDBClient) => {
  const tallies = new Map<string, Tally>();
  const read = async (tableName: string, key: Item): Promise<Item | undefined> =>
    (await shadow.send(new GetItemCommand({ TableName: tableName, Key: key as never, ConsistentRead: true })))
      .Item as Item | undefined;

  /** Per write target: the key and table to look at before and after. */
  const writeTargets = (command: string, input: Input) => {
    const out: { table: string; key: Item; kind: string; put?: Item; check?: boolean }[] = [];
    const add = (table: unknown, op: Input, kind: string) => {
      const t = String(table);
      if (kind === 'Put') out.push({ table: t, kind, key: keyOf(wire(op.Item)), put: wire(op.Item) });
      else
        out.push({
          table: t,
          kind,
          key: wire(op.Key),
          ...(kind === 'ConditionCheck' ? { check: true } : {}),
        });
    };
    if (command === 'PutItemCommand') add(input.TableName, input, 'Put');
    else if (command === 'UpdateItemCommand') add(input.TableName, input, 'Update');
    else if (command === 'DeleteItemCommand') add(input.TableName, input, 'Delete');
    else if (command === 'BatchWriteItemCommand') {
      for (const [table, reqs] of Object.entries(obj(input.RequestItems)))
        for (const r of Array.isArray(reqs) ? reqs : []) {
          const req = obj(r);
          if (req.PutRequest) add(table, obj(req.PutRequest), 'Put');
          if (req.DeleteRequest) add(table, obj(req.DeleteRequest), 'Delete');
        }
    } else if (command === 'TransactWriteItemsCommand') {
      for (const t of Array.isArray(input.TransactItems) ? input.TransactItems : []) {
        const [kind, op] = Object.entries(obj(t))[0] ?? [];
        if (kind) add(obj(op).TableName, obj(op), kind);
      }
    }
    return out;
  };

  /** Read units of a request, and the type of the (first) item it read, for the breakdown. */
  const readCost = async (
    command: string,
    input: Input,
    output: Input,
  ): Promise<{ units: number; type: string }> => {
    const mode = (consistent: unknown): ReadMode => (consistent === true ? 'strong' : 'eventual');
    if (command === 'GetItemCommand') {
      const item =
        input.ProjectionExpression && output.Item
          ? await read(String(input.TableName), wire(input.Key))
          : output.Item
            ? wire(output.Item)
            : undefined;
      return {
        units: readUnits(itemSize(item), mode(input.ConsistentRead)),
        type: item ? typeOf(item) : 'miss',
      };
    }
    if (command === 'BatchGetItemCommand') {
      let units = 0;
      let type = 'miss';
      const found = obj(output.Responses);
      const unprocessed = obj(output.UnprocessedKeys);
      for (const [table, req] of Object.entries(obj(input.RequestItems))) {
        const r = obj(req);
        const got = items(found[table]);
        const skipped = items(obj(unprocessed[table]).Keys).length;
        for (const item of got) {
          const full = r.ProjectionExpression ? await read(table, keyOf(item)) : item;
          units += readUnits(itemSize(full), mode(r.ConsistentRead));
          if (type === 'miss') type = typeOf(full);
        }
        // A key asked for and not found is billed the minimum; unprocessed keys are not billed.
        const missing = Math.max(0, items(r.Keys).length - got.length - skipped);
        units += missing * readUnits(0, mode(r.ConsistentRead));
      }
      return { units, type };
    }
    if (command === 'TransactGetItemsCommand') {
      let units = 0;
      let type = 'miss';
      for (const t of Array.isArray(input.TransactItems) ? input.TransactItems : []) {
        const get = obj(obj(t).Get);
        const item = await read(String(get.TableName), wire(get.Key));
        units += readUnits(itemSize(item), 'transactional');
        if (type === 'miss' && item) type = typeOf(item);
      }
      return { units, type };
    }
    if (command === 'QueryCommand' || command === 'ScanCommand') {
      // What was read, not what was returned: filters and projections apply after the read.
      let read_ = items(output.Items);
      if (input.FilterExpression || input.ProjectionExpression || input.Select === 'COUNT') {
        const {
          FilterExpression: _f,
          ProjectionExpression: _p,
          Select: _s,
          ReturnConsumedCapacity: _r,
          ...plain
        } = input;
        const names = obj(plain.ExpressionAttributeNames);
        const used = JSON.stringify([plain.KeyConditionExpression ?? '']);
        const keptNames = Object.fromEntries(Object.entries(names).filter(([k]) => used.includes(k)));
        const values = obj(plain.ExpressionAttributeValues);
        const keptValues = Object.fromEntries(Object.entries(values).filter(([k]) => used.includes(k)));
        const again = {
          ...plain,
          ...(plain.ExclusiveStartKey ? { ExclusiveStartKey: wire(plain.ExclusiveStartKey) } : {}),
          ...(Object.keys(keptNames).length
            ? { ExpressionAttributeNames: keptNames }
            : { ExpressionAttributeNames: undefined }),
          ...(Object.keys(keptValues).length
            ? { ExpressionAttributeValues: wire(keptValues) }
            : { ExpressionAttributeValues: undefined }),
        };
        const result =
          command === 'QueryCommand'
            ? await shadow.send(new QueryCommand(again as never))
            : await shadow.send(new ScanCommand(again as never));
        read_ = items(result.Items);
      }
      const bytes = read_.reduce((n, i) => n + itemSize(i), 0);
      return {
        units: readUnits(bytes, input.IndexName ? 'eventual' : mode(input.ConsistentRead)),
        type: read_.length ? typeOf(read_[0]) : 'empty',
      };
    }
    return { units: 0, type: '?' };
  };

  const attached = new WeakSet<DocumentClient>();
  /**
   * Meter every call of `client`. Once per client: the client's hooks stack (unlike the SDK's named
   * middleware, which a second attach replaced), and a second hook would count every call twice.
   */
  const attach = (client: DocumentClient) => {
    if (attached.has(client)) return;
    attached.add(client);
    client.use(async (command, wireInput, next) => {
      const input = obj(wireInput);
      const targets = writeTargets(command, input);
      const before = await Promise.all(targets.map((t) => read(t.table, t.key)));
      let output: Input = {};
      let failure: unknown;
      try {
        const result = await next();
        output = obj(result);
        return result;
      } catch (error) {
        failure = error;
        throw error;
      } finally {
        const name = invocationContext.getStore()?.functionName ?? 'other';
        const tally = tallies.get(name) ?? empty();
        tallies.set(name, tally);
        tally.calls += 1;
        tally.byCommand[command] = (tally.byCommand[command] ?? 0) + 1;
        const transactional = command === 'TransactWriteItemsCommand';
        const after = failure
          ? before
          : await Promise.all(targets.map((t) => (t.check ? undefined : read(t.table, t.key))));
        const operation = command.replace(/Command$/, '');
        targets.forEach((t, i) => {
          // A failed conditional write and a condition check are charged as writes of the item as it is.
          const was = before[i];
          const is = failure || t.check ? was : after[i];
          const units =
            failure || t.check
              ? writeUnits(itemSize(was ?? t.put), transactional)
              : writeCost(was, is, transactional);
          tally.writeUnits += units;
          // Failed conditions and writes that left the item as it was are told apart: both are billed.
          const outcome = failure ? ' (failed)' : !t.check && sameItem(was, is) ? ' (no change)' : '';
          const kind = command === 'TransactWriteItemsCommand' ? `/${t.kind}` : '';
          addOperation(tally, `${operation}${kind} ${typeOf(is, was, t.put, t.key)}${outcome}`, {
            count: 1,
            writeUnits: units,
          });
        });
        if (!failure && !targets.length) {
          const { units, type } = await readCost(command, input, output);
          tally.readUnits += units;
          addOperation(tally, `${operation} ${type}`, { count: 1, readUnits: units });
        } else if (!failure) tally.readUnits += (await readCost(command, input, output)).units;
      }
    });
  };
  return {
    attach,
    reset: () => tallies.clear(),
    get: (fn: string): Tally => tallies.get(fn) ?? empty(),
    all: () => new Map(tallies),
    /** Every function's tally summed. */
    total: (): Tally => {
      const t = empty();
      for (const x of tallies.values()) {
        t.calls += x.calls;
        t.readUnits += x.readUnits;
        t.writeUnits += x.writeUnits;
        for (const [k, v] of Object.entries(x.byCommand)) t.byCommand[k] = (t.byCommand[k] ?? 0) + v;
        for (const [k, v] of Object.entries(x.byOperation)) addOperation(t, k, v);
      }
      return t;
    },
  };
};

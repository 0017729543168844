/**
 * DynamoDB's billing rules, as AWS documents them, for metering the local stack by what AWS would
 * charge rather than by what DynamoDB Local reports (which undercounts transactions, misses and empty
 * queries).
 *
 * - Item size (developer guide, "DynamoDB item sizes and formats"): the sum of attribute names and
 *   values. String: UTF-8 bytes; number: 1 byte per two significant digits + 1; binary: raw bytes;
 *   null and boolean: 1; list and map: 3 bytes + their elements, each element 1 byte more; sets: their
 *   elements.
 * - Writes: 1 write unit per 1 KB of item, rounded up per item (the larger of the item before and
 *   after the write); transactional writes cost twice; a failed conditional write is still charged.
 * - Reads: 1 read unit per 4 KB, strongly consistent; half for eventually consistent; twice for
 *   transactional. GetItem and BatchGetItem round up per item, a missing key still costs the minimum;
 *   Query and Scan sum the sizes of every item read in a request, then round up once, and an empty
 *   result still costs the minimum.
 * - Global secondary indexes: every index an item is in costs write units for the index entry when
 *   it appears, disappears or changes; an index key change costs two (delete + put).
 */

/** DynamoDB's wire format of one value (what the low-level API sends). */
export type AttributeValue =
  | { S: string }
  | { N: string }
  | { B: Uint8Array | string }
  | { BOOL: boolean }
  | { NULL: boolean }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: (Uint8Array | string)[] }
  | { L: AttributeValue[] }
  | { M: Record<string, AttributeValue> };

export type Item = Record<string, AttributeValue>;

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** Significant digits of a DynamoDB number: sign, decimal point, exponent, leading and trailing zeros removed. */
const numberSize = (n: string): number => {
  const mantissa = n.replace(/^[-+]/, '').replace(/[eE].*$/, '');
  const digits = mantissa.replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
};

const binarySize = (b: Uint8Array | string) =>
  typeof b === 'string' ? Buffer.from(b, 'base64').length : b.length;

/** The size of one value, without its name. */
export const valueSize = (v: AttributeValue): number => {
  if ('S' in v) return utf8(v.S);
  if ('N' in v) return numberSize(v.N);
  if ('B' in v) return binarySize(v.B);
  if ('BOOL' in v || 'NULL' in v) return 1;
  if ('SS' in v) return v.SS.reduce((n, s) => n + utf8(s), 0);
  if ('NS' in v) return v.NS.reduce((n, s) => n + numberSize(s), 0);
  if ('BS' in v) return v.BS.reduce((n, b) => n + binarySize(b), 0);
  if ('L' in v) return 3 + v.L.reduce((n, e) => n + 1 + valueSize(e), 0);
  return 3 + Object.entries(v.M).reduce((n, [k, e]) => n + 1 + utf8(k) + valueSize(e), 0);
};

/** An item's size in bytes as DynamoDB computes it for capacity units. */
export const itemSize = (item: Item | undefined): number =>
  item ? Object.entries(item).reduce((n, [k, v]) => n + utf8(k) + valueSize(v), 0) : 0;

const KB = 1024;

/** Write units for one item write of `bytes` (at least 1 KB). */
export const writeUnits = (bytes: number, transactional = false): number =>
  Math.max(1, Math.ceil(bytes / KB)) * (transactional ? 2 : 1);

export type ReadMode = 'eventual' | 'strong' | 'transactional';

/** Read units for `bytes` read in one unit of rounding (one item, or one Query/Scan page). */
export const readUnits = (bytes: number, mode: ReadMode): number => {
  const blocks = Math.max(1, Math.ceil(bytes / (4 * KB)));
  return mode === 'eventual' ? blocks / 2 : mode === 'strong' ? blocks : blocks * 2;
};

export interface IndexDefinition {
  readonly partitionKey: string;
  readonly sortKey?: string;
  readonly projection: 'KEYS_ONLY' | 'ALL' | { readonly include: readonly string[] };
}

/** JSON with object keys sorted, so that two images of one item compare equal whatever their order. */
const canonical = (v: unknown): string =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array)
    ? `{${Object.keys(v)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonical(Reflect.get(v, k))}`)
        .join(',')}}`
    : Array.isArray(v)
      ? `[${v.map(canonical).join(',')}]`
      : JSON.stringify(v);

const sameValue = (a: AttributeValue | undefined, b: AttributeValue | undefined) =>
  canonical(a) === canonical(b);

/** True when two images of an item hold the same attributes and values (a write that changed nothing). */
export const sameItem = (a: Item | undefined, b: Item | undefined): boolean =>
  a !== undefined && b !== undefined && canonical(a) === canonical(b);

/** The index entry of an item (undefined when the item is not in the index: a key attribute is missing). */
export const indexEntry = (
  item: Item | undefined,
  index: IndexDefinition,
  tableKeys: readonly string[],
): Item | undefined => {
  if (!item) return undefined;
  const keys = [index.partitionKey, ...(index.sortKey ? [index.sortKey] : [])];
  if (keys.some((k) => item[k] === undefined)) return undefined;
  if (index.projection === 'ALL') return item;
  const names = new Set([
    ...keys,
    ...tableKeys,
    ...(index.projection === 'KEYS_ONLY' ? [] : index.projection.include),
  ]);
  return Object.fromEntries(Object.entries(item).filter(([k]) => names.has(k)));
};

/** Write units an item change costs in one index (0 when the index entry does not change). */
export const indexWriteUnits = (
  before: Item | undefined,
  after: Item | undefined,
  index: IndexDefinition,
  tableKeys: readonly string[],
): number => {
  const was = indexEntry(before, index, tableKeys);
  const is = indexEntry(after, index, tableKeys);
  if (!was && !is) return 0;
  if (!was && is) return writeUnits(itemSize(is));
  if (was && !is) return writeUnits(itemSize(was));
  if (!was || !is) return 0;
  const keyChanged =
    !sameValue(was[index.partitionKey], is[index.partitionKey]) ||
    (index.sortKey !== undefined && !sameValue(was[index.sortKey], is[index.sortKey]));
  if (keyChanged) return writeUnits(itemSize(was)) + writeUnits(itemSize(is));
  const changed = canonical(was) !== canonical(is);
  return changed ? writeUnits(Math.max(itemSize(was), itemSize(is))) : 0;
};

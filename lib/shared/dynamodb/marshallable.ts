/**
 * `@aws-sdk/util-dynamodb` tells what a value is by `value.constructor.name` ('Object', 'Map', 'Set',
 * 'String', 'Boolean'...). A plain object with an own `constructor` key, which any JSON from outside
 * may hold (a contact attribute, a tracked event's properties: `{"constructor": "x"}`), is then
 * refused, or worse taken for another type: `{"constructor": {"name": "String"}}` would be stored as
 * the string "[object Object]". Such objects are handed to it as Maps, whose type it reads from the
 * prototype, with the same entries: what is stored is exactly the data. No I/O.
 */

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * `value` ready for `marshall`: every plain object with an own `constructor` key, at any depth,
 * becomes a Map of its entries. Anything else is returned as it is (the same reference when nothing
 * under it changed, so the usual item costs no copy).
 */
export const marshallable = (value: unknown): unknown => {
  if (Array.isArray(value)) {
    const items = value.map(marshallable);
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (!isPlainObject(value)) return value;
  const entries = Object.entries(value);
  const converted = entries.map(([k, v]): [string, unknown] => [k, marshallable(v)]);
  if (Object.hasOwn(value, 'constructor')) return new Map(converted);
  return converted.some(([, v], i) => v !== entries[i]?.[1]) ? Object.fromEntries(converted) : value;
};

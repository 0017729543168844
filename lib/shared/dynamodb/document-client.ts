/**
 * The project's DynamoDB document client: the document commands of `commands.ts`, marshalled with
 * AWS's own `@aws-sdk/util-dynamodb` (as `@aws-sdk/lib-dynamodb` does, undefined values removed),
 * sent over AWS's JSON protocol with SigV4 (`../aws`). Objects with a `constructor` key of their own
 * are marshalled as what they are (`marshallable.ts`). It exists for the cold start: the SDK's
 * DynamoDB client costs ~150–250 ms of import on every function's cold start; this one costs a few.
 *
 * Errors keep the SDK's shape (`name` = AWS's error code, the body's fields on the error), so
 * `isConditionFailure` and friends read either.
 */
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import {
  type AwsEndpoint,
  type CallOptions,
  jsonCall,
  type OutputOf,
  type Transport,
} from '../aws/aws-http.ts';
import type { DocumentCommand } from './commands.ts';
import { marshallable } from './marshallable.ts';

type Json = Record<string, unknown>;
type WireItem = Parameters<typeof unmarshall>[0];

/** Wraps each call (for metering or counting): sees the operation and the wire input and output. */
export type CallHook = (command: string, input: Json, next: () => Promise<Json>) => Promise<Json>;

export interface DocumentClient {
  send<C extends DocumentCommand<unknown, unknown>>(command: C): Promise<OutputOf<C>>;
  /** Add a hook around every call, outermost last. */
  use(hook: CallHook): void;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const toWire = (v: unknown) => (isObject(v) ? marshall(marshallable(v), { removeUndefinedValues: true }) : v);
const fromWire = (v: unknown) => (isObject(v) ? unmarshall(v as WireItem) : v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Map the named fields of `o` with `f`, leaving the rest as they are. */
const mapFields = (o: unknown, fields: readonly string[], f: (v: unknown) => unknown): unknown => {
  if (!isObject(o)) return o;
  const out: Json = { ...o };
  for (const k of fields) if (k in out && out[k] !== undefined) out[k] = f(out[k]);
  return out;
};

const ITEM_FIELDS = ['Key', 'Item', 'ExclusiveStartKey', 'ExpressionAttributeValues'] as const;

/**
 * Binary values travel as base64 in DynamoDB's JSON: every byte array of the wire input becomes its
 * base64 text, and every `{ B: text }` / `{ BS: [text] }` of the wire output its bytes again.
 */
const binaryToBase64 = (v: unknown): unknown => {
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (Array.isArray(v)) return v.map(binaryToBase64);
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, binaryToBase64(x)]));
  return v;
};
const base64ToBinary = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(base64ToBinary);
  if (!isObject(v)) return v;
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0] === 'B' && typeof v.B === 'string')
    return { B: Buffer.from(v.B, 'base64') };
  if (keys.length === 1 && keys[0] === 'BS' && Array.isArray(v.BS))
    return { BS: v.BS.map((b) => (typeof b === 'string' ? Buffer.from(b, 'base64') : b)) };
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, base64ToBinary(x)]));
};

/** Document input → wire input, per operation. */
const inputToWire = (operation: string, input: Json): Json => {
  const top = mapFields(input, ITEM_FIELDS, toWire) as Json;
  if (operation === 'BatchGetItem' && isObject(input.RequestItems))
    top.RequestItems = Object.fromEntries(
      Object.entries(input.RequestItems).map(([t, r]) => [
        t,
        mapFields(r, ['Keys'], (keys) => list(keys).map(toWire)),
      ]),
    );
  if (operation === 'BatchWriteItem' && isObject(input.RequestItems))
    top.RequestItems = Object.fromEntries(
      Object.entries(input.RequestItems).map(([t, reqs]) => [t, list(reqs).map(writeRequest(toWire))]),
    );
  if (operation === 'TransactWriteItems')
    top.TransactItems = list(input.TransactItems).map((ti) =>
      isObject(ti)
        ? Object.fromEntries(
            Object.entries(ti).map(([kind, op]) => [kind, mapFields(op, ITEM_FIELDS, toWire)]),
          )
        : ti,
    );
  return top;
};

const writeRequest = (f: (v: unknown) => unknown) => (r: unknown) =>
  isObject(r)
    ? {
        ...r,
        ...(r.PutRequest ? { PutRequest: mapFields(r.PutRequest, ['Item'], f) } : {}),
        ...(r.DeleteRequest ? { DeleteRequest: mapFields(r.DeleteRequest, ['Key'], f) } : {}),
      }
    : r;

/** Wire output → document output. */
const outputFromWire = (output: Json): Json => {
  const top = mapFields(output, ['Item', 'Attributes', 'LastEvaluatedKey'], fromWire) as Json;
  if (Array.isArray(output.Items)) top.Items = output.Items.map(fromWire);
  if (isObject(output.Responses))
    top.Responses = Object.fromEntries(
      Object.entries(output.Responses).map(([t, items]) => [t, list(items).map(fromWire)]),
    );
  if (isObject(output.UnprocessedKeys))
    top.UnprocessedKeys = Object.fromEntries(
      Object.entries(output.UnprocessedKeys).map(([t, r]) => [
        t,
        mapFields(r, ['Keys'], (k) => list(k).map(fromWire)),
      ]),
    );
  if (isObject(output.UnprocessedItems))
    top.UnprocessedItems = Object.fromEntries(
      Object.entries(output.UnprocessedItems).map(([t, reqs]) => [t, list(reqs).map(writeRequest(fromWire))]),
    );
  return top;
};

/** The client: a class, so tests can stand in for `send` on every instance (test/support). */
export class DynamoDocumentClient implements DocumentClient {
  readonly #hooks: CallHook[] = [];
  readonly #endpoint: AwsEndpoint;
  readonly #options: CallOptions & { readonly transport?: Transport };

  constructor(
    endpoint: Omit<AwsEndpoint, 'service'>,
    options: CallOptions & { readonly transport?: Transport } = {},
  ) {
    this.#endpoint = { ...endpoint, service: 'dynamodb' };
    this.#options = options;
  }

  use(hook: CallHook): void {
    this.#hooks.push(hook);
  }

  async send<C extends DocumentCommand<unknown, unknown>>(command: C): Promise<OutputOf<C>> {
    const { operation } = command;
    const wire = inputToWire(operation, isObject(command.input) ? command.input : {});
    const run = this.#hooks.reduce<() => Promise<Json>>(
      (next, hook) => () => hook(`${operation}Command`, wire, next),
      () => this.#call(operation, wire),
    );
    // The output's type is the command's: lib-dynamodb's types of AWS's model, as the SDK gives them.
    return outputFromWire(await run()) as OutputOf<C>;
  }

  async #call(operation: string, wire: Json): Promise<Json> {
    const request = {
      method: 'POST' as const,
      path: '/',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `DynamoDB_20120810.${operation}`,
      },
      body: JSON.stringify(binaryToBase64(wire)),
    };
    const parsed = base64ToBinary(await jsonCall(this.#endpoint, request, this.#options));
    return isObject(parsed) ? parsed : {};
  }
}

export const documentClient = (
  endpoint: Omit<AwsEndpoint, 'service'>,
  options: CallOptions & { readonly transport?: Transport } = {},
): DocumentClient => new DynamoDocumentClient(endpoint, options);

/**
 * Pagination cursors: opaque to callers (base64url of a small JSON position), but never trusted.
 * Each paginated read declares its position as a zod schema of ids and numbers; a cursor that does
 * not parse as exactly that is an `InvalidCursorError` (422 naming `cursor`). Repositories rebuild the
 * DynamoDB start key from the parsed ids through `keys`, inside the caller's own partition, so no
 * caller-supplied key reaches DynamoDB. A forged cursor that does parse can only move the page start
 * within what the caller may read anyway, so cursors need no signature.
 */
import * as z from 'zod';
import { ValidationError } from './errors.ts';

export class InvalidCursorError extends ValidationError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super(
      'invalid cursor: pass back the `next` value of the previous page unchanged',
      [{ path: 'cursor', message: `is not one this API returned (${detail})` }],
      options,
    );
  }
}

export interface CursorCodec<T> {
  encode(position: T): string;
  decode(cursor: string): T;
}

const decodeJson = (value: string): unknown => {
  try {
    if (!/^[A-Za-z0-9_-]{1,2048}$/.test(value)) throw new Error('not base64url');
    return JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch (cause) {
    throw new InvalidCursorError('not base64url JSON', { cause });
  }
};

/** A cursor names the listing that gave it, so one listing's cursor is refused by another of its shape. */
const tagged = z.strictObject({ r: z.string(), p: z.unknown() });

/**
 * `listing`: the name of the listing (`contacts`, `segment-members`...) the cursor is for. Listings
 * whose positions look alike (a contact listing and a segment's members are both a shard and a
 * contact id) would otherwise take each other's cursors.
 */
export const cursorCodec = <S extends z.ZodType>(schema: S, listing?: string): CursorCodec<z.output<S>> => ({
  encode: (position) =>
    Buffer.from(JSON.stringify(listing === undefined ? position : { r: listing, p: position })).toString(
      'base64url',
    ),
  decode: (value) => {
    let json = decodeJson(value);
    if (listing !== undefined) {
      const envelope = tagged.safeParse(json);
      if (!envelope.success || envelope.data.r !== listing)
        throw new InvalidCursorError(`not a cursor of ${listing}`);
      json = envelope.data.p;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InvalidCursorError(`${issue?.path.join('.') || 'position'}: ${issue?.message}`, {
        cause: parsed.error,
      });
    }
    return parsed.data;
  },
});

/** A shard number of a sharded listing. */
export const shardNumber = (shards: number) =>
  z
    .number()
    .int()
    .min(0)
    .max(shards - 1);

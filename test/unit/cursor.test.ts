/** Pagination cursors: a listing reads back its own positions only. */
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { cursorCodec, InvalidCursorError } from '../../lib/shared/cursor.ts';

const position = z.strictObject({ shard: z.number().int().min(0).max(15), after: z.string().optional() });

describe('cursorCodec', () => {
  it('round-trips a position', () => {
    const contacts = cursorCodec(position, 'contacts');
    expect(contacts.decode(contacts.encode({ shard: 3, after: 'c_1' }))).toEqual({ shard: 3, after: 'c_1' });
  });

  it('refuses the cursor of another listing whose positions look alike, and an untagged one', () => {
    const contacts = cursorCodec(position, 'contacts');
    const members = cursorCodec(position, 'segment-members');
    const untagged = cursorCodec(position);
    expect(() => members.decode(contacts.encode({ shard: 2, after: 'c_1' }))).toThrow(InvalidCursorError);
    expect(() => contacts.decode(untagged.encode({ shard: 2 }))).toThrow(InvalidCursorError);
    expect(() => untagged.decode(contacts.encode({ shard: 2 }))).toThrow(InvalidCursorError);
  });

  it('still refuses a tagged cursor whose position is not the listing’s', () => {
    const contacts = cursorCodec(position, 'contacts');
    const forged = Buffer.from(JSON.stringify({ r: 'contacts', p: { shard: 99 } })).toString('base64url');
    expect(() => contacts.decode(forged)).toThrow(InvalidCursorError);
    expect(() => contacts.decode('%%%')).toThrow(InvalidCursorError);
  });
});

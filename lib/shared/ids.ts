import { createHash, randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

const encode = (bytes: Uint8Array): string => {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += CROCKFORD[(value << (5 - bits)) & 31];
  return out;
};

/**
 * A time-ordered id (48-bit millisecond time, 80 random bits) in lower-case Crockford base32, with a
 * type prefix: `c_01j...`. Lexical order follows creation time.
 */
export const newId = (prefix: string, now: Date = new Date()): string => {
  const bytes = new Uint8Array(16);
  let t = now.getTime();
  for (let i = 5; i >= 0; i--) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  bytes.set(randomBytes(10), 6);
  return `${prefix}_${encode(bytes)}`;
};

/**
 * A time-ordered id like `newId`, whose 80 low bits come from `seed` instead of chance: the same
 * seed and time always give the same id (an id derived from a redelivered event's id dedupes it).
 */
export const derivedId = (prefix: string, at: Date, seed: string): string => {
  const bytes = new Uint8Array(16);
  let t = at.getTime();
  for (let i = 5; i >= 0; i--) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  bytes.set(createHash('sha256').update(seed).digest().subarray(0, 10), 6);
  return `${prefix}_${encode(bytes)}`;
};

/** Unguessable random token (for secrets), base32, `bytes` of entropy. */
export const randomToken = (bytes = 24): string => encode(randomBytes(bytes));

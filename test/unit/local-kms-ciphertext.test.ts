import { describe, expect, it } from 'vitest';
import {
  CIPHERTEXT_OVERHEAD,
  canonicalContext,
  keyIdOfBlob,
  open,
  seal,
} from '../../infra/local/kms-ciphertext.ts';

const keyId = '1234abcd-12ab-34cd-56ef-1234567890ab';
const material = Buffer.alloc(32, 7);
const otherMaterial = Buffer.alloc(32, 8);
const context = { workspaceId: 'ws_1', connectionId: 'conn_1' };
const plaintext = Buffer.from('whsec_123');

describe('local KMS ciphertext blob', () => {
  it('names its key and opens under the same material and context', () => {
    const blob = seal(keyId, material, plaintext, context);
    expect(blob).toHaveLength(plaintext.length + CIPHERTEXT_OVERHEAD);
    expect(keyIdOfBlob(blob)).toBe(keyId);
    expect(open(material, blob, context)?.toString()).toBe('whsec_123');
  });

  it('is random per call: the same input never gives the same blob', () => {
    expect(seal(keyId, material, plaintext, context).equals(seal(keyId, material, plaintext, context))).toBe(
      false,
    );
  });

  it('binds the encryption context: another value, key, extra entry or none fails', () => {
    const blob = seal(keyId, material, plaintext, context);
    expect(open(material, blob, { ...context, connectionId: 'conn_2' })).toBeUndefined();
    expect(open(material, blob, { workspaceId: 'ws_1' })).toBeUndefined();
    expect(open(material, blob, { ...context, extra: '' })).toBeUndefined();
    expect(open(material, blob)).toBeUndefined();
    expect(open(material, blob, { connectionId: 'conn_1', workspaceId: 'ws_1' })?.toString()).toBe(
      'whsec_123',
    );
  });

  it('fails under other material, and on any altered or truncated byte', () => {
    const blob = seal(keyId, material, plaintext, context);
    expect(open(otherMaterial, blob, context)).toBeUndefined();
    for (let i = 0; i < blob.length; i++) {
      const tampered = Buffer.from(blob);
      tampered[i] = (tampered[i] ?? 0) ^ 0x80;
      expect(open(material, tampered, context), `byte ${i}`).toBeUndefined();
    }
    expect(open(material, blob.subarray(0, blob.length - 1), context)).toBeUndefined();
    expect(open(material, blob.subarray(0, CIPHERTEXT_OVERHEAD - 1), context)).toBeUndefined();
    expect(keyIdOfBlob(Buffer.from('not a blob at all, but long enough to look like one'))).toBeUndefined();
  });

  it('writes a context canonically: order-free, unambiguous, empty equal to none', () => {
    expect(canonicalContext({ b: '2', a: '1' }).equals(canonicalContext({ a: '1', b: '2' }))).toBe(true);
    expect(canonicalContext({ a: 'b,c' }).equals(canonicalContext({ a: 'b', c: '' }))).toBe(false);
    expect(canonicalContext({ 'a=b': 'c' }).equals(canonicalContext({ a: 'b=c' }))).toBe(false);
    expect(canonicalContext({}).equals(canonicalContext())).toBe(true);
  });

  it('refuses a key id that is not a lower-case UUID', () => {
    expect(() => seal('alias/x', material, plaintext)).toThrow(/UUID/);
  });
});

import { describe, expect, it } from 'vitest';
import { answer, parseQuery } from '../../infra/local/ses-dns.ts';

/** A DNS query as resolvers send it: header, one question, and (like c-ares) an EDNS OPT record. */
const query = (name: string, type: number, id = 0x1234): Buffer => {
  const header = Buffer.from([id >> 8, id & 0xff, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 1]);
  const labels = name.split('.').flatMap((l) => [Buffer.from([l.length]), Buffer.from(l, 'latin1')]);
  const tail = Buffer.from([0, type >> 8, type & 0xff, 0, 1]);
  const opt = Buffer.from([0, 0, 41, 0x10, 0, 0, 0, 0, 0, 0, 0]);
  return Buffer.concat([header, ...labels, tail, opt]);
};

describe('the local DNS server’s wire format', () => {
  it('reads the question, lower-cased', () => {
    expect(parseQuery(query('_DMARC.Brand.Example', 16))).toMatchObject({
      id: 0x1234,
      name: '_dmarc.brand.example',
      type: 16,
    });
  });

  it('ignores malformed packets', () => {
    expect(parseQuery(Buffer.alloc(5))).toBeUndefined();
    expect(parseQuery(query('a.example', 16).subarray(0, 16))).toBeUndefined();
    const noQuestion = query('a.example', 16);
    noQuestion.writeUInt16BE(0, 4);
    expect(parseQuery(noQuestion)).toBeUndefined();
  });

  it('answers TXT records, NXDOMAIN for an unknown name and NODATA for another type', () => {
    const q = parseQuery(query('_dmarc.brand.example', 16));
    if (!q) throw new Error('unparsed');
    const found = answer(q, ['v=DMARC1; p=none']);
    expect(found.readUInt16BE(0)).toBe(0x1234);
    expect(found.readUInt16BE(2) & 0x800f).toBe(0x8000);
    expect(found.readUInt16BE(6)).toBe(1);
    expect(found.subarray(-16).toString()).toBe('v=DMARC1; p=none');

    expect(answer(q, undefined).readUInt16BE(2) & 0x000f).toBe(3);
    const aaaa = parseQuery(query('_dmarc.brand.example', 28));
    if (!aaaa) throw new Error('unparsed');
    const nodata = answer(aaaa, ['v=DMARC1; p=none']);
    expect([nodata.readUInt16BE(2) & 0x000f, nodata.readUInt16BE(6)]).toEqual([0, 0]);
  });
});

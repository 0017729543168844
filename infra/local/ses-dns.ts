/**
 * A local DNS server (UDP, 127.0.0.1) answering TXT queries, so that code resolving DMARC through
 * `node:dns` (`Resolver.setServers`) runs locally unchanged. It answers what `published(name)` says
 * (the local SES front's records: a verified domain's DNS records count as added) unless a test
 * overrides a name with `setTxt` (values) or `removeTxt` (no such name).
 *
 * Invariants: one question per query (the only kind resolvers send); an unknown name is NXDOMAIN, a
 * known name asked for another type is NODATA (no error, no answer); strings over 255 bytes are split
 * into 255-byte character-strings as RFC 1035 requires; a malformed packet is ignored.
 */
import { createSocket, type Socket } from 'node:dgram';
import { listenOn } from './port-in-use.ts';

export interface LocalDnsOptions {
  /** The TXT records published at `name` (lower-case, no trailing dot), or undefined if none. */
  readonly published?: (name: string) => readonly string[] | undefined;
  readonly port?: number;
}

const TYPE_TXT = 16;
const CLASS_IN = 1;
const TTL_SECONDS = 60;

interface Question {
  readonly id: number;
  readonly flags: number;
  readonly name: string;
  readonly type: number;
  /** The question section's bytes, echoed in the answer. */
  readonly section: Buffer;
}

/** Parses the header and the first question; undefined for anything malformed. */
export const parseQuery = (packet: Buffer): Question | undefined => {
  if (packet.length < 12 || packet.readUInt16BE(4) < 1) return undefined;
  const labels: string[] = [];
  let at = 12;
  while (at < packet.length) {
    const length = packet[at] ?? 0;
    if (length === 0) break;
    if (length > 63 || at + 1 + length > packet.length) return undefined;
    labels.push(packet.subarray(at + 1, at + 1 + length).toString('latin1'));
    at += 1 + length;
  }
  if (at + 5 > packet.length) return undefined;
  return {
    id: packet.readUInt16BE(0),
    flags: packet.readUInt16BE(2),
    name: labels.join('.').toLowerCase(),
    type: packet.readUInt16BE(at + 1),
    section: packet.subarray(12, at + 5),
  };
};

const txtRdata = (value: string): Buffer => {
  const bytes = Buffer.from(value, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 255) chunks.push(bytes.subarray(i, i + 255));
  if (chunks.length === 0) chunks.push(Buffer.alloc(0));
  return Buffer.concat(chunks.flatMap((c) => [Buffer.from([c.length]), c]));
};

/** The response to `q`: NXDOMAIN when `records` is undefined, else its TXT records (none for other types). */
export const answer = (q: Question, records: readonly string[] | undefined): Buffer => {
  const answers = records === undefined || q.type !== TYPE_TXT ? [] : records;
  const opcodeAndRd = q.flags & 0x7900;
  // QR, AA, RA; RCODE 3 (NXDOMAIN) when the name does not exist.
  const flags = 0x8000 | opcodeAndRd | 0x0400 | 0x0080 | (records === undefined ? 3 : 0);
  const header = Buffer.alloc(12);
  header.writeUInt16BE(q.id, 0);
  header.writeUInt16BE(flags, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(answers.length, 6);
  const rrs = answers.map((value) => {
    const rdata = txtRdata(value);
    const rr = Buffer.alloc(12);
    rr.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
    rr.writeUInt16BE(TYPE_TXT, 2);
    rr.writeUInt16BE(CLASS_IN, 4);
    rr.writeUInt32BE(TTL_SECONDS, 6);
    rr.writeUInt16BE(rdata.length, 10);
    return Buffer.concat([rr, rdata]);
  });
  return Buffer.concat([header, q.section, ...rrs]);
};

/** Use {@link startLocalDns}. */
export class LocalDns {
  private readonly overrides = new Map<string, readonly string[] | undefined>();
  private socket: Socket | undefined;
  private boundPort = 0;

  constructor(private readonly options: LocalDnsOptions = {}) {}

  /** `127.0.0.1:<port>`, for `Resolver.setServers` (the `DNS_SERVERS` variable of the local stack). */
  get server(): string {
    return `127.0.0.1:${this.boundPort}`;
  }

  /** Publishes these TXT records at `name`, whatever the SES front says. */
  setTxt(name: string, values: readonly string[]): void {
    this.overrides.set(name.toLowerCase(), [...values]);
  }

  /** Makes `name` not exist (NXDOMAIN), whatever the SES front says. */
  removeTxt(name: string): void {
    this.overrides.set(name.toLowerCase(), undefined);
  }

  /** Back to what the SES front publishes. */
  reset(name: string): void {
    this.overrides.delete(name.toLowerCase());
  }

  txt(name: string): readonly string[] | undefined {
    const key = name.toLowerCase();
    return this.overrides.has(key) ? this.overrides.get(key) : this.options.published?.(key);
  }

  /** @internal Binds the socket; use {@link startLocalDns}. */
  async listen(): Promise<this> {
    const socket = createSocket('udp4');
    socket.on('message', (packet, from) => {
      const q = parseQuery(packet);
      if (!q) return;
      socket.send(answer(q, this.txt(q.name)), from.port, from.address);
    });
    await listenOn(socket, this.options.port ?? 0, '127.0.0.1');
    this.boundPort = socket.address().port;
    this.socket = socket;
    return this;
  }

  async stop(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    if (socket) await new Promise<void>((resolve) => socket.close(() => resolve()));
  }
}

export const startLocalDns = (options: LocalDnsOptions = {}): Promise<LocalDns> =>
  new LocalDns(options).listen();

/**
 * Puts domain events on the ecrm bus. Validates each against the catalogue first, packs the events of
 * packed types per workspace (catalogue.ts, `PACK_LIMIT`), puts each workspace's fan-out marker on its
 * entries (`detail.fanout`, fanout.ts), sends in chunks of at most 10 entries / 256 KB, and retries only the entries that failed, with backoff. What still fails
 * is thrown as TransientError so the caller's trigger (the stream) redelivers: consumers dedupe by
 * event id, so a repeat is harmless and a loss is impossible.
 */
import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { TransientError } from '../errors.ts';
import { type DomainEvent, EVENT_SOURCE, isPacked, PACK_LIMIT, parseDomainEvent } from './catalogue.ts';
import { EVERY_CONSUMER, FANOUT_FIELD, type Fanout, type FanoutReader } from './fanout.ts';

export interface Bus {
  readonly client: EventBridgeClient;
  readonly name: string;
}

const MAX_ENTRIES = 10;
const MAX_BYTES = 256 * 1024;
/** A pack stays within one 64 KB billing chunk of EventBridge. */
const PACK_BYTES = 60 * 1024;

export interface PublishOptions {
  readonly attempts?: number;
  readonly backoffMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The envelope of one event, validated against the catalogue. */
const validDetail = (event: DomainEvent) => {
  const detail = {
    id: event.id,
    version: event.version,
    workspaceId: event.workspaceId,
    occurredAt: event.occurredAt,
    data: event.data,
  };
  parseDomainEvent(event.type, detail);
  return detail;
};

/** The markers of the events' workspaces; a workspace missing from them gets every consumer. */
export type Fanouts = ReadonlyMap<string, Fanout>;
const fanoutIn = (fanouts: Fanouts, workspaceId: string): Fanout =>
  fanouts.get(workspaceId) ?? EVERY_CONSUMER;

const entryOf = (bus: Bus, event: DomainEvent, fanouts: Fanouts): PutEventsRequestEntry => ({
  EventBusName: bus.name,
  Source: EVENT_SOURCE,
  DetailType: event.type,
  Detail: JSON.stringify({ ...validDetail(event), [FANOUT_FIELD]: fanoutIn(fanouts, event.workspaceId) }),
  Time: new Date(event.occurredAt),
});

const packEntryOf = (bus: Bus, events: readonly DomainEvent[], fanouts: Fanouts): PutEventsRequestEntry => {
  const [first] = events;
  if (!first) throw new Error('an empty pack');
  return {
    EventBusName: bus.name,
    Source: EVENT_SOURCE,
    DetailType: first.type,
    Detail: JSON.stringify({
      version: first.version,
      workspaceId: first.workspaceId,
      [FANOUT_FIELD]: fanoutIn(fanouts, first.workspaceId),
      pack: events.map((e) => ({ id: e.id, occurredAt: e.occurredAt, data: e.data })),
    }),
    Time: new Date(first.occurredAt),
  };
};

/**
 * The bus entries for `events`, in order: an event of a single type is an entry; the events of a
 * packed type are packed per workspace, each pack where its first event was. Each entry carries its
 * workspace's marker from `fanouts` (a pack is of one workspace, so it has one marker).
 */
export const busEntries = (
  bus: Bus,
  events: readonly DomainEvent[],
  fanouts: Fanouts,
): PutEventsRequestEntry[] => {
  const slots: (PutEventsRequestEntry | DomainEvent[])[] = [];
  const open = new Map<string, { events: DomainEvent[]; bytes: number }>();
  for (const event of events) {
    if (!isPacked(event.type)) {
      slots.push(entryOf(bus, event, fanouts));
      continue;
    }
    validDetail(event); // checked now; packed below, its data once
    const key = `${event.type} ${event.workspaceId}`;
    const bytes = Buffer.byteLength(JSON.stringify(event.data)) + event.id.length + 64;
    const pack = open.get(key);
    if (pack && pack.events.length < PACK_LIMIT && pack.bytes + bytes <= PACK_BYTES) {
      pack.events.push(event);
      pack.bytes += bytes;
    } else {
      const next = { events: [event], bytes };
      open.set(key, next);
      slots.push(next.events);
    }
  }
  return slots.map((slot) => (Array.isArray(slot) ? packEntryOf(bus, slot, fanouts) : slot));
};

/** EventBridge's size rule: source + detail-type + detail + resources, in UTF-8 bytes. */
const entrySize = (e: PutEventsRequestEntry): number =>
  Buffer.byteLength(e.Source ?? '') +
  Buffer.byteLength(e.DetailType ?? '') +
  Buffer.byteLength(e.Detail ?? '') +
  14;

const chunks = (entries: PutEventsRequestEntry[]): PutEventsRequestEntry[][] => {
  const out: PutEventsRequestEntry[][] = [];
  let current: PutEventsRequestEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = entrySize(entry);
    if (current.length === MAX_ENTRIES || (current.length > 0 && bytes + size > MAX_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Publishes `events` with their workspaces' markers, read once per call (one strongly consistent read
 * per workspace: 1 read unit each), never cached: a cached marker could miss an endpoint made since.
 *
 * Why every event published after an endpoint create (or a journey's start) returned reaches its
 * consumer: the create's transaction moved the marker before the call returned; an event written after
 * that is published only once its write was committed (the relay gets it from the table stream, which
 * carries committed writes only), so the marker is read here after both, and a strongly consistent read
 * returns every write committed before it. Retries of failed entries reuse the marker read for them.
 */
export const publishEvents = async (
  bus: Bus,
  events: readonly DomainEvent[],
  readFanouts: FanoutReader,
  options: PublishOptions = {},
): Promise<void> => {
  if (events.length === 0) return;
  const attempts = options.attempts ?? 4;
  const backoff = options.backoffMs ?? 100;
  const sleep = options.sleep ?? defaultSleep;
  const fanouts = await readFanouts(events.map((e) => e.workspaceId));
  for (const chunk of chunks(busEntries(bus, events, fanouts))) {
    let pending = chunk;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const result = await bus.client.send(new PutEventsCommand({ Entries: pending }));
      if (!result.FailedEntryCount) break;
      // Entries come back in request order; keep the ones that carry an error code.
      const failed = pending.filter((_, i) => result.Entries?.[i]?.ErrorCode !== undefined);
      if (attempt >= attempts) {
        const first = result.Entries?.find((e) => e.ErrorCode);
        throw new TransientError(
          `${failed.length} events not accepted by the bus: ${first?.ErrorCode} ${first?.ErrorMessage ?? ''}`,
        );
      }
      pending = failed;
      await sleep(backoff * 2 ** (attempt - 1));
    }
  }
};

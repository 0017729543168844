import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/shared/clock.ts';
import { TransientError } from '../../lib/shared/errors.ts';
import { parseDomainEvents } from '../../lib/shared/events/catalogue.ts';
import type { Fanout } from '../../lib/shared/events/fanout.ts';
import { domainEvent } from '../../lib/shared/events/outbox.ts';
import { publishEvents } from '../../lib/shared/events/publisher.ts';
import { engagedEvent } from '../support/engaged-events.ts';

const eb = mockClient(EventBridgeClient);
const bus = { client: new EventBridgeClient({ region: 'us-east-1' }), name: 'ecrm-test' };
const clock = fixedClock('2026-01-01T00:00:00.000Z');
const events = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    domainEvent('contact.created', 'ws_test', { contactId: `c_${i}`, fields: [] }, clock),
  );
const noSleep = async () => {};
/** A reader that has no marker for anyone: every workspace gets every consumer. */
const everyConsumer = async () => new Map();

describe('publishEvents', () => {
  beforeEach(() => eb.reset());

  it('sends at most 10 entries per call', async () => {
    eb.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    await publishEvents(bus, events(23), everyConsumer, { sleep: noSleep });
    const calls = eb.commandCalls(PutEventsCommand);
    expect(calls.map((c) => c.args[0].input.Entries?.length)).toEqual([10, 10, 3]);
    expect(calls[0]?.args[0].input.Entries?.[0]).toMatchObject({
      Source: 'ecrm',
      DetailType: 'contact.created',
      EventBusName: 'ecrm-test',
    });
  });

  it('retries only the entries that failed', async () => {
    eb.on(PutEventsCommand)
      .resolvesOnce({
        FailedEntryCount: 1,
        Entries: [
          { EventId: '1' },
          { ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' },
          { EventId: '3' },
        ],
      })
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: '2' }] });
    const sent = events(3);
    await publishEvents(bus, sent, everyConsumer, { sleep: noSleep });
    const calls = eb.commandCalls(PutEventsCommand);
    expect(calls).toHaveLength(2);
    const retried = calls[1]?.args[0].input.Entries ?? [];
    expect(retried).toHaveLength(1);
    expect(JSON.parse(retried[0]?.Detail ?? '{}').id).toBe(sent[1]?.id);
  });

  it('throws a transient error when entries keep failing, so the stream redelivers', async () => {
    eb.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'boom' }],
    });
    await expect(
      publishEvents(bus, events(1), everyConsumer, { sleep: noSleep, attempts: 3 }),
    ).rejects.toBeInstanceOf(TransientError);
    expect(eb.commandCalls(PutEventsCommand)).toHaveLength(3);
  });

  it('lets a service error through (the trigger retries the batch)', async () => {
    eb.on(PutEventsCommand).rejects(Object.assign(new Error('down'), { name: 'InternalException' }));
    await expect(publishEvents(bus, events(2), everyConsumer, { sleep: noSleep })).rejects.toThrow('down');
  });
});

describe('publishEvents: the fan-out marker', () => {
  beforeEach(() => eb.reset());

  const engaged = (workspaceId: string, i: number) => engagedEvent(workspaceId, i, clock);
  const created = (workspaceId: string, i: number) =>
    domainEvent('contact.created', workspaceId, { contactId: `c_${i}`, fields: [] }, clock);

  /** A reader that answers from `markers` and records each call's workspaces. */
  const reader = (markers: Record<string, Fanout>) => {
    const calls: string[][] = [];
    const read = async (workspaceIds: readonly string[]) => {
      calls.push([...workspaceIds]);
      return new Map(Object.entries(markers));
    };
    return { read, calls };
  };
  const sentEntries = () => eb.commandCalls(PutEventsCommand).flatMap((c) => c.args[0].input.Entries ?? []);

  it("puts each workspace's marker on its single entries and its packs, read once per call", async () => {
    eb.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    const markers = reader({
      ws_hooks: { hooks: true, journeys: false },
      ws_none: { hooks: false, journeys: false },
    });
    const events = [
      created('ws_hooks', 0),
      engaged('ws_none', 1),
      created('ws_none', 2),
      engaged('ws_hooks', 3),
      engaged('ws_none', 4),
      created('ws_hooks', 5),
      created('ws_unknown', 6),
    ];
    await publishEvents(bus, events, markers.read, { sleep: noSleep });
    // One read for the whole call (its chunks included); the reader gets each event's workspace.
    expect(markers.calls).toHaveLength(1);
    expect(new Set(markers.calls[0])).toEqual(new Set(['ws_hooks', 'ws_none', 'ws_unknown']));
    const details = sentEntries().map((e) => ({ type: e.DetailType, detail: JSON.parse(e.Detail ?? '{}') }));
    expect(
      details.map(({ type, detail }) => [type, detail.workspaceId, detail.pack?.length ?? 1, detail.fanout]),
    ).toEqual([
      ['contact.created', 'ws_hooks', 1, { hooks: true, journeys: false }],
      ['email.engaged', 'ws_none', 2, { hooks: false, journeys: false }],
      ['contact.created', 'ws_none', 1, { hooks: false, journeys: false }],
      ['email.engaged', 'ws_hooks', 1, { hooks: true, journeys: false }],
      ['contact.created', 'ws_hooks', 1, { hooks: true, journeys: false }],
      // A workspace the reader has no marker for gets every consumer.
      ['contact.created', 'ws_unknown', 1, { hooks: true, journeys: true }],
    ]);
    // Consumers still read the entries back as the events that went in: the marker is extra.
    const back = details.flatMap(({ type, detail }) => parseDomainEvents(type ?? '', detail));
    expect(new Set(back.map((e) => e.id))).toEqual(new Set(events.map((e) => e.id)));
    expect(back.find((e) => e.id === events[0]?.id)).toEqual(events[0]);
  });

  it('reads the markers again on the next call, and not for the retries within a call', async () => {
    eb.on(PutEventsCommand)
      .resolvesOnce({
        FailedEntryCount: 1,
        Entries: [{ ErrorCode: 'ThrottlingException', ErrorMessage: 'x' }],
      })
      .resolves({ FailedEntryCount: 0, Entries: [] });
    const markers = reader({ ws_a: { hooks: false, journeys: false } });
    await publishEvents(bus, [created('ws_a', 0)], markers.read, { sleep: noSleep });
    expect(markers.calls).toEqual([['ws_a']]);
    expect(eb.commandCalls(PutEventsCommand)).toHaveLength(2);
    await publishEvents(bus, [created('ws_a', 1)], markers.read, { sleep: noSleep });
    expect(markers.calls).toEqual([['ws_a'], ['ws_a']]);
  });

  it('reads nothing and sends nothing for no events', async () => {
    const markers = reader({});
    await publishEvents(bus, [], markers.read, { sleep: noSleep });
    expect(markers.calls).toHaveLength(0);
    expect(eb.commandCalls(PutEventsCommand)).toHaveLength(0);
  });
});

import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/shared/clock.ts';
import { TransientError } from '../../lib/shared/errors.ts';
import { domainEvent } from '../../lib/shared/events/outbox.ts';
import { publishEvents } from '../../lib/shared/events/publisher.ts';

const eb = mockClient(EventBridgeClient);
const bus = { client: new EventBridgeClient({ region: 'us-east-1' }), name: 'ecrm-test' };
const clock = fixedClock('2026-01-01T00:00:00.000Z');
const events = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    domainEvent('contact.created', 'ws_test', { contactId: `c_${i}`, fields: [] }, clock),
  );
const noSleep = async () => {};

describe('publishEvents', () => {
  beforeEach(() => eb.reset());

  it('sends at most 10 entries per call', async () => {
    eb.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    await publishEvents(bus, events(23), { sleep: noSleep });
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
    await publishEvents(bus, sent, { sleep: noSleep });
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
    await expect(publishEvents(bus, events(1), { sleep: noSleep, attempts: 3 })).rejects.toBeInstanceOf(
      TransientError,
    );
    expect(eb.commandCalls(PutEventsCommand)).toHaveLength(3);
  });

  it('lets a service error through (the trigger retries the batch)', async () => {
    eb.on(PutEventsCommand).rejects(Object.assign(new Error('down'), { name: 'InternalException' }));
    await expect(publishEvents(bus, events(2), { sleep: noSleep })).rejects.toThrow('down');
  });
});

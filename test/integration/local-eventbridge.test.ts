import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidEventPatternError } from '../../infra/local/event-pattern.ts';
import {
  type BusEvent,
  type LocalEventBridge,
  startLocalEventBridge,
} from '../../infra/local/local-eventbridge.ts';
import { randomWorkspaceId } from '../support/workspace.ts';

let bus: LocalEventBridge;
let client: EventBridgeClient;
let ws: string;

beforeEach(async () => {
  bus = await startLocalEventBridge({
    eventBusNames: ['ecrm'],
    retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
  });
  client = new EventBridgeClient({
    endpoint: bus.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  ws = randomWorkspaceId();
});

afterEach(async () => {
  client.destroy();
  await bus.stop();
});

const entry = (detailType: string, detail: Record<string, unknown> = {}): PutEventsRequestEntry => ({
  EventBusName: 'ecrm',
  Source: 'ecrm',
  DetailType: detailType,
  Detail: JSON.stringify({ workspaceId: ws, ...detail }),
});

const put = (...entries: PutEventsRequestEntry[]) => client.send(new PutEventsCommand({ Entries: entries }));

describe('local EventBridge PutEvents with the real SDK client', () => {
  it('accepts entries, answers their event ids and archives EventBridge event objects', async () => {
    const time = new Date('2026-01-02T03:04:05.678Z');
    const out = await put(
      { ...entry('contact.created', { contactId: 'c1' }), Resources: ['arn:aws:x'], Time: time },
      entry('contact.updated'),
    );

    expect(out.FailedEntryCount).toBe(0);
    expect(out.Entries).toHaveLength(2);
    const [first, second] = bus.events;
    expect(first?.id).toBe(out.Entries?.[0]?.EventId);
    expect(second?.id).toBe(out.Entries?.[1]?.EventId);
    expect(first).toEqual({
      version: '0',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      'detail-type': 'contact.created',
      source: 'ecrm',
      account: '000000000000',
      time: '2026-01-02T03:04:05Z',
      region: 'us-east-1',
      resources: ['arn:aws:x'],
      detail: { workspaceId: ws, contactId: 'c1' },
    });
    expect(second?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('reports invalid entries one by one, as AWS does, and still accepts the valid ones', async () => {
    const out = await put(
      entry('ok'),
      { ...entry('x'), DetailType: undefined },
      { ...entry('x'), Detail: '[1, 2]' },
      { ...entry('x'), Detail: '{not json' },
      { ...entry('x'), Source: 'aws.ec2' },
      { ...entry('x'), EventBusName: 'missing-bus' },
      { ...entry('x'), Source: undefined },
    );

    expect(out.FailedEntryCount).toBe(6);
    expect(out.Entries?.[0]?.EventId).toBeTypeOf('string');
    expect(out.Entries?.slice(1).map((e) => e.ErrorCode)).toEqual([
      'InvalidArgument',
      'MalformedDetail',
      'MalformedDetail',
      'NotAuthorizedForSourceException',
      'ResourceNotFoundException',
      'InvalidArgument',
    ]);
    expect(out.Entries?.[1]?.ErrorMessage).toContain('DetailType is a required argument');
    expect(bus.events.map((e) => e['detail-type'])).toEqual(['ok']);
  });

  it('rejects more than 10 entries and more than 256 KB with a ValidationException', async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => entry(`e${i}`));
    await expect(put(...eleven)).rejects.toMatchObject({ name: 'ValidationException' });

    const big = entry('big', { blob: 'x'.repeat(130 * 1024) });
    await expect(put(big, big)).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('over the limit'),
    });
    expect(bus.events).toHaveLength(0);
  });

  it('accepts the bus by ARN', async () => {
    const out = await put({
      ...entry('by-arn'),
      EventBusName: 'arn:aws:events:us-east-1:000000000000:event-bus/ecrm',
    });
    expect(out.FailedEntryCount).toBe(0);
  });
});

describe('local EventBridge rules and targets', () => {
  it('runs a rule at most its concurrency at once, as Lambda would, and idle() waits for the queue', async () => {
    let running = 0;
    let peak = 0;
    const seen = new Map<number, number>();
    bus.addRule({
      name: 'bounded',
      eventBusName: 'ecrm',
      concurrency: 3,
      pattern: { source: ['ecrm'] },
      target: async (e) => {
        running += 1;
        peak = Math.max(peak, running);
        const n = Number((e.detail as { n: number }).n);
        seen.set(n, (seen.get(n) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 5));
        running -= 1;
        // Every third event fails once: its retry waits for a slot again and is still delivered.
        if (n % 3 === 0 && seen.get(n) === 1) throw new Error('transient');
      },
    });
    const events = Array.from({ length: 30 }, (_, n) => entry('tick', { n }));
    for (let i = 0; i < events.length; i += 10) await put(...events.slice(i, i + 10));
    await bus.idle();
    expect(peak).toBe(3);
    expect(running).toBe(0);
    expect([...seen.keys()].sort((a, b) => a - b)).toEqual(events.map((_, n) => n));
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBe(30 + 10);
    expect(bus.deadLetters).toEqual([]);
  });

  it('delivers an event only to the rules whose pattern matches, on the rule bus only', async () => {
    const created: BusEvent[] = [];
    const updated: BusEvent[] = [];
    const onDefault: BusEvent[] = [];
    bus.addRule({
      name: 'created',
      eventBusName: 'ecrm',
      pattern: { source: ['ecrm'], 'detail-type': ['contact.created'], detail: { workspaceId: [ws] } },
      target: (e) => void created.push(e),
    });
    bus.addRule({
      name: 'updated',
      eventBusName: 'ecrm',
      pattern: { 'detail-type': [{ prefix: 'contact.upd' }] },
      target: (e) => void updated.push(e),
    });
    bus.addRule({
      name: 'default-bus',
      pattern: { source: ['ecrm'] },
      target: (e) => void onDefault.push(e),
    });

    await put(entry('contact.created', { n: 1 }), entry('contact.updated', { n: 2 }), entry('other'));
    await bus.idle();

    expect(created.map((e) => e.detail)).toEqual([{ workspaceId: ws, n: 1 }]);
    expect(updated.map((e) => e.detail)).toEqual([{ workspaceId: ws, n: 2 }]);
    expect(onDefault).toEqual([]);
  });

  it('answers PutEvents without waiting for targets', async () => {
    let release = () => {};
    const started: string[] = [];
    bus.addRule({
      name: 'slow',
      eventBusName: 'ecrm',
      pattern: { source: ['ecrm'] },
      target: (e) => {
        started.push(e.id);
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    });

    const out = await put(entry('slow'));

    expect(out.FailedEntryCount).toBe(0);
    let idle = false;
    const waiting = bus.idle().then(() => {
      idle = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(started).toHaveLength(1);
    expect(idle).toBe(false);
    release();
    await waiting;
    expect(idle).toBe(true);
  });

  it('retries a failing target with backoff and delivers the same event again', async () => {
    const attempts: string[] = [];
    bus.addRule({
      name: 'flaky',
      eventBusName: 'ecrm',
      pattern: { source: ['ecrm'] },
      target: (e) => {
        attempts.push(e.id);
        if (attempts.length < 3) throw new Error('throttled');
      },
    });

    const out = await put(entry('flaky'));
    await bus.idle();

    const id = out.Entries?.[0]?.EventId;
    expect(attempts).toEqual([id, id, id]);
    expect(bus.deadLetters).toEqual([]);
  });

  it('dead-letters a delivery that fails every attempt', async () => {
    const failure = new Error('always down');
    const attempts: string[] = [];
    const announced: string[] = [];
    bus.on('dead-letter', (d) => announced.push(d.rule));
    bus.addRule({
      name: 'down',
      eventBusName: 'ecrm',
      pattern: { source: ['ecrm'] },
      target: (e) => {
        attempts.push(e.id);
        throw failure;
      },
    });

    await put(entry('lost?'));
    await bus.idle();

    expect(attempts).toHaveLength(3);
    expect(bus.deadLetters).toHaveLength(1);
    expect(bus.deadLetters[0]).toMatchObject({
      rule: 'down',
      eventBusName: 'ecrm',
      error: failure,
      attempts: 3,
    });
    expect(bus.deadLetters[0]?.event['detail-type']).toBe('lost?');
    expect(announced).toEqual(['down']);
  });

  it('idle() also waits for events that a target publishes in turn', async () => {
    const second: BusEvent[] = [];
    bus.addRule({
      name: 'first',
      eventBusName: 'ecrm',
      pattern: { 'detail-type': ['step.one'] },
      target: async () => {
        await new Promise((r) => setTimeout(r, 10));
        await put(entry('step.two'));
      },
    });
    bus.addRule({
      name: 'second',
      eventBusName: 'ecrm',
      pattern: { 'detail-type': ['step.two'] },
      target: async (e) => {
        await new Promise((r) => setTimeout(r, 10));
        second.push(e);
      },
    });

    await put(entry('step.one'));
    await bus.idle();

    expect(second.map((e) => e['detail-type'])).toEqual(['step.two']);
  });

  it('gives each target its own copy of the event', async () => {
    bus.addRule({
      name: 'mutator',
      eventBusName: 'ecrm',
      pattern: { source: ['ecrm'] },
      target: (e) => {
        e.detail.workspaceId = 'changed';
      },
    });
    await put(entry('copy'));
    await bus.idle();
    expect(bus.events[0]?.detail.workspaceId).toBe(ws);
  });

  it('emits every accepted event to on("event") listeners', async () => {
    const seen: [string, string][] = [];
    bus.on('event', (e, busName) => seen.push([e['detail-type'], busName]));
    await put(entry('a'), { ...entry('b'), EventBusName: undefined });
    expect(seen).toEqual([
      ['a', 'ecrm'],
      ['b', 'default'],
    ]);
  });

  it('refuses a malformed pattern, an unknown bus and a duplicate rule name', () => {
    const target = () => {};
    expect(() => bus.addRule({ name: 'bad', pattern: { source: 'ecrm' }, target })).toThrow(
      InvalidEventPatternError,
    );
    expect(() =>
      bus.addRule({ name: 'r', eventBusName: 'nope', pattern: { source: ['x'] }, target }),
    ).toThrow('Event bus nope does not exist.');
    bus.addRule({ name: 'r', pattern: { source: ['x'] }, target });
    expect(() => bus.addRule({ name: 'r', pattern: { source: ['y'] }, target })).toThrow('already exists');
    expect(bus.removeRule('r')).toBe(true);
    expect(bus.removeRule('r')).toBe(false);
  });

  it('answers other operations with UnknownOperationException', async () => {
    const res = await fetch(bus.endpoint, {
      method: 'POST',
      headers: { 'x-amz-target': 'AWSEvents.PutRule', 'content-type': 'application/x-amz-json-1.1' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
  });
});

/**
 * The timer service on DynamoDB Local: set, reschedule, cancel, drain and fire through the real
 * repository. The due index is deployment-wide, so each test works in a random far-off minute and
 * looks only at its own workspace's messages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/shared/clock.ts';
import { keys } from '../../lib/shared/keys.ts';
import { drainMinute } from '../../lib/timers/drain.ts';
import { minuteKey } from '../../lib/timers/due.ts';
import { fireTimer } from '../../lib/timers/fire.ts';
import { minuteOpened } from '../../lib/timers/open-minute.ts';
import type { QueuedTimer, TimerQueue } from '../../lib/timers/timer-queue.ts';
import { timersRepository } from '../../lib/timers/timers.repository.ts';
import { timerService } from '../../lib/timers/timers.ts';
import { newWorkspace, realDeps, realTable } from './real-deps.ts';

/** A table client that counts the commands it sends, to prove what was (not) written. */
const countingTable = () => {
  const table = realTable();
  const sent: string[] = [];
  table.client.use((command, _input, next) => {
    sent.push(command);
    return next();
  });
  return { table, sent };
};

const recordingQueue = (): TimerQueue & { sent: QueuedTimer[] } => {
  const sent: QueuedTimer[] = [];
  return {
    sent,
    send: async (messages) => {
      expect(messages.length).toBeLessThanOrEqual(10);
      sent.push(...messages);
    },
  };
};

/** A random minute years ahead, so no other test's timers share it. */
const randomMinute = () =>
  new Date(Date.parse('2031-01-01T00:00:00.000Z') + Math.floor(Math.random() * 2_000_000) * 60_000);

let ws: string;
beforeAll(async () => {
  ws = await newWorkspace(realDeps());
});

/** The timer item a queued message claims (none for a one-shot timer). */
const keyOf = (m: QueuedTimer): string => ('key' in m.message ? m.message.key : '');

const mine = (queue: { sent: QueuedTimer[] }) => queue.sent.filter((m) => keyOf(m).startsWith(`W#${ws}#`));

describe('timer service on DynamoDB Local', () => {
  it('sets a timer once, writes nothing for the same due time, moves it for a new one, cancels it', async () => {
    const minute = randomMinute();
    const clock = fixedClock(new Date(minute.getTime() - 3_600_000).toISOString());
    const { table, sent } = countingTable();
    const repo = timersRepository(table);
    const timers = timerService({ timers: repo, clock });
    const due = new Date(minute.getTime() + 12_345);
    const input = { contactId: 'c_1' };

    expect(await timers.set(ws, 'score-decay', 'c_1', due, input)).toBe('set');
    // The first timer of the minute wrote the marker (with its outbox event) and the timer.
    expect(sent.filter((c) => c === 'PutItemCommand')).toHaveLength(2);

    sent.length = 0;
    expect(await timers.set(ws, 'score-decay', 'c_1', due, input)).toBe('unchanged');
    expect(sent).toEqual(['GetItemCommand']);

    sent.length = 0;
    const later = new Date(due.getTime() + 5_000);
    expect(await timers.set(ws, 'score-decay', 'c_1', later, input)).toBe('moved');
    // Same minute: no marker work, one timer write.
    expect(sent).toEqual(['GetItemCommand', 'PutItemCommand']);
    const stored = await repo.get(keys.timer(ws, 'score-decay', 'c_1').pk);
    expect(stored?.due).toBe(later.toISOString());

    expect(await timers.cancel(ws, 'score-decay', 'c_1')).toBe('cancelled');
    expect(await repo.get(keys.timer(ws, 'score-decay', 'c_1').pk)).toBeUndefined();
    expect(await timers.cancel(ws, 'score-decay', 'c_1')).toBe('none');
  });

  it('keepEarlier never moves a pending timer later', async () => {
    const minute = randomMinute();
    const clock = fixedClock(new Date(minute.getTime() - 3_600_000).toISOString());
    const repo = timersRepository(realTable());
    const timers = timerService({ timers: repo, clock });
    const due = new Date(minute.getTime() + 1_000);
    await timers.set(ws, 'segment-recheck', 'c_k', due, { contactId: 'c_k' });
    expect(
      await timers.set(
        ws,
        'segment-recheck',
        'c_k',
        new Date(due.getTime() + 60_000),
        { contactId: 'c_k' },
        {
          keepEarlier: true,
        },
      ),
    ).toBe('unchanged');
    expect(
      await timers.set(
        ws,
        'segment-recheck',
        'c_k',
        new Date(due.getTime() - 500),
        { contactId: 'c_k' },
        {
          keepEarlier: true,
        },
      ),
    ).toBe('moved');
  });

  it('a drain sends its minute and the overdue ones, delayed to the second; a duplicate fires once; a cancelled one not at all', async () => {
    const minute = randomMinute();
    const clock = fixedClock(new Date(minute.getTime() - 3_600_000).toISOString());
    const repo = timersRepository(realTable());
    const timers = timerService({ timers: repo, clock });
    await timers.set(ws, 'score-decay', 'due-in-minute', new Date(minute.getTime() + 42_000), {
      contactId: 'a',
    });
    await timers.set(ws, 'score-decay', 'overdue', new Date(minute.getTime() - 120_000), { contactId: 'b' });
    await timers.set(ws, 'score-decay', 'cancelled', new Date(minute.getTime() + 5_000), { contactId: 'c' });
    await timers.set(ws, 'score-decay', 'next-minute', new Date(minute.getTime() + 60_000), {
      contactId: 'd',
    });
    await timers.cancel(ws, 'score-decay', 'cancelled');

    clock.set(minute.toISOString());
    const queue = recordingQueue();
    await drainMinute(minuteKey(minute), { timers: repo, queue, clock });
    const sent = mine(queue);
    const byKey = new Map(sent.map((m) => [keyOf(m), m.delaySeconds]));
    expect(byKey.size).toBe(2);
    expect(byKey.get(keys.timer(ws, 'score-decay', 'due-in-minute').pk)).toBe(42);
    expect(byKey.get(keys.timer(ws, 'score-decay', 'overdue').pk)).toBe(0);

    // The same message delivered twice (and a second drain's copy): the task runs once.
    const runs: string[] = [];
    const run = async (_ws: string, task: string, input: unknown) => {
      runs.push(`${task}:${JSON.stringify(input)}`);
      return 'ok';
    };
    const message = sent.find((m) => keyOf(m) === keys.timer(ws, 'score-decay', 'overdue').pk);
    if (!message) throw new Error('overdue timer not sent');
    const deps = { timers: repo, clock };
    const outcomes = await Promise.all([
      fireTimer(message.message, 'msg-1', run, deps),
      fireTimer(message.message, 'msg-2', run, deps),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fired', 'skipped']);
    expect(await fireTimer(message.message, 'msg-3', run, deps)).toEqual({ status: 'skipped' });
    expect(runs).toEqual(['score-decay:{"contactId":"b"}']);

    // A fired timer left the due index: the next drain does not send it again.
    const again = recordingQueue();
    await drainMinute(minuteKey(minute), { timers: repo, queue: again, clock });
    expect(mine(again).map((m) => keyOf(m))).toEqual([keys.timer(ws, 'score-decay', 'due-in-minute').pk]);
  });

  it('a failed run is retried by the same message; a moved timer ignores its old message', async () => {
    const minute = randomMinute();
    const clock = fixedClock(new Date(minute.getTime() - 3_600_000).toISOString());
    const repo = timersRepository(realTable());
    const timers = timerService({ timers: repo, clock });
    const due = new Date(minute.getTime() + 1_000);
    await timers.set(ws, 'score-decay', 'flaky', due, { contactId: 'f' });
    const message = { key: keys.timer(ws, 'score-decay', 'flaky').pk, due: due.toISOString() };
    const deps = { timers: repo, clock };
    let calls = 0;
    const failing = async () => {
      calls++;
      if (calls === 1) throw new Error('transient');
      return 'ok';
    };
    await expect(fireTimer(message, 'msg-a', failing, deps)).rejects.toThrow('transient');
    expect(await fireTimer(message, 'msg-b', failing, deps)).toEqual({ status: 'skipped' });
    expect((await fireTimer(message, 'msg-a', failing, deps)).status).toBe('fired');

    await timers.set(ws, 'score-decay', 'moving', due, { contactId: 'm' });
    await timers.set(ws, 'score-decay', 'moving', new Date(due.getTime() + 30_000), { contactId: 'm' });
    const stale = { key: keys.timer(ws, 'score-decay', 'moving').pk, due: due.toISOString() };
    expect(await fireTimer(stale, 'msg-x', failing, deps)).toEqual({ status: 'skipped' });
  });

  it('a minute opened too late for a schedule is drained at once; otherwise it gets its schedule', async () => {
    const minute = randomMinute();
    const repo = timersRepository(realTable());
    const queue = recordingQueue();
    const created: string[] = [];
    const schedules = {
      ensure: async (m: string) => {
        created.push(m);
        return 'created' as const;
      },
    };
    const early = fixedClock(new Date(minute.getTime() - 60_000).toISOString());
    expect(await minuteOpened(minuteKey(minute), { timers: repo, queue, clock: early, schedules })).toBe(
      'scheduled',
    );
    expect(created).toEqual([minuteKey(minute)]);
    const late = fixedClock(new Date(minute.getTime() + 2_000).toISOString());
    expect(await minuteOpened(minuteKey(minute), { timers: repo, queue, clock: late, schedules })).toBe(
      'drained',
    );
    expect(created).toHaveLength(1);
  });

  it('one-shot timers: one put each (the same twice is one), drained from their minute, run with no claim', async () => {
    const minute = randomMinute();
    const clock = fixedClock(new Date(minute.getTime() - 3_600_000).toISOString());
    const { table, sent: commands } = countingTable();
    const repo = timersRepository(table);
    const timers = timerService({ timers: repo, clock });
    const input = { contactId: `c_${ws}` };
    await timers.oneShot(ws, 'score-decay', new Date(minute.getTime() + 7_000), input);
    commands.length = 0;
    await timers.oneShot(ws, 'score-decay', new Date(minute.getTime() + 7_000), input);
    await timers.oneShot(ws, 'score-decay', new Date(minute.getTime() + 9_500), { contactId: `d_${ws}` });
    // The minute's marker is known to this process: one put per timer, nothing read.
    expect(commands).toEqual(['PutItemCommand', 'PutItemCommand']);

    clock.set(minute.toISOString());
    const queue = recordingQueue();
    await drainMinute(minuteKey(minute), { timers: repo, queue, clock });
    const shots = queue.sent.filter((m) => 'workspaceId' in m.message && m.message.workspaceId === ws);
    expect(shots.map((m) => [m.delaySeconds, 'input' in m.message ? m.message.input : {}])).toEqual(
      expect.arrayContaining([
        [7, input],
        [10, { contactId: `d_${ws}` }],
      ]),
    );
    expect(shots).toHaveLength(2);

    // Delivered twice, it runs twice: the task is its own fence (nothing is claimed, nothing written).
    const runs: string[] = [];
    const run = async (_ws: string, task: string, taskInput: unknown) => {
      runs.push(`${task}:${JSON.stringify(taskInput)}`);
      return 'ok';
    };
    const first = shots[0];
    if (!first) throw new Error('no one-shot timer sent');
    commands.length = 0;
    await fireTimer(first.message, 'msg-1', run, { timers: repo, clock });
    await fireTimer(first.message, 'msg-2', run, { timers: repo, clock });
    expect(runs).toHaveLength(2);
    expect(commands).toEqual([]);
  });

  it('a near one-shot timer goes to the queue at once, delayed to its due second, and to a bucket', async () => {
    const minute = randomMinute();
    const clock = fixedClock(new Date(minute.getTime() + 20_000).toISOString());
    const repo = timersRepository(realTable());
    const queue = recordingQueue();
    const timers = timerService({ timers: repo, clock, queue });
    await timers.oneShot(ws, 'score-decay', new Date(minute.getTime() + 25_000), { contactId: `n_${ws}` });
    expect(queue.sent).toEqual([
      {
        delaySeconds: 5,
        message: {
          due: new Date(minute.getTime() + 25_000).toISOString(),
          workspaceId: ws,
          task: 'score-decay',
          input: { contactId: `n_${ws}` },
        },
      },
    ]);
    // The backup: the next minute's drain sends it too (harmless: the task fences itself).
    const next = new Date(minute.getTime() + 60_000);
    const drained = recordingQueue();
    await drainMinute(minuteKey(next), {
      timers: repo,
      queue: drained,
      clock: fixedClock(next.toISOString()),
    });
    expect(
      drained.sent.filter((m) => 'workspaceId' in m.message && m.message.workspaceId === ws),
    ).toHaveLength(1);
  });
});

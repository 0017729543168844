/**
 * The timer service as the rest of the domain sees it: "run this task with this input at that time",
 * under a deterministic id per (workspace, task), so setting the same timer twice never makes two.
 *
 * Invariants:
 * - Setting a timer to the due time it already has writes nothing; only a due-time change (or a
 *   new timer) writes, and then exactly the timer item (its index entry moves with it).
 * - The first timer filed in a due minute writes that minute's marker, whose outbox event gets the
 *   minute's one drain schedule created; every other timer costs no Scheduler call at all.
 * - Cancel removes a pending timer; once a delivery has claimed it, it runs.
 */

import { createHash } from 'node:crypto';
import type { Clock } from '../shared/clock.ts';
import { domainEvent } from '../shared/events/outbox.ts';
import { keys } from '../shared/keys.ts';
import { delaySeconds, fileTimer, minuteKey, timerShard } from './due.ts';
import { type TaskInput, type TaskType, taskDefinition } from './task-catalogue.ts';
import type { TimerQueue } from './timer-queue.ts';
import type { TimersRepository } from './timers.repository.ts';

export interface Timers {
  set<T extends TaskType>(
    workspaceId: string,
    task: T,
    timerId: string,
    due: Date,
    input: TaskInput<T>,
    options?: SetOptions,
  ): Promise<'set' | 'moved' | 'unchanged'>;
  /** Remove the timer if it has not fired; a missing one is fine. */
  cancel(workspaceId: string, task: TaskType, timerId: string): Promise<'cancelled' | 'none'>;
  /**
   * A one-shot timer: run the task at `due`, at least once, for one small write. It has no id, so it
   * can be neither moved nor cancelled, and nothing claims it: the task must fence itself (a journey
   * step moves its run only from the move it was set for). Setting the same one twice files it once.
   */
  oneShot<T extends TaskType>(workspaceId: string, task: T, due: Date, input: TaskInput<T>): Promise<void>;
}

export interface SetOptions {
  /**
   * Never move a pending timer later: for a timer shared by several reasons (a contact's segment
   * recheck covers every windowed segment), firing early is harmless, firing late is not.
   */
  readonly keepEarlier?: boolean;
}

export interface TimerServiceDeps {
  readonly timers: TimersRepository;
  readonly clock: Clock;
  /**
   * Where a near one-shot timer (due before its minute's drain) goes at once, delayed to its due
   * second; without it, it waits for the next drain (up to a minute late). Its bucket entry is the
   * backup either way.
   */
  readonly queue?: TimerQueue;
}

/** Minutes this process already saw opened: the marker check costs nothing after the first timer. */
const MEMO_LIMIT = 10_000;

const ATTEMPTS = 5;

export const timerService = (deps: TimerServiceDeps): Timers => {
  const opened = new Set<string>();
  const ensureMinute = async (workspaceId: string, minute: string) => {
    if (opened.has(minute)) return;
    if (!(await deps.timers.minuteOpened(minute)))
      await deps.timers.openMinute(
        minute,
        domainEvent('timer.minute.opened', workspaceId, { minute }, deps.clock),
      );
    if (opened.size >= MEMO_LIMIT) opened.clear();
    opened.add(minute);
  };
  return {
    async set(workspaceId, task, timerId, due, input, options = {}) {
      const parsed = taskDefinition(task).input.parse(input);
      const key = keys.timer(workspaceId, task, timerId).pk;
      const dueIso = due.toISOString();
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const before = await deps.timers.get(key);
        if (
          before &&
          !before.firedBy &&
          (before.due === dueIso || (options.keepEarlier && before.due < dueIso))
        )
          return 'unchanged';
        const filing = fileTimer(due, deps.clock.now());
        const minute = minuteKey(filing.minute);
        // Marker first: a crash after it leaves an empty drain, never a timer no drain will find.
        await ensureMinute(workspaceId, minute);
        const event = filing.near
          ? domainEvent('timer.near', workspaceId, { key, due: dueIso }, deps.clock)
          : undefined;
        const stored = await deps.timers.put(
          key,
          { workspaceId, task, input: { ...parsed }, due: dueIso, minute },
          before,
          event,
        );
        if (stored) return before && !before.firedBy ? 'moved' : 'set';
      }
      throw new Error(`timer ${task} kept changing under ${ATTEMPTS} attempts to set it`);
    },
    async oneShot(workspaceId, task, due, input) {
      const parsed = taskDefinition(task).input.parse(input);
      const message = { due: due.toISOString(), workspaceId, task, input: { ...parsed } };
      const id = createHash('sha256')
        .update(JSON.stringify([workspaceId, task, message.input]))
        .digest('base64url')
        .slice(0, 22);
      const now = deps.clock.now();
      const filing = fileTimer(due, now);
      const minute = minuteKey(filing.minute);
      await ensureMinute(workspaceId, minute);
      await deps.timers.fileOneShot(minute, timerShard(id), id, message);
      if (filing.near && deps.queue)
        await deps.queue.send([{ message, delaySeconds: delaySeconds(due, now) }]);
    },
    async cancel(workspaceId, task, timerId) {
      const key = keys.timer(workspaceId, task, timerId).pk;
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const before = await deps.timers.get(key);
        if (!before || before.firedBy) return 'none';
        if (await deps.timers.remove(key, before.due)) return 'cancelled';
      }
      return 'none';
    },
  };
};

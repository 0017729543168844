import { describe, expect, it } from 'vitest';
import {
  DRAIN_LEAD_MS,
  delaySeconds,
  fileTimer,
  MAX_DELAY_SECONDS,
  minuteKey,
  parseMinuteKey,
  TIMER_SHARDS,
  timerShard,
} from '../../lib/timers/due.ts';
import { parseTask, UnknownTaskError } from '../../lib/timers/task-catalogue.ts';

const at = (iso: string) => new Date(iso);

describe('timer due-minute maths', () => {
  it('files a timer under its own due minute when that drain starts at least the lead time from now', () => {
    const f = fileTimer(at('2026-06-01T12:05:42.500Z'), at('2026-06-01T12:00:00.000Z'));
    expect(minuteKey(f.minute)).toBe('2026-06-01T12:05');
    expect(f.near).toBe(false);
  });

  it('files a timer due before the next drain it can rely on under that drain, and marks it near', () => {
    // Due in the current minute: its own minute's drain already ran.
    const current = fileTimer(at('2026-06-01T12:00:30.000Z'), at('2026-06-01T12:00:10.000Z'));
    expect(minuteKey(current.minute)).toBe('2026-06-01T12:01');
    expect(current.near).toBe(true);
    // Due next minute, but that drain starts in under the lead time.
    const close = fileTimer(at('2026-06-01T12:01:20.000Z'), at('2026-06-01T12:00:55.000Z'));
    expect(minuteKey(close.minute)).toBe('2026-06-01T12:02');
    expect(close.near).toBe(true);
    // Already overdue.
    const late = fileTimer(at('2026-06-01T11:00:00.000Z'), at('2026-06-01T12:00:00.000Z'));
    expect(late.near).toBe(true);
    expect(late.minute.getTime()).toBeGreaterThanOrEqual(
      Date.parse('2026-06-01T12:00:00.000Z') + DRAIN_LEAD_MS,
    );
  });

  it('a drain starting exactly the lead time ahead is still relied on', () => {
    const f = fileTimer(at('2026-06-01T12:01:00.000Z'), at('2026-06-01T12:00:50.000Z'));
    expect(minuteKey(f.minute)).toBe('2026-06-01T12:01');
    expect(f.near).toBe(false);
  });

  it('delays a message to its due second, never negative, never past SQS limit', () => {
    const now = at('2026-06-01T12:00:00.000Z');
    expect(delaySeconds(at('2026-06-01T12:00:41.200Z'), now)).toBe(42);
    expect(delaySeconds(at('2026-06-01T11:59:00.000Z'), now)).toBe(0);
    expect(delaySeconds(at('2026-06-01T14:00:00.000Z'), now)).toBe(MAX_DELAY_SECONDS);
  });

  it('minute keys round-trip and reject anything else', () => {
    expect(parseMinuteKey('2026-06-01T12:05')?.toISOString()).toBe('2026-06-01T12:05:00.000Z');
    expect(parseMinuteKey('2026-06-01T12:05:00')).toBeUndefined();
    expect(parseMinuteKey('2026-13-01T12:05')).toBeUndefined();
  });

  it('spreads timer keys over every shard, stably', () => {
    const counts = new Array<number>(TIMER_SHARDS).fill(0);
    for (let i = 0; i < 16_000; i++) {
      const shard = timerShard(`W#ws#TM#score-decay#${i}`);
      counts[shard] = (counts[shard] ?? 0) + 1;
    }
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(Math.max(...counts)).toBeLessThan(1_200);
    expect(timerShard('W#a#TM#x#1')).toBe(timerShard('W#a#TM#x#1'));
  });
});

describe('timer task catalogue', () => {
  it('parses a known task input by its schema', () => {
    expect(parseTask('checkout-timeout', { connectionId: 'cn_1', checkoutId: 'abc', extra: 1 })).toEqual({
      type: 'checkout-timeout',
      input: { connectionId: 'cn_1', checkoutId: 'abc' },
    });
  });

  it('names the bad field of an input and refuses an unknown task', () => {
    expect(() => parseTask('segment-recheck', { contactId: '' })).toThrow(/contactId/);
    expect(() => parseTask('journey-wait', {})).toThrow(UnknownTaskError);
  });
});

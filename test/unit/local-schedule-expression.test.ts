import { describe, expect, it } from 'vitest';
import {
  atInstant,
  nextOccurrence,
  parseScheduleExpression,
  ScheduleExpressionError,
} from '../../infra/local/schedule-expression.ts';
import { fromWallMs, isValidTimeZone, toWallMs } from '../../lib/shared/zoned-time.ts';

const utc = { timeZone: 'UTC', anchor: new Date('2026-01-01T00:00:00Z') };
const next = (expression: string, after: string, context = utc) =>
  nextOccurrence(parseScheduleExpression(expression), new Date(after), context)?.toISOString();

describe('zoned time', () => {
  it('converts wall time to instants and back across a DST change', () => {
    // Paris: CET (+1) in winter, CEST (+2) in summer.
    const winter = Date.UTC(2026, 0, 15, 9, 0);
    const summer = Date.UTC(2026, 6, 15, 9, 0);
    expect(new Date(fromWallMs(winter, 'Europe/Paris')).toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(new Date(fromWallMs(summer, 'Europe/Paris')).toISOString()).toBe('2026-07-15T07:00:00.000Z');
    expect(toWallMs(Date.parse('2026-07-15T07:00:00Z'), 'Europe/Paris')).toBe(summer);
  });

  it('maps a wall time in the spring-forward gap one hour later, and a repeated one to its first reading', () => {
    // 2026-03-29 02:30 does not exist in Paris; 2026-10-25 02:30 happens twice.
    expect(new Date(fromWallMs(Date.UTC(2026, 2, 29, 2, 30), 'Europe/Paris')).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(new Date(fromWallMs(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Paris')).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('knows valid time zones', () => {
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('at()', () => {
  it('names one instant, in the time zone', () => {
    const at = parseScheduleExpression('at(2030-05-01T09:30:00)');
    expect(at.kind).toBe('at');
    if (at.kind !== 'at') return;
    expect(atInstant(at, 'UTC').toISOString()).toBe('2030-05-01T09:30:00.000Z');
    expect(atInstant(at, 'America/New_York').toISOString()).toBe('2030-05-01T13:30:00.000Z');
  });

  it('occurs once: nothing after it', () => {
    expect(next('at(2030-05-01T09:30:00)', '2030-05-01T09:29:59Z')).toBe('2030-05-01T09:30:00.000Z');
    expect(next('at(2030-05-01T09:30:00)', '2030-05-01T09:30:00Z')).toBeUndefined();
  });

  it.each([
    'at(2030-05-01 09:30:00)',
    'at(2030-02-30T09:30:00)',
    'at(2030-05-01T24:00:00)',
    'at(2030-05-01)',
  ])('rejects %s', (expression) => {
    expect(() => parseScheduleExpression(expression)).toThrow(ScheduleExpressionError);
  });
});

describe('rate()', () => {
  it('steps from the anchor by whole periods, first one period after it', () => {
    expect(next('rate(5 minutes)', '2025-12-31T00:00:00Z')).toBe('2026-01-01T00:05:00.000Z');
    expect(next('rate(5 minutes)', '2026-01-01T00:00:00Z')).toBe('2026-01-01T00:05:00.000Z');
    expect(next('rate(5 minutes)', '2026-01-01T00:05:00Z')).toBe('2026-01-01T00:10:00.000Z');
    expect(next('rate(1 hour)', '2026-01-01T10:20:00Z')).toBe('2026-01-01T11:00:00.000Z');
    expect(next('rate(2 days)', '2026-01-02T00:00:00Z')).toBe('2026-01-03T00:00:00.000Z');
  });

  it.each(['rate(0 minutes)', 'rate(5 weeks)', 'rate(minutes)', 'rate(1.5 hours)', 'rate(-1 day)'])(
    'rejects %s',
    (expression) => {
      expect(() => parseScheduleExpression(expression)).toThrow(ScheduleExpressionError);
    },
  );
});

describe('cron()', () => {
  it('fires at a fixed time every day', () => {
    expect(next('cron(0 8 * * ? *)', '2026-03-10T07:00:00Z')).toBe('2026-03-10T08:00:00.000Z');
    expect(next('cron(0 8 * * ? *)', '2026-03-10T08:00:00Z')).toBe('2026-03-11T08:00:00.000Z');
  });

  it('supports steps, ranges, lists and names', () => {
    expect(next('cron(0/15 * * * ? *)', '2026-03-10T07:16:00Z')).toBe('2026-03-10T07:30:00.000Z');
    expect(next('cron(10,40 9-17 * * ? *)', '2026-03-10T17:41:00Z')).toBe('2026-03-11T09:10:00.000Z');
    // 2026-03-10 is a Tuesday; the next Monday-to-Friday 06:00 after Friday 13th 07:00 is Monday 16th.
    expect(next('cron(0 6 ? * MON-FRI *)', '2026-03-13T07:00:00Z')).toBe('2026-03-16T06:00:00.000Z');
    expect(next('cron(0 6 ? * 1 *)', '2026-03-10T00:00:00Z')).toBe('2026-03-15T06:00:00.000Z');
    expect(next('cron(0 0 1 JAN,JUL ? *)', '2026-03-10T00:00:00Z')).toBe('2026-07-01T00:00:00.000Z');
    expect(next('cron(0 12 ? * WED,SAT *)', '2026-03-10T00:00:00Z')).toBe('2026-03-11T12:00:00.000Z');
    expect(next('cron(0 0 1 1 ? 2030)', '2026-03-10T00:00:00Z')).toBe('2030-01-01T00:00:00.000Z');
  });

  it('evaluates in the schedule time zone, following DST', () => {
    const paris = { timeZone: 'Europe/Paris', anchor: utc.anchor };
    expect(next('cron(0 9 * * ? *)', '2026-01-15T00:00:00Z', paris)).toBe('2026-01-15T08:00:00.000Z');
    expect(next('cron(0 9 * * ? *)', '2026-07-15T00:00:00Z', paris)).toBe('2026-07-15T07:00:00.000Z');
  });

  it('has no occurrence after its last year', () => {
    expect(next('cron(0 0 1 1 ? 2027)', '2027-06-01T00:00:00Z')).toBeUndefined();
  });

  it.each([
    ['cron(0 8 * * * *)', 'exactly one of day-of-month and day-of-week'],
    ['cron(0 8 ? * ? *)', 'exactly one of day-of-month and day-of-week'],
    ['cron(0 8 * *)', '6 fields'],
    ['cron(60 8 * * ? *)', 'outside 0-59'],
    ['cron(0 8 L * ? *)', 'not supported by the local scheduler'],
    ['cron(0 8 ? * 2#1 *)', 'not supported by the local scheduler'],
    ['cron(0 8 ? * 6L *)', 'not supported by the local scheduler'],
    ['cron(0 8 LW * ? *)', 'not supported by the local scheduler'],
    ['cron(0 8 ? * FOO *)', 'outside 1-7'],
    ['cron(0 20-8 * * ? *)', 'reversed'],
    ['every(5 minutes)', 'not an at(), rate() or cron() expression'],
  ])('rejects %s: %s', (expression, message) => {
    expect(() => parseScheduleExpression(expression)).toThrow(message);
  });
});

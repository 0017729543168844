/**
 * The contact's wall clock for journey steps: the next 09:00 (on some weekdays), across DST changes
 * and in far zones; quiet hours that wrap midnight.
 */
import { describe, expect, it } from 'vitest';
import { afterQuietHours, localParts, nextLocalTime } from '../../lib/journeys/local-clock.ts';

const at = (iso: string) => new Date(iso);

describe("a contact's wall clock", () => {
  it('reads the local date, time and weekday', () => {
    expect(localParts(at('2026-03-29T00:30:00Z'), 'Pacific/Kiritimati')).toEqual({
      date: '2026-03-29',
      time: '14:30',
      weekday: 'sun',
    });
    expect(localParts(at('2026-03-29T00:30:00Z'), 'Pacific/Pago_Pago')).toEqual({
      date: '2026-03-28',
      time: '13:30',
      weekday: 'sat',
    });
  });

  it('finds the next 09:00, across the spring change and in a spring-forward gap', () => {
    // Madrid moves to CEST on 2026-03-29: 09:00 is 07:00Z that day, 08:00Z the day before.
    expect(nextLocalTime(at('2026-03-28T10:00:00Z'), '09:00', 'Europe/Madrid').toISOString()).toBe(
      '2026-03-29T07:00:00.000Z',
    );
    expect(nextLocalTime(at('2026-03-28T07:59:00Z'), '09:00', 'Europe/Madrid').toISOString()).toBe(
      '2026-03-28T08:00:00.000Z',
    );
    // 02:30 does not exist in New York on 2026-03-08: it moves forward by the gap, to 03:30 EDT.
    expect(nextLocalTime(at('2026-03-08T05:00:00Z'), '02:30', 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    // At 09:00 sharp: that very instant.
    expect(nextLocalTime(at('2026-06-01T07:00:00Z'), '09:00', 'Europe/Madrid').toISOString()).toBe(
      '2026-06-01T07:00:00.000Z',
    );
  });

  it('keeps to the given weekdays', () => {
    // Saturday 2026-03-28 in Kolkata (+5:30): the next Monday at 10:00 is 04:30Z on the 30th.
    expect(nextLocalTime(at('2026-03-28T06:00:00Z'), '10:00', 'Asia/Kolkata', ['mon']).toISOString()).toBe(
      '2026-03-30T04:30:00.000Z',
    );
    expect(
      nextLocalTime(at('2026-03-28T06:00:00Z'), '10:00', 'Asia/Kathmandu', ['sat', 'sun']).toISOString(),
    ).toBe('2026-03-29T04:15:00.000Z');
  });

  it('holds an email due in quiet hours until they end, and lets one outside them go', () => {
    const quiet = { from: '21:00', to: '08:00' };
    // 21:30 in Kolkata: held to 08:00 the next morning.
    expect(afterQuietHours(at('2026-06-01T16:00:00Z'), quiet, 'Asia/Kolkata').toISOString()).toBe(
      '2026-06-02T02:30:00.000Z',
    );
    // 03:00 after midnight, still quiet: 08:00 the same morning.
    expect(afterQuietHours(at('2026-06-01T21:30:00Z'), quiet, 'Asia/Kolkata').toISOString()).toBe(
      '2026-06-02T02:30:00.000Z',
    );
    expect(afterQuietHours(at('2026-06-01T06:30:00Z'), quiet, 'Asia/Kolkata').toISOString()).toBe(
      '2026-06-01T06:30:00.000Z',
    );
    // Quiet hours inside one day (13:00–14:00).
    expect(
      afterQuietHours(
        at('2026-06-01T11:30:00Z'),
        { from: '13:00', to: '14:00' },
        'Europe/Madrid',
      ).toISOString(),
    ).toBe('2026-06-01T12:00:00.000Z');
  });
});

/**
 * The scheduling maths of campaigns: a wall-clock time in a zone → its UTC instant across DST (gaps
 * move forward, overlaps take the earlier instant, like Temporal's `compatible`), zones at the edges
 * of the world and at half and three-quarter hours, zone names and aliases, wall dates and times,
 * the waves of a recipient-local schedule, and the lead a schedule needs.
 */
import { describe, expect, it } from 'vitest';
import {
  checkSendTime,
  instantInZone,
  instantOfLocalDateTime,
  recipientLocalWindow,
  recipientTimeZone,
  SCHEDULE_LEAD_MS,
  sendWaves,
  waveInstant,
  waveOfRecipient,
} from '../../lib/campaigns/send-time.ts';
import { ValidationError } from '../../lib/shared/errors.ts';
import {
  localDateSchema,
  localDateTimeSchema,
  localTimeSchema,
} from '../../lib/shared/values/local-time.schema.ts';
import { CLDR_RENAMES, canonicalTimeZone, timeZoneSchema } from '../../lib/shared/values/time-zone.schema.ts';

const iso = (date: string, time: string, zone: string) => instantInZone(date, time, zone).toISOString();

/** The ValidationError a call throws, for its field path. */
const refusal = (call: () => unknown): ValidationError => {
  try {
    call();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
};

describe('a wall-clock time in a zone is one UTC instant', () => {
  it('on ordinary days, at the edges of the world and at half and three-quarter hours', () => {
    expect(iso('2026-03-08', '09:00', 'UTC')).toBe('2026-03-08T09:00:00.000Z');
    // UTC+14: its 9:00 is the world's first, the day before in UTC.
    expect(iso('2026-03-08', '09:00', 'Pacific/Kiritimati')).toBe('2026-03-07T19:00:00.000Z');
    // UTC−11: among the last.
    expect(iso('2026-03-08', '09:00', 'Pacific/Pago_Pago')).toBe('2026-03-08T20:00:00.000Z');
    expect(iso('2026-03-08', '09:00', 'Asia/Kolkata')).toBe('2026-03-08T03:30:00.000Z');
    expect(iso('2026-03-08', '09:00', 'Asia/Kathmandu')).toBe('2026-03-08T03:15:00.000Z');
    // Adelaide: +10:30 in its summer (March), +9:30 in its winter (July).
    expect(iso('2026-03-08', '09:00', 'Australia/Adelaide')).toBe('2026-03-07T22:30:00.000Z');
    expect(iso('2026-07-08', '09:00', 'Australia/Adelaide')).toBe('2026-07-07T23:30:00.000Z');
    // Midnight and the last minute of a day.
    expect(iso('2026-12-31', '23:59', 'Pacific/Kiritimati')).toBe('2026-12-31T09:59:00.000Z');
    expect(iso('2027-01-01', '00:00', 'Pacific/Pago_Pago')).toBe('2027-01-01T11:00:00.000Z');
  });

  it('America/New_York: the spring-forward gap moves forward by an hour, the fall-back overlap takes EDT', () => {
    // 2026-03-08: 02:00 EST becomes 03:00 EDT.
    expect(iso('2026-03-08', '01:59', 'America/New_York')).toBe('2026-03-08T06:59:00.000Z');
    expect(iso('2026-03-08', '02:00', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
    expect(iso('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
    expect(iso('2026-03-08', '03:00', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z');
    expect(iso('2026-03-08', '09:00', 'America/New_York')).toBe('2026-03-08T13:00:00.000Z');
    // 2026-11-01: 02:00 EDT becomes 01:00 EST; 01:00–01:59 happen twice, the first (EDT) wins.
    expect(iso('2026-11-01', '00:59', 'America/New_York')).toBe('2026-11-01T04:59:00.000Z');
    expect(iso('2026-11-01', '01:00', 'America/New_York')).toBe('2026-11-01T05:00:00.000Z');
    expect(iso('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(iso('2026-11-01', '02:00', 'America/New_York')).toBe('2026-11-01T07:00:00.000Z');
    expect(iso('2026-11-01', '09:00', 'America/New_York')).toBe('2026-11-01T14:00:00.000Z');
  });

  it('Europe/Paris: the same at 02:00 local on the last Sundays of March and October', () => {
    expect(iso('2026-03-29', '01:59', 'Europe/Paris')).toBe('2026-03-29T00:59:00.000Z');
    expect(iso('2026-03-29', '02:30', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(iso('2026-03-29', '03:00', 'Europe/Paris')).toBe('2026-03-29T01:00:00.000Z');
    expect(iso('2026-03-29', '09:00', 'Europe/Paris')).toBe('2026-03-29T07:00:00.000Z');
    expect(iso('2026-10-25', '02:30', 'Europe/Paris')).toBe('2026-10-25T00:30:00.000Z'); // CEST, not CET
    expect(iso('2026-10-25', '03:00', 'Europe/Paris')).toBe('2026-10-25T02:00:00.000Z');
    expect(iso('2026-10-25', '09:00', 'Europe/Paris')).toBe('2026-10-25T08:00:00.000Z');
  });

  it('Australia/Lord_Howe: a half-hour DST shift, so a half-hour gap and a half-hour overlap', () => {
    // 2026-10-04: 02:00 (+10:30) becomes 02:30 (+11).
    expect(iso('2026-10-04', '01:59', 'Australia/Lord_Howe')).toBe('2026-10-03T15:29:00.000Z');
    expect(iso('2026-10-04', '02:15', 'Australia/Lord_Howe')).toBe('2026-10-03T15:45:00.000Z'); // 02:45
    expect(iso('2026-10-04', '02:30', 'Australia/Lord_Howe')).toBe('2026-10-03T15:30:00.000Z');
    // 2026-04-05: 02:00 (+11) becomes 01:30 (+10:30); 01:30–01:59 happen twice.
    expect(iso('2026-04-05', '01:45', 'Australia/Lord_Howe')).toBe('2026-04-04T14:45:00.000Z');
    expect(iso('2026-04-05', '02:00', 'Australia/Lord_Howe')).toBe('2026-04-04T15:30:00.000Z');
    expect(iso('2026-04-05', '09:00', 'Australia/Lord_Howe')).toBe('2026-04-04T22:30:00.000Z');
  });

  it('southern-hemisphere DST: Adelaide (half-hour zone) and Auckland change in April and September/October', () => {
    expect(iso('2026-10-04', '02:30', 'Australia/Adelaide')).toBe('2026-10-03T17:00:00.000Z'); // 03:30 +10:30
    expect(iso('2026-10-04', '09:00', 'Australia/Adelaide')).toBe('2026-10-03T22:30:00.000Z');
    expect(iso('2026-04-05', '02:30', 'Australia/Adelaide')).toBe('2026-04-04T16:00:00.000Z'); // +10:30
    expect(iso('2026-04-05', '09:00', 'Australia/Adelaide')).toBe('2026-04-04T23:30:00.000Z');
    expect(iso('2026-09-27', '02:30', 'Pacific/Auckland')).toBe('2026-09-26T14:30:00.000Z'); // 03:30 +13
    expect(iso('2026-09-27', '09:00', 'Pacific/Auckland')).toBe('2026-09-26T20:00:00.000Z');
    expect(iso('2026-04-05', '02:30', 'Pacific/Auckland')).toBe('2026-04-04T13:30:00.000Z'); // +13
    expect(iso('2026-04-05', '09:00', 'Pacific/Auckland')).toBe('2026-04-04T21:00:00.000Z');
  });

  it('a whole skipped day (Samoa, 2011-12-30) moves forward by the day', () => {
    expect(iso('2011-12-29', '09:00', 'Pacific/Apia')).toBe('2011-12-29T19:00:00.000Z'); // −10
    expect(iso('2011-12-30', '09:00', 'Pacific/Apia')).toBe('2011-12-30T19:00:00.000Z'); // 12-31 09:00 +14
    expect(iso('2011-12-31', '09:00', 'Pacific/Apia')).toBe('2011-12-30T19:00:00.000Z');
  });

  it('takes aliases as their zone, and a moment written YYYY-MM-DDTHH:mm', () => {
    expect(iso('2026-03-08', '02:30', 'US/Eastern')).toBe('2026-03-08T07:30:00.000Z');
    expect(iso('2026-03-08', '09:00', 'Asia/Calcutta')).toBe('2026-03-08T03:30:00.000Z');
    expect(instantOfLocalDateTime('2026-10-25T02:30', 'Europe/Paris').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('refuses invalid dates, times and zones, naming the field', () => {
    for (const date of ['2026-02-30', '2026-13-01', '2026-00-10', '2026-2-03', '26-03-08', '1969-12-31', ''])
      expect(refusal(() => instantInZone(date, '09:00', 'UTC')).issues[0]?.path, date).toBe('date');
    expect(iso('2028-02-29', '09:00', 'UTC')).toBe('2028-02-29T09:00:00.000Z');
    for (const time of ['24:00', '9:60', '09:60', '9:00', '09:00:00', '0900', ' 09:00', ''])
      expect(refusal(() => instantInZone('2026-03-08', time, 'UTC')).issues[0]?.path, time).toBe('time');
    for (const zone of ['Mars/Olympus', 'Europe/Atlantis', '+05:30', 'CEST', 'Europe/', '../etc/passwd', ''])
      expect(refusal(() => instantInZone('2026-03-08', '09:00', zone)).issues[0]?.path, zone).toBe(
        'timeZone',
      );
    for (const at of ['2026-03-08 09:00', '2026-03-08T24:00', '2026-02-30T09:00', '2026-03-08T09:00Z'])
      expect(refusal(() => instantOfLocalDateTime(at, 'UTC')).issues[0]?.path, at).toBe('at');
  });
});

describe('zone names', () => {
  it('keeps canonical names, resolves aliases and letter case to them, and refuses anything else', () => {
    const cases: Record<string, string> = {
      'Europe/Madrid': 'Europe/Madrid',
      'America/New_York': 'America/New_York',
      'US/Eastern': 'America/New_York',
      EST5EDT: 'America/New_York',
      'Asia/Calcutta': 'Asia/Kolkata',
      'Asia/Kolkata': 'Asia/Kolkata',
      'asia/kolkata': 'Asia/Kolkata',
      'Asia/Katmandu': 'Asia/Kathmandu',
      'Europe/Kiev': 'Europe/Kyiv',
      'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
      'America/Argentina/Buenos_Aires': 'America/Argentina/Buenos_Aires',
      'Pacific/Enderbury': 'Pacific/Kanton',
      UTC: 'UTC',
      'Etc/UTC': 'UTC',
      GMT: 'UTC',
      'Etc/GMT+5': 'Etc/GMT+5',
    };
    for (const [name, canonical] of Object.entries(cases)) {
      expect(canonicalTimeZone(name), name).toBe(canonical);
      expect(timeZoneSchema.parse(name), name).toBe(canonical);
    }
    for (const name of [
      'Mars/Olympus',
      'GMT+25',
      '+05:30',
      'CEST',
      'Europe/',
      '../etc/passwd',
      '',
      'x'.repeat(65),
    ]) {
      expect(canonicalTimeZone(name), name).toBeUndefined();
      const result = timeZoneSchema.safeParse(name);
      expect(result.success, name).toBe(false);
      expect(result.error?.issues[0]?.message, name).toMatch(/IANA time zone|64/);
    }
  });

  it('every zone the runtime knows has a canonical name, canonical for itself (idempotent)', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    expect(zones.length).toBeGreaterThan(300);
    for (const zone of zones) {
      const canonical = canonicalTimeZone(zone);
      expect(canonical, zone).toBeDefined();
      expect(canonicalTimeZone(canonical ?? ''), zone).toBe(canonical);
    }
  });

  it("each rename of the table is the runtime's zone, under the database's current name", () => {
    for (const [old, current] of Object.entries(CLDR_RENAMES)) {
      expect(canonicalTimeZone(old), old).toBe(current);
      expect(canonicalTimeZone(current), current).toBe(current);
      // Same zone, same clocks.
      expect(iso('2026-06-01', '12:00', old)).toBe(iso('2026-06-01', '12:00', current));
    }
  });
});

describe('wall dates and times as contracts', () => {
  it('accepts real days and times and keeps them as written', () => {
    expect(localDateSchema.parse('2028-02-29')).toBe('2028-02-29');
    expect(localTimeSchema.parse('00:00')).toBe('00:00');
    expect(localTimeSchema.parse('23:59')).toBe('23:59');
    expect(localDateTimeSchema.parse('2026-03-08T09:00')).toBe('2026-03-08T09:00');
  });

  it('refuses the rest with a message saying the format', () => {
    for (const bad of ['2026-02-30', '2027-02-29', '2026-04-31', '2026-3-8'])
      expect(localDateSchema.safeParse(bad).error?.issues[0]?.message, bad).toMatch(/YYYY-MM-DD/);
    for (const bad of ['24:00', '9:60', '12:5', 'noon'])
      expect(localTimeSchema.safeParse(bad).error?.issues[0]?.message, bad).toMatch(/HH:mm/);
    for (const bad of ['2026-03-08T9:00', '2026-03-08', '2026-03-08T09:00:00'])
      expect(localDateTimeSchema.safeParse(bad).success, bad).toBe(false);
  });
});

describe('the waves of a recipient-local schedule', () => {
  const nineAm = { date: '2026-03-08', time: '09:00' };

  it('one wave per distinct instant, sorted, each with its canonical zones; missing or unknown zones get the default', () => {
    const zones = [
      'Pacific/Pago_Pago',
      'Europe/Paris',
      'Asia/Calcutta',
      'Asia/Kolkata',
      'Pacific/Kiritimati',
      'Asia/Kathmandu',
      'US/Eastern',
      'America/New_York',
      'Africa/Lagos', // +1 like Paris in March: same wave
      'Australia/Adelaide',
      'Australia/Lord_Howe',
      'UTC',
      undefined,
      null,
      '',
      'Mars/Olympus',
    ];
    expect(sendWaves(nineAm, zones, 'Europe/Lisbon')).toEqual([
      { wave: 600, at: '2026-03-07T19:00:00.000Z', timeZones: ['Pacific/Kiritimati'] },
      { wave: 780, at: '2026-03-07T22:00:00.000Z', timeZones: ['Australia/Lord_Howe'] }, // +11 in March
      { wave: 810, at: '2026-03-07T22:30:00.000Z', timeZones: ['Australia/Adelaide'] },
      { wave: 1095, at: '2026-03-08T03:15:00.000Z', timeZones: ['Asia/Kathmandu'] },
      { wave: 1110, at: '2026-03-08T03:30:00.000Z', timeZones: ['Asia/Kolkata'] },
      { wave: 1380, at: '2026-03-08T08:00:00.000Z', timeZones: ['Africa/Lagos', 'Europe/Paris'] },
      { wave: 1440, at: '2026-03-08T09:00:00.000Z', timeZones: ['Europe/Lisbon', 'UTC'] },
      { wave: 1680, at: '2026-03-08T13:00:00.000Z', timeZones: ['America/New_York'] }, // EDT that morning
      { wave: 2100, at: '2026-03-08T20:00:00.000Z', timeZones: ['Pacific/Pago_Pago'] },
    ]);
  });

  it('a time inside the DST gap is moved forward in each zone by its own change', () => {
    const waves = sendWaves(
      { date: '2026-03-08', time: '02:30' },
      ['America/New_York', 'America/Halifax', 'America/Phoenix'],
      'UTC',
    );
    expect(waves).toEqual([
      { wave: 1680, at: '2026-03-08T06:30:00.000Z', timeZones: ['America/Halifax'] }, // 03:30 ADT
      { wave: 1740, at: '2026-03-08T07:30:00.000Z', timeZones: ['America/New_York'] }, // 03:30 EDT
      { wave: 1860, at: '2026-03-08T09:30:00.000Z', timeZones: ['America/Phoenix'] }, // no DST: 02:30 MST
    ]);
  });

  it('no zones, no waves; the default zone alone when nobody has one', () => {
    expect(sendWaves(nineAm, [], 'UTC')).toEqual([]);
    expect(sendWaves(nineAm, [undefined, undefined], 'US/Pacific')).toEqual([
      { wave: 1860, at: '2026-03-08T16:00:00.000Z', timeZones: ['America/Los_Angeles'] },
    ]);
  });

  it('refuses a bad default zone, date or time, naming the field', () => {
    expect(refusal(() => sendWaves(nineAm, [undefined], 'Mars/Olympus')).issues[0]?.path).toBe(
      'defaultTimeZone',
    );
    expect(refusal(() => sendWaves({ date: '2026-02-30', time: '09:00' }, [], 'UTC')).issues[0]?.path).toBe(
      'date',
    );
    expect(refusal(() => sendWaves({ date: '2026-03-08', time: '24:00' }, [], 'UTC')).issues[0]?.path).toBe(
      'time',
    );
  });

  it("a recipient's wave number needs no list of zones: same instant, same number; later, larger; back to its instant", () => {
    const waveOf = waveOfRecipient(nineAm, 'Europe/Lisbon');
    const zones = ['Pacific/Kiritimati', 'Asia/Calcutta', 'Europe/Paris', 'US/Eastern', 'Pacific/Pago_Pago'];
    // Numbered one contact at a time (a paginated snapshot), or all at once: the same numbers.
    const waves = sendWaves(nineAm, [...zones, undefined, 'UTC', 'Mars/Olympus'], 'Europe/Lisbon');
    expect(waves.map((w) => w.wave)).toEqual([600, 1110, 1380, 1440, 1680, 2100]);
    expect(zones.map(waveOf)).toEqual([600, 1110, 1380, 1680, 2100]);
    expect(waveOf('Asia/Kolkata')).toBe(waveOf('Asia/Calcutta'));
    expect(waveOf(undefined)).toBe(waveOf('Europe/Lisbon'));
    expect(waveOf('Mars/Olympus')).toBe(waveOf('UTC')); // unknown → the default, +0 in March like UTC
    expect(waveOfRecipient(nineAm, 'Europe/Paris')(undefined)).toBe(1380);
    for (const w of waves) expect(waveInstant(nineAm, w.wave).toISOString()).toBe(w.at);
    // Over every zone the runtime knows: numbers follow instants, none negative.
    const all = sendWaves(nineAm, Intl.supportedValuesOf('timeZone'), 'UTC');
    for (const [i, w] of all.entries()) {
      expect(w.wave).toBeGreaterThanOrEqual(0);
      if (i > 0) expect(w.wave).toBeGreaterThan(all[i - 1]?.wave ?? Number.POSITIVE_INFINITY);
      expect(waveInstant(nineAm, w.wave).toISOString()).toBe(w.at);
    }
    expect(refusal(() => waveOfRecipient(nineAm, 'Mars/Olympus')).issues[0]?.path).toBe('defaultTimeZone');
  });

  it("a recipient's zone: its own when valid, canonical; the default's otherwise", () => {
    expect(recipientTimeZone('Asia/Calcutta', 'UTC')).toBe('Asia/Kolkata');
    expect(recipientTimeZone(undefined, 'US/Eastern')).toBe('America/New_York');
    expect(recipientTimeZone('Mars/Olympus', 'Europe/Paris')).toBe('Europe/Paris');
  });

  it('the window over every zone: first at UTC+14, last at UTC−11', () => {
    expect(recipientLocalWindow(nineAm)).toEqual({
      first: new Date('2026-03-07T19:00:00.000Z'),
      last: new Date('2026-03-08T20:00:00.000Z'),
    });
  });
});

describe('a schedule must lie ahead', () => {
  const now = new Date('2026-03-08T09:00:00.000Z');

  it('accepts a send time strictly more than the lead away', () => {
    expect(SCHEDULE_LEAD_MS).toBe(60_000);
    expect(checkSendTime(new Date('2026-03-08T09:01:00.001Z'), now)).toEqual({ ok: true });
    expect(checkSendTime(new Date('2026-03-09T09:00:00.000Z'), now)).toEqual({ ok: true });
  });

  it('refuses one within the lead as too soon, and one passed as in the past, saying when it may be', () => {
    expect(checkSendTime(new Date('2026-03-08T09:01:00.000Z'), now)).toEqual({
      ok: false,
      refusal: {
        code: 'too_soon',
        message: expect.stringContaining('after 2026-03-08T09:01:00.000Z'),
        earliest: '2026-03-08T09:01:00.000Z',
        notBefore: '2026-03-08T09:01:00.000Z',
      },
    });
    const past = checkSendTime(new Date('2026-03-08T09:00:00.000Z'), now);
    expect(past.ok).toBe(false);
    expect(past.ok ? undefined : past.refusal.code).toBe('in_past');
    const yesterday = checkSendTime(instantInZone('2026-03-07', '09:00', 'Pacific/Kiritimati'), now);
    expect(yesterday.ok ? undefined : yesterday.refusal).toMatchObject({
      code: 'in_past',
      earliest: '2026-03-06T19:00:00.000Z',
    });
  });

  it("a recipient-local schedule is refused once its first wave's time has come, though later ones lie ahead", () => {
    const waves = sendWaves({ date: '2026-03-08', time: '09:00' }, ['Asia/Kolkata', 'Europe/Paris'], 'UTC');
    const first = new Date(waves[0]?.at ?? '');
    expect(checkSendTime(first, new Date('2026-03-08T03:00:00.000Z')).ok).toBe(true);
    expect(checkSendTime(first, new Date('2026-03-08T04:00:00.000Z')).ok).toBe(false);
  });
});

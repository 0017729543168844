/**
 * IANA time zone names: a contact's zone, a workspace's default zone, a campaign's schedule. A leaf
 * module (Intl only, no tz library), so contacts, email settings and campaigns share one rule.
 *
 * Any name of the time zone database is accepted, aliases included (`US/Eastern`, `Asia/Calcutta`,
 * `Etc/UTC`, any letter case); the canonical name is what is kept, so equal zones compare equal.
 * Offsets (`+05:30`) and abbreviations the database lacks (`CEST`) are refused: they say nothing about
 * DST.
 *
 * Canonical is the runtime's (ICU's) primary name of the zone, one per country or region as ECMA-402
 * defines it (`Europe/Bratislava` stays itself though the database links it to `Europe/Prague`), but
 * spelled the way the database spells it today: ICU keeps the names CLDR first used, so
 * `Asia/Kolkata` resolves to `Asia/Calcutta` and `Europe/Kyiv` to `Europe/Kiev`; {@link CLDR_RENAMES}
 * turns them back. A rename the table lacks (a future one) still resolves to a valid, older name.
 */
import * as z from 'zod';

/**
 * ICU's name → the database's current name, for every zone the database renamed after CLDR had
 * named it (CLDR's `timezone.xml` marks them with an `iana` attribute). Found by resolving every zone
 * of tzdata 2025b with ICU 78 (Node 24); the unit tests check each entry against the runtime.
 */
export const CLDR_RENAMES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** What a zone name may look like: `Area/Location[/Sub]`, or one word (`UTC`, `EST5EDT`). */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/;

/** Longest name accepted (the database's longest is 32 characters). */
export const MAX_TIME_ZONE_LENGTH = 64;

/** Names already resolved (Intl's constructor is slow); cleared when full, so odd inputs cannot grow it. */
const canonical = new Map<string, string | undefined>();
const CACHE_SIZE = 2_000;

/**
 * The canonical name of a time zone, or undefined when `name` is not one. Aliases and any letter
 * case resolve (`us/eastern` → `America/New_York`, `Asia/Calcutta` → `Asia/Kolkata`, `Etc/UTC` →
 * `UTC`); a canonical name maps to itself, so the function is idempotent.
 */
export const canonicalTimeZone = (name: string): string | undefined => {
  if (canonical.has(name)) return canonical.get(name);
  let found: string | undefined;
  if (name.length <= MAX_TIME_ZONE_LENGTH && ZONE_NAME.test(name)) {
    try {
      const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
      found = CLDR_RENAMES[resolved] ?? resolved;
    } catch {
      found = undefined;
    }
  }
  if (canonical.size >= CACHE_SIZE) canonical.clear();
  canonical.set(name, found);
  return found;
};

export const INVALID_TIME_ZONE = 'not an IANA time zone (e.g. Europe/Madrid)';

/** A time zone name in, its canonical name out; anything else is refused with one clear message. */
export const timeZoneSchema = z
  .string()
  .max(MAX_TIME_ZONE_LENGTH)
  .transform((value, ctx) => {
    const zone = canonicalTimeZone(value);
    if (zone === undefined) {
      ctx.addIssue({ code: 'custom', message: INVALID_TIME_ZONE });
      return z.NEVER;
    }
    return zone;
  })
  // The canonical name out is a string: so says the OpenAPI document of the responses.
  .pipe(z.string())
  .describe('an IANA time zone name (aliases accepted; the canonical name is kept)');

/**
 * What every mapper does the same way: parse only the fields it needs with zod (unknown fields are
 * dropped by z.object), turn a payload that lacks what its topic promises into a MappingError with
 * the path, and normalise people's data the way contacts store it (lower-cased valid emails, E.164
 * phones, trimmed names, BCP 47 locales, ISO UTC times). Optional data that is unusable is dropped;
 * required data that is unusable quarantines the delivery.
 */
import * as z from 'zod';
import { LIMITS, localeSchema, phoneSchema } from '../../contacts/contact.schema.ts';
import { controlsToSpace } from '../../shared/control-chars.ts';
import {
  fromStripeAmount,
  MoneyError,
  normaliseCurrency,
  type ToMinorOptions,
  toMinor,
} from '../../shared/money.ts';
import { emailSchema } from '../../shared/values/identity.schema.ts';
import { type ConsentState, MappingError, type StorefrontCustomer } from '../storefront-change.ts';

type Path = readonly PropertyKey[];

export const pathText = (path: Path): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('') ||
  '(payload)';

/** Parse `payload` or throw MappingError naming the first offending field. */
export const parseOrThrow = <S extends z.ZodType>(schema: S, payload: unknown, what: string): z.output<S> => {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = pathText(issue?.path ?? []);
  throw new MappingError(`${what}: ${issue?.message ?? 'invalid payload'}`, path);
};

/** Drop keys whose value is undefined, so absent fields are absent (not present-and-undefined). */
export const compact = <T extends object>(value: T): T => {
  const copy = { ...value };
  for (const key of Object.keys(copy)) {
    if (Reflect.get(copy, key) === undefined) Reflect.deleteProperty(copy, key);
  }
  return copy;
};

/** A field whose value we read leniently (zod 4 object keys are required unless optional). */
export const anything = z.unknown().optional();

/** An optional sub-object: parsed when usable, otherwise absent (never a reason to quarantine). */
export const lenient = <S extends z.ZodType>(schema: S) =>
  z
    .unknown()
    .transform((value): z.output<S> | undefined => {
      const parsed = schema.safeParse(value);
      return parsed.success ? parsed.data : undefined;
    })
    .optional();

// ---- ids ---------------------------------------------------------------------------------------

/**
 * A provider id as a string: Shopify/WooCommerce send JSON numbers, Stripe strings. An integer
 * beyond 2^53 has already lost digits in JSON.parse (two records would merge): refused with a hint;
 * parseWebhookJson keeps such ids as digit strings, which pass.
 */
export const idSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) {
      ctx.addIssue({
        code: 'custom',
        message: Number.isInteger(value)
          ? 'integer id beyond 2^53 lost its digits; parse the body with parseWebhookJson'
          : 'not an id',
      });
      return z.NEVER;
    }
    return String(value);
  }
  const id = value.trim();
  if (id.length === 0 || id.length > 255) {
    ctx.addIssue({ code: 'custom', message: 'not an id' });
    return z.NEVER;
  }
  return id;
});

/** An optional id: null, absent, "" and 0 (WooCommerce's "none") become undefined. */
export const optionalIdSchema = z
  .union([z.string(), z.number(), z.null(), z.undefined()])
  .transform((value, ctx) => {
    if (value === null || value === undefined || value === 0 || value === '') return undefined;
    const parsed = idSchema.safeParse(value);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'not an id' });
      return z.NEVER;
    }
    return parsed.data;
  })
  .optional();

// ---- text and people ---------------------------------------------------------------------------

/**
 * Any value: a trimmed non-empty string, or undefined. Control characters (CR, LF, NUL...) become
 * spaces: names and the like end up in email headers and templates.
 */
export const text = (value: unknown, max = 1024): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const trimmed = controlsToSpace(value).trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
};

/** An optional string field whose type we do not enforce (unusable → absent, not quarantine). */
export const looseText = z
  .unknown()
  .transform((v) => text(v))
  .optional();

export const email = (value: unknown): string | undefined => {
  const candidate = text(value, 320)?.toLowerCase();
  return candidate && emailSchema.safeParse(candidate).success ? candidate : undefined;
};

/** E.164 only. A number written with spaces, dashes, dots or brackets around a leading + is kept. */
export const phone = (value: unknown): string | undefined => {
  const raw = text(value, 64);
  if (!raw?.startsWith('+')) return undefined;
  const compacted = raw.replace(/[\s().-]/g, '');
  return phoneSchema.safeParse(compacted).success ? compacted : undefined;
};

export const personName = (value: unknown): string | undefined => text(value, LIMITS.nameLength);

export const locale = (value: unknown): string | undefined => {
  const raw = text(value, 35)?.replace(/_/g, '-');
  if (!raw || raw === 'auto') return undefined;
  const parsed = localeSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
};

/** A URL we may put in an email (recovery links): http(s) only, never javascript: or data:. */
export const webUrl = (value: unknown): string | undefined => {
  const raw = text(value, 2048);
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
};

// ---- time --------------------------------------------------------------------------------------

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const NO_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/**
 * An ISO 8601 time to ISO UTC (`2023-02-13T10:18:48-05:00` → `2023-02-13T15:18:48.000Z`). A time
 * without an offset is refused unless `assumeUtc` (WooCommerce's `*_gmt` fields have none).
 */
export const isoUtc = (value: unknown, assumeUtc = false): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const raw = value.trim();
  const candidate = WITH_OFFSET.test(raw) ? raw : assumeUtc && NO_OFFSET.test(raw) ? `${raw}Z` : undefined;
  if (!candidate) return undefined;
  const time = Date.parse(candidate);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
};

export const unixSecondsToIso = (seconds: number): string => new Date(seconds * 1000).toISOString();

/** A required time (ISO 8601 with offset, or with `assumeUtc` without). */
export const timestampSchema = (assumeUtc = false) =>
  z.string().transform((value, ctx) => {
    const iso = isoUtc(value, assumeUtc);
    if (!iso) {
      ctx.addIssue({ code: 'custom', message: 'not an ISO 8601 date-time' });
      return z.NEVER;
    }
    return iso;
  });

/** An optional time: unusable → absent. */
export const optionalTimestamp = (assumeUtc = false) =>
  z
    .unknown()
    .transform((v) => isoUtc(v, assumeUtc))
    .optional();

export const unixSecondsSchema = z.number().int().nonnegative().max(253402300799);

// ---- money -------------------------------------------------------------------------------------

export const currencySchema = z.string().transform((value, ctx) => {
  try {
    return normaliseCurrency(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'not a currency' });
    return z.NEVER;
  }
});

/** A decimal amount as providers send it: "19.99" or 19.99. */
export const decimalSchema = z.union([z.string(), z.number()]);

/** Decimal to minor units, or MappingError at `path`. */
export const minor = (
  amount: string | number,
  currency: string,
  path: string,
  options?: ToMinorOptions,
): number => {
  try {
    return toMinor(amount, currency, options);
  } catch (error) {
    if (error instanceof MoneyError) throw new MappingError(error.message, path);
    throw error;
  }
};

/** Stripe integer amount to ISO minor units, or MappingError at `path`. */
export const stripeMinor = (amount: number, currency: string, path: string): number => {
  try {
    return fromStripeAmount(amount, currency);
  } catch (error) {
    if (error instanceof MoneyError) throw new MappingError(error.message, path);
    throw error;
  }
};

// ---- consent -----------------------------------------------------------------------------------

export type Consent = NonNullable<StorefrontCustomer['consent']>;
export type ChannelConsent = NonNullable<Consent['email']>;

export const channelConsent = (state: ConsentState | undefined, at?: string): ChannelConsent | undefined =>
  state ? compact({ state, at }) : undefined;

/** Consent object, or undefined when no channel has a statement. */
export const consentOf = (email?: ChannelConsent, sms?: ChannelConsent): Consent | undefined =>
  email || sms ? compact({ email, sms }) : undefined;

/** Splits "Jenny Rosen" into first and last name at the first space (Stripe sends one name). */
export const splitName = (value: unknown): { firstName?: string; lastName?: string } => {
  const full = personName(value);
  if (!full) return {};
  const at = full.search(/\s/);
  if (at < 0) return { firstName: full };
  return compact({ firstName: personName(full.slice(0, at)), lastName: personName(full.slice(at + 1)) });
};

/** A customer with only the fields that carry something. */
export const customer = (fields: StorefrontCustomer): StorefrontCustomer => compact(fields);

/**
 * Money as integers in the currency's minor unit (ISO 4217 exponent): 19.99 USD is 1999, 1000 JPY is
 * 1000, 1.234 KWD is 1234. Providers send decimal strings ("19.99"), JSON numbers (19.99) or, like
 * Stripe, integers in their own idea of the minor unit; everything is converted here, by string
 * arithmetic, so no binary floating-point error can creep into a stored amount.
 */
import { ValidationError } from './errors.ts';

/** An amount or currency code that cannot be turned into minor units. */
export class MoneyError extends ValidationError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, [], options);
  }
}

export type MinorUnitExponent = 0 | 2 | 3 | 4;

/** ISO 4217 currencies whose minor unit is not the hundredth (every other code has 2 decimals). */
const EXPONENTS: Readonly<Record<string, MinorUnitExponent>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/** Currency code as stored: three upper-case letters. Accepts any case ("usd" from Stripe). */
export const normaliseCurrency = (currency: string): string => {
  const code = currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new MoneyError(`"${currency}" is not an ISO 4217 currency code`);
  return code;
};

/** Digits after the decimal point in the currency's minor unit (ISO 4217). */
export const minorUnitExponent = (currency: string): MinorUnitExponent =>
  EXPONENTS[normaliseCurrency(currency)] ?? 2;

export type Rounding = 'exact' | 'half-up';

export interface ToMinorOptions {
  /**
   * `exact` (default) refuses an amount with more non-zero decimals than the currency has
   * ("19.999" USD); `half-up` rounds half away from zero, as PHP's round() and so WooCommerce do.
   */
  readonly rounding?: Rounding;
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** A JSON number as the decimal text it was written as (19.99 → "19.99"); exponent forms refused. */
const numberText = (amount: number): string => {
  if (!Number.isFinite(amount)) throw new MoneyError(`${amount} is not an amount`);
  const text = String(amount);
  if (/e/i.test(text)) throw new MoneyError(`${text} is too large or too small to be an amount`);
  return text;
};

/**
 * Decimal amount (string or number) to an integer in minor units: "19.99" USD → 1999, "1000" JPY →
 * 1000, "1000.00" JPY → 1000, "1.234" KWD → 1234, 19.99 → 1999, "-5.00" → -500.
 * @throws MoneyError when the amount is not a plain decimal ("1,99", "1e3", "", "abc"), has more
 *   decimals than the currency allows under `exact` rounding, or exceeds Number.MAX_SAFE_INTEGER.
 */
export const toMinor = (amount: string | number, currency: string, options: ToMinorOptions = {}): number => {
  const exponent = minorUnitExponent(currency);
  const text = typeof amount === 'number' ? numberText(amount) : amount.trim();
  const match = DECIMAL.exec(text);
  if (!match) throw new MoneyError(`"${text}" is not a decimal amount (digits, optional "." and decimals)`);
  const [, minus, whole = '0', fraction = ''] = match;
  const kept = fraction.slice(0, exponent).padEnd(exponent, '0');
  const dropped = fraction.slice(exponent);
  let units = BigInt(`${whole}${kept}`);
  if (/[1-9]/.test(dropped)) {
    if ((options.rounding ?? 'exact') === 'exact') {
      throw new MoneyError(
        `"${text}" has more decimals than ${normaliseCurrency(currency)} allows (${exponent})`,
      );
    }
    if (dropped.charCodeAt(0) >= '5'.charCodeAt(0)) units += 1n;
  }
  if (units > BigInt(Number.MAX_SAFE_INTEGER)) throw new MoneyError(`"${text}" is too large an amount`);
  const value = Number(units);
  return minus && value !== 0 ? -value : value;
};

/** Zero-decimal currencies in Stripe's API (docs.stripe.com/currencies#zero-decimal). */
const STRIPE_ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'JPY',
  'KMF',
  'KRW',
  'MGA',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);
const STRIPE_THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

const stripeExponent = (code: string): number =>
  STRIPE_ZERO_DECIMAL.has(code) ? 0 : STRIPE_THREE_DECIMAL.has(code) ? 3 : 2;

/**
 * Stripe's integer amount to ISO minor units. Stripe already sends integers in "the smallest unit",
 * but its table differs from ISO 4217 in places: ISK stays two-decimal in Stripe's API (100 = 1 kr,
 * ISO has no decimals), MGA is zero-decimal in Stripe (ISO has 2). Everything else passes unchanged.
 * @throws MoneyError for a non-integer, or an ISK amount that is not a whole króna under `exact`.
 */
export const fromStripeAmount = (amount: number, currency: string, options: ToMinorOptions = {}): number => {
  const code = normaliseCurrency(currency);
  if (!Number.isSafeInteger(amount)) throw new MoneyError(`${amount} is not an integer Stripe amount`);
  const shift = minorUnitExponent(code) - stripeExponent(code);
  if (shift === 0) return amount;
  if (shift > 0) {
    const value = amount * 10 ** shift;
    if (!Number.isSafeInteger(value)) throw new MoneyError(`${amount} ${code} is too large an amount`);
    return value;
  }
  return toMinor(minorToDecimal(amount, code, -shift), code, options);
};

/** Exact decimal text of a minor-unit amount: 1999 USD → "19.99", 1000 JPY → "1000", 5 KWD → "0.005". */
export const minorToDecimal = (
  amount: number,
  currency: string,
  exponent: number = minorUnitExponent(currency),
): string => {
  if (!Number.isSafeInteger(amount))
    throw new MoneyError(`${amount} is not an integer amount in minor units`);
  const digits = Math.abs(amount)
    .toString()
    .padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${amount < 0 ? '-' : ''}${whole}${exponent > 0 ? `.${fraction}` : ''}`;
};

const isNumericText = (text: string): text is `${number}` => DECIMAL.test(text);

/**
 * A minor-unit amount for people: formatMinor(1999, 'USD') → "$19.99", formatMinor(1000, 'JPY', 'ja-JP')
 * → "￥1,000". Formats the exact decimal text, never a float.
 */
export const formatMinor = (amount: number, currency: string, locale = 'en-US'): string => {
  const code = normaliseCurrency(currency);
  const exponent = minorUnitExponent(code);
  const text = minorToDecimal(amount, code, exponent);
  if (!isNumericText(text)) throw new MoneyError(`${amount} cannot be formatted`);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: code,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).format(text);
};

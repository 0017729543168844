import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../lib/shared/errors.ts';
import {
  formatMinor,
  fromStripeAmount,
  MoneyError,
  minorToDecimal,
  minorUnitExponent,
  normaliseCurrency,
  toMinor,
} from '../../lib/shared/money.ts';

describe('minor unit exponents (ISO 4217)', () => {
  it('knows the zero-, three- and four-decimal currencies and defaults to two', () => {
    expect(minorUnitExponent('JPY')).toBe(0);
    expect(minorUnitExponent('krw')).toBe(0);
    expect(minorUnitExponent('ISK')).toBe(0);
    expect(minorUnitExponent('KWD')).toBe(3);
    expect(minorUnitExponent('BHD')).toBe(3);
    expect(minorUnitExponent('JOD')).toBe(3);
    expect(minorUnitExponent('OMR')).toBe(3);
    expect(minorUnitExponent('TND')).toBe(3);
    expect(minorUnitExponent('CLF')).toBe(4);
    expect(minorUnitExponent('USD')).toBe(2);
    expect(minorUnitExponent('EUR')).toBe(2);
    expect(minorUnitExponent('MGA')).toBe(2);
  });

  it('refuses what is not a currency code', () => {
    expect(normaliseCurrency(' usd ')).toBe('USD');
    for (const bad of ['', 'US', 'USDT', '12A', '€'])
      expect(() => minorUnitExponent(bad), bad).toThrow(MoneyError);
  });
});

describe('toMinor', () => {
  it('turns decimal strings into integer minor units without floating-point error', () => {
    expect(toMinor('19.99', 'USD')).toBe(1999);
    expect(toMinor('0.29', 'USD')).toBe(29); // 0.29 * 100 = 28.999999999999996 in floating point
    expect(toMinor('1.005', 'KWD')).toBe(1005);
    expect(toMinor('1.234', 'BHD')).toBe(1234);
    expect(toMinor('1000', 'JPY')).toBe(1000);
    expect(toMinor('1000.00', 'JPY')).toBe(1000);
    expect(toMinor('5', 'EUR')).toBe(500);
    expect(toMinor('5.5', 'EUR')).toBe(550);
    expect(toMinor('0.00', 'USD')).toBe(0);
    expect(toMinor('-5.00', 'USD')).toBe(-500);
    expect(toMinor('-0.00', 'USD')).toBe(0);
    expect(toMinor(' 12.30 ', 'USD')).toBe(1230);
    expect(toMinor('90071992547409.91', 'USD')).toBe(9007199254740991);
  });

  it('takes JSON numbers through their decimal text', () => {
    expect(toMinor(19.99, 'USD')).toBe(1999);
    expect(toMinor(1.15, 'USD')).toBe(115); // 1.15 * 100 = 114.99999999999999
    expect(toMinor(3, 'USD')).toBe(300);
    expect(toMinor(1000, 'JPY')).toBe(1000);
  });

  it('refuses malformed amounts with a clear error', () => {
    for (const bad of [
      '',
      ' ',
      'abc',
      '1,99',
      '1.999,00',
      '1e3',
      '.5',
      '5.',
      '+5',
      '$5',
      '5 USD',
      '--5',
      '0x10',
    ]) {
      expect(() => toMinor(bad, 'USD'), bad).toThrow(/is not a decimal amount/);
    }
    expect(() => toMinor(Number.NaN, 'USD')).toThrow(MoneyError);
    expect(() => toMinor(Number.POSITIVE_INFINITY, 'USD')).toThrow(MoneyError);
    expect(() => toMinor(1e21, 'USD')).toThrow(/too large or too small/);
    expect(() => toMinor('90071992547409.92', 'USD')).toThrow(/too large/);
  });

  it('refuses more decimals than the currency has unless asked to round half up', () => {
    expect(() => toMinor('19.999', 'USD')).toThrow('"19.999" has more decimals than USD allows (2)');
    expect(() => toMinor('1.5', 'JPY')).toThrow(/JPY allows \(0\)/);
    expect(toMinor('19.990', 'USD')).toBe(1999);
    expect(toMinor('19.995', 'USD', { rounding: 'half-up' })).toBe(2000);
    expect(toMinor('19.994', 'USD', { rounding: 'half-up' })).toBe(1999);
    expect(toMinor('-19.995', 'USD', { rounding: 'half-up' })).toBe(-2000);
    expect(toMinor(0.1 + 0.2, 'USD', { rounding: 'half-up' })).toBe(30);
  });

  it('raises a ValidationError subclass (mapped to 4xx by the error middleware)', () => {
    const error = (() => {
      try {
        toMinor('x', 'USD');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(MoneyError);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error instanceof MoneyError && error.code).toBe('validation_failed');
  });
});

describe('Stripe amounts', () => {
  it('pass through where Stripe and ISO agree (including zero- and three-decimal currencies)', () => {
    expect(fromStripeAmount(1999, 'usd')).toBe(1999);
    expect(fromStripeAmount(500, 'jpy')).toBe(500);
    expect(fromStripeAmount(5120, 'kwd')).toBe(5120);
  });

  it('convert where they differ: ISK is two-decimal in Stripe, MGA zero-decimal', () => {
    expect(fromStripeAmount(50000, 'isk')).toBe(500);
    expect(() => fromStripeAmount(50050, 'isk')).toThrow(MoneyError);
    expect(fromStripeAmount(50050, 'isk', { rounding: 'half-up' })).toBe(501);
    expect(fromStripeAmount(500, 'mga')).toBe(50000);
  });

  it('refuse non-integers', () => {
    expect(() => fromStripeAmount(19.99, 'usd')).toThrow(MoneyError);
  });
});

describe('display', () => {
  it('writes the exact decimal', () => {
    expect(minorToDecimal(1999, 'USD')).toBe('19.99');
    expect(minorToDecimal(5, 'USD')).toBe('0.05');
    expect(minorToDecimal(-5, 'USD')).toBe('-0.05');
    expect(minorToDecimal(1000, 'JPY')).toBe('1000');
    expect(minorToDecimal(5, 'KWD')).toBe('0.005');
    expect(minorToDecimal(9007199254740991, 'USD')).toBe('90071992547409.91');
  });

  // ICU puts a no-break space between code and amount; compare with plain spaces.
  const spaced = (text: string) => text.replace(/\s/gu, ' ');

  it('formats for people with the currency’s own decimals', () => {
    expect(formatMinor(1999, 'USD')).toBe('$19.99');
    expect(formatMinor(1000, 'JPY', 'en-US')).toBe('¥1,000');
    expect(spaced(formatMinor(1234, 'KWD', 'en-US'))).toBe('KWD 1.234');
    expect(spaced(formatMinor(123456, 'EUR', 'de-DE'))).toBe('1.234,56 €');
    expect(formatMinor(9007199254740991, 'USD')).toBe('$90,071,992,547,409.91');
  });
});

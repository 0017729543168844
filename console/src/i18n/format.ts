/** Dates, numbers and money in the user's locale, by Intl; amounts arrive in minor units. */
import type { Locale } from './locales.ts';

export const formatNumber = (locale: Locale, value: number, options?: Intl.NumberFormatOptions): string =>
  new Intl.NumberFormat(locale, options).format(value);

export const formatPercent = (locale: Locale, ratio: number): string =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);

/** `amountMinor` in the currency's minor units (cents): 1999 USD is $19.99, 500 JPY is ¥500. */
export const formatMoney = (locale: Locale, amountMinor: number, currency: string): string => {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
};

export const formatDate = (locale: Locale, iso: string | number | Date): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));

export const formatDateTime = (locale: Locale, iso: string | number | Date, timeZone?: string): string =>
  new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));

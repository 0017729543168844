/**
 * The language of the console: picked from the stored choice or navigator.languages, switchable,
 * kept in localStorage, reflected in `<html lang>`. `useI18n()` gives the translator and the Intl
 * formatters bound to the current locale.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { loadMessages } from './catalogues.ts';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPercent } from './format.ts';
import { type Locale, pickLocale } from './locales.ts';
import { en, type MessageKey, type Messages } from './messages/en.ts';
import { interpolate, type Params } from './translate.ts';

const LOCALE_KEY = 'ecrm.locale';

const stored = (): string | null => {
  try {
    return localStorage.getItem(LOCALE_KEY);
  } catch {
    return null;
  }
};

export const initialLocale = (): Locale => pickLocale(stored(), navigator.languages ?? [navigator.language]);

export interface I18n {
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
  readonly t: (key: MessageKey, params?: Params) => string;
  readonly number: (value: number, options?: Intl.NumberFormatOptions) => string;
  readonly percent: (ratio: number) => string;
  readonly money: (amountMinor: number, currency: string) => string;
  readonly date: (iso: string | number | Date) => string;
  readonly dateTime: (iso: string | number | Date, timeZone?: string) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider(props: {
  readonly locale: Locale;
  readonly messages: Messages;
  readonly children: ReactNode;
}) {
  const [state, setState] = useState({ locale: props.locale, messages: props.messages });

  useEffect(() => {
    document.documentElement.lang = state.locale;
  }, [state.locale]);

  const setLocale = useCallback((locale: Locale) => {
    try {
      localStorage.setItem(LOCALE_KEY, locale);
    } catch {
      // private mode: the choice lasts the page
    }
    void loadMessages[locale]().then((messages) => setState({ locale, messages }));
  }, []);

  const value = useMemo<I18n>(() => {
    const { locale, messages } = state;
    return {
      locale,
      setLocale,
      t: (key, params) => interpolate(messages[key] ?? en[key], params),
      number: (value, options) => formatNumber(locale, value, options),
      percent: (ratio) => formatPercent(locale, ratio),
      money: (amount, currency) => formatMoney(locale, amount, currency),
      date: (iso) => formatDate(locale, iso),
      dateTime: (iso, timeZone) => formatDateTime(locale, iso, timeZone),
    };
  }, [state, setLocale]);

  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
};

/** Switches the console's language; each option is written in its own language. */
import { useId } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { isLocale, LOCALE_NAMES, LOCALES } from '../i18n/locales.ts';

export function LanguageSwitcher() {
  const { t, locale, setLocale } = useI18n();
  const id = useId();
  return (
    <div className="inline-field">
      <label htmlFor={id}>{t('shell.language')}</label>
      <select
        id={id}
        value={locale}
        onChange={(e) => {
          if (isLocale(e.target.value)) setLocale(e.target.value);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}

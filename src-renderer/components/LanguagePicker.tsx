// The header's language picker (issue 17): English, Deutsch, 日本語, each in its own language. The
// choice is remembered; the wizard re-renders in place and the picker keeps the keyboard focus.
import { createContext, useContext, useEffect, useId, useRef } from 'react';
import { LANGUAGE_NAMES } from '../../src-main/shared/i18n/index.js';
import { chooseLocale, locale, LOCALES, t, type Locale } from '../messages/index.js';

/** Set by the root: re-renders the wizard after a language change. */
export const LocaleChangeContext = createContext<(next: Locale) => void>(() => undefined);

let focusAfterSwitch = false;

export function LanguagePicker() {
  const onChange = useContext(LocaleChangeContext);
  const id = useId();
  const ref = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (!focusAfterSwitch) return;
    focusAfterSwitch = false;
    // After the screen has focused its heading (children's effects run first), give the focus back.
    const timer = setTimeout(() => ref.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, []);
  return (
    <span className="language-picker">
      <label htmlFor={id}>{t('app.language')}</label>
      <select
        id={id}
        ref={ref}
        data-testid="language-picker"
        value={locale === 'en-XA' ? 'en' : locale}
        onChange={(event) => {
          const next = event.target.value as Locale;
          chooseLocale(next);
          focusAfterSwitch = true;
          onChange(next);
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </span>
  );
}

// The default i18next instance (initialised by lib/i18n.ts): numbers follow the language switch like the words do.
import i18n from 'i18next';
import { useTranslation } from 'react-i18next';

/**
 * The one place the web turns numbers into text in the reader's language (issue 18): Vietnamese writes 1.234,5
 * (vi-VN), English 1,234.5 (en-GB, which also writes days as dd/mm/yyyy, so a date reads the same in both and only
 * its words change). Read at render time, so a screen re-rendered by the language switch follows it.
 */
export const numberLocale = (): 'vi-VN' | 'en-GB' => (i18n.language === 'en' ? 'en-GB' : 'vi-VN');

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${numberLocale()}:${maximumFractionDigits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(numberLocale(), { maximumFractionDigits });
    formats.set(key, f);
  }
  return f;
}

/** A count or a figure: "1.234" / "1,234"; `digits` fraction digits at most (default 1, as the dashboard rounds). */
export const formatNumber = (n: number, digits = 1): string => numberFormat(digits).format(n);

/** A rate in percent ("83,3%" / "83.3%"); `none` (the catalogue's "not applicable") when there is none. */
export const formatPercent = (r: number | null, none = '—'): string =>
  r === null ? none : `${formatNumber(r)}%`;

/**
 * An amount of đồng: "1.234.567 ₫" / "1,234,567 ₫" (whole đồng; a no-break space keeps the sign with the number on a
 * narrow phone screen, as packages/domain/src/budget/money.ts formatVnd writes it in documents).
 */
export const formatMoney = (n: number): string => `${formatNumber(n, 0)}\u00a0₫`;

/**
 * formatNumber for a component: reading the language through useTranslation re-renders the component when the
 * switch changes it. `n(1234.5)` → "1.234,5" / "1,234.5".
 */
export function useNumberFormat(): typeof formatNumber {
  useTranslation();
  return formatNumber;
}

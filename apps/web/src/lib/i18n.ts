import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../locales/common.en';
import { vi } from '../locales/common.vi';

export const LANG_KEY = 'dx.lang';
export const LANGUAGES = ['vi', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANG_KEY);

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: stored === 'en' ? 'en' : 'vi',
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  localStorage.setItem(LANG_KEY, lng);
});

export { i18n };

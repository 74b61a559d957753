import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../locales/common.en';
import { vi } from '../locales/common.vi';
import { messagesText } from '../locales/messages';

export const LANG_KEY = 'dx.lang';
export const LANGUAGES = ['vi', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANG_KEY);

void i18n.use(initReactI18next).init({
  // `messages`: the sentences the server sends by code (lib/api.ts wordsOf).
  resources: {
    vi: { translation: vi, messages: messagesText.vi },
    en: { translation: en, messages: messagesText.en },
  },
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

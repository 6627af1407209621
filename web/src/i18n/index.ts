import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
const KEY = 'certpact.locale';

/** A chosen language wins; then the browser's (any Chinese → zh-CN). */
export function initialLanguage(): Language {
  const saved = localStorage.getItem(KEY);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  const browser = navigator.languages?.[0] ?? navigator.language ?? 'en';
  return browser.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function toLanguage(value: string | null | undefined): Language | null {
  if (!value) return null;
  if (value.toLowerCase().startsWith('zh')) return 'zh-CN';
  if (value.toLowerCase().startsWith('en')) return 'en';
  return null;
}

export function chooseLanguage(language: Language): void {
  localStorage.setItem(KEY, language);
  void i18n.changeLanguage(language);
}

/** The user's own locale applies only until they pick a language on this device. */
export function followUserLocale(locale: string | null | undefined): void {
  const language = toLanguage(locale);
  if (language && !localStorage.getItem(KEY)) void i18n.changeLanguage(language);
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});
document.documentElement.lang = i18n.language;

export default i18n;

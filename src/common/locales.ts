/** The languages certpact speaks, to users and in every mail, PDF and web page. */
export const LOCALES = ['en', 'zh-CN'] as const;

export type Locale = (typeof LOCALES)[number];

import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';

/**
 * Calendar dates (YYYY-MM-DD) are shown as they are: they have no time of day.
 * Timestamps are shown in the organization's timezone, in the page's language.
 */
export function useFormatTimestamp(): (iso: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const { timezone } = useSession();
  return (iso) => {
    if (!iso) return '—';
    return new Intl.DateTimeFormat(i18n.language, {
      timeZone: timezone,
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(iso));
  };
}

export function splitList(value: string): string[] {
  return value
    .split(/[,，、]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, saveBlob, unwrap } from '../api/http';

type ExportablePath = '/api/v1/factories' | '/api/v1/certificates';

/**
 * Export buttons for a list: the list route itself answers CSV or XLSX (`?format=`),
 * with the page's filters, every page of it.
 */
export function ExportButtons({ path, query, name }: { path: ExportablePath; query: Record<string, string>; name: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const download = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    try {
      const blob = await unwrap<Blob>(
        api.GET(path, { params: { query: { ...query, format } as never }, parseAs: 'blob' }),
      );
      saveBlob(blob, `${name}.${format}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Group gap="xs">
      <Button variant="default" loading={busy === 'csv'} onClick={() => void download('csv')}>{t('exports.csv')}</Button>
      <Button variant="default" loading={busy === 'xlsx'} onClick={() => void download('xlsx')}>{t('exports.xlsx')}</Button>
    </Group>
  );
}

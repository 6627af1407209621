import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Total({ total }: { total: number }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed" mb="xs">
      {t('common.total', { count: total })}
    </Text>
  );
}

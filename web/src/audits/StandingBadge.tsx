import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../shell/ui';
import type { Standing } from './api';

/** A factory's standing (approved, conditional, not approved) with its score and its one-sentence reason, in the page's language. */
export function StandingSummary({ standing }: { standing: Standing }) {
  const { t, i18n } = useTranslation();
  const explanation = i18n.language === 'zh-CN' ? standing.explanation['zh-CN'] : standing.explanation.en;
  return (
    <div>
      <Group gap="xs">
        <StatusBadge group="standing" status={standing.status} />
        <Text size="sm">{t('audit.standingScore', { score: standing.score })}</Text>
      </Group>
      <Text size="sm" mt={4}>{explanation}</Text>
    </div>
  );
}

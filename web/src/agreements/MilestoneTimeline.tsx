import { Button, Group, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Agreement, Milestone } from '../api/models';
import { ErrorAlert, Empty, Tag } from '../shell/ui';
import { useUpdateMilestone } from './api';

/** A milestone's name in the page's language when it comes from a plan template. */
export function useMilestoneName(): (m: Milestone) => string {
  const { t, i18n } = useTranslation();
  return (m) => {
    const key = `kinds.milestone.${m.templateKey ?? ''}`;
    return m.templateKey && i18n.exists(key) ? t(key) : m.name;
  };
}

function state(m: Milestone, atRisk: boolean): 'done' | 'skipped' | 'overdue' | 'atRisk' | 'pending' {
  if (m.status !== 'pending') return m.status;
  if (m.overdue) return 'overdue';
  return atRisk ? 'atRisk' : 'pending';
}

const COLORS = { done: 'green', skipped: 'gray', overdue: 'red', atRisk: 'orange', pending: 'blue' } as const;

export function MilestoneTimeline({ agreement, canComplete }: { agreement: Agreement; canComplete(m: Milestone): boolean }) {
  const { t } = useTranslation();
  const name = useMilestoneName();
  const update = useUpdateMilestone(agreement.id);
  const milestones = agreement.milestones ?? [];
  if (milestones.length === 0) return <Empty>{t('agreement.noMilestones')}</Empty>;
  const active = milestones.filter((m) => m.status !== 'pending').length - 1;
  return (
    <>
      <ErrorAlert error={update.error} />
      <Timeline active={active} bulletSize={18} lineWidth={2} mt="sm">
        {milestones.map((m) => {
          const s = state(m, agreement.atRisk && agreement.nextMilestone?.id === m.id);
          return (
            <Timeline.Item key={m.id} color={COLORS[s]} title={<Text fw={600} style={{ overflowWrap: 'anywhere' }}>{name(m)}</Text>}>
              <Group gap="xs" wrap="wrap">
                <Tag color={COLORS[s]}>{t(`status.milestone.${s}`)}</Tag>
                <Text size="sm">
                  {m.completedOn ? t('agreement.doneOn', { date: m.completedOn }) : t('agreement.dueOn', { date: m.dueOn })}
                </Text>
                <Text size="sm" c="dimmed">{t('agreement.owner')}{t('common.colon')}{t(`kinds.owner.${m.owner}`)}</Text>
                {m.status === 'pending' && canComplete(m) && (
                  <Button
                    size="xs"
                    variant="outline"
                    loading={update.isPending && update.variables?.id === m.id}
                    onClick={() => update.mutate({ id: m.id, body: { status: 'done' } })}
                    aria-label={`${t('agreement.markDone')}: ${name(m)}`}
                  >
                    {t('agreement.markDone')}
                  </Button>
                )}
              </Group>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </>
  );
}

import { Alert, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Agreement, Milestone } from '../api/models';
import { useSession } from '../auth/session';
import { useFactory } from '../factories/api';
import { ErrorAlert, PageTitle, QueryView, StatusBadge } from '../shell/ui';
import { useAgreement, useUpdateAgreement } from './api';
import { MilestoneTimeline, useMilestoneName } from './MilestoneTimeline';

/** Only the moves the API allows from here (allowedNextStatuses), nothing else offered. */
function StatusMoves({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const update = useUpdateAgreement(agreement.id);
  if (agreement.allowedNextStatuses.length === 0) return null;
  return (
    <Stack gap="xs">
      <ErrorAlert error={update.error} />
      <Group gap="xs">
        <Text size="sm">{t('agreement.moveTo')}{t('common.colon').trim()}</Text>
        {agreement.allowedNextStatuses.map((status) => (
          <Button key={status} size="xs" variant={status === 'terminated' ? 'outline' : 'default'} color={status === 'terminated' ? 'red' : undefined}
            loading={update.isPending && update.variables?.status === status}
            onClick={() => update.mutate({ status })}
          >
            {t(`status.agreement.${status}`)}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}

/** Why the agreement is at risk, in the reader's language (the API's message is English). */
function riskText(agreement: Agreement, t: TFunction, name: (m: Milestone) => string): string | null {
  const reason = agreement.atRiskReason;
  if (!reason) return null;
  if (reason.code === 'PLAN_CANNOT_FIT' && reason.projectedFinishOn && reason.daysLate !== undefined) {
    return t('agreement.riskCannotFit', { date: reason.projectedFinishOn, days: reason.daysLate });
  }
  const milestone = agreement.milestones?.find((m) => m.id === reason.milestoneId);
  if (reason.code === 'MILESTONE_OVERDUE' && milestone && milestone.daysLeft !== null) {
    const text = t('agreement.riskOverdue', { name: name(milestone), dueOn: milestone.dueOn, days: -milestone.daysLeft });
    const more = (reason.overdueCount ?? 1) - 1;
    return more > 0 ? t('agreement.riskOverdueMore', { text, count: more }) : text;
  }
  return reason.message;
}

export function AgreementPage() {
  const { id } = useParams();
  const agreement = useAgreement(id);
  return <QueryView query={agreement}>{(a) => <AgreementView agreement={a} />}</QueryView>;
}

function AgreementView({ agreement: a }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const { isStaff } = useSession();
  const factory = useFactory(a.factoryId);
  const milestoneName = useMilestoneName();
  const total = a.progress.total || 1;
  return (
    <>
      <PageTitle>{a.title}</PageTitle>
      <Group gap="xs" mb="md" wrap="wrap">
        <StatusBadge group="agreement" status={a.status} />
        <Text size="sm">{t(`kinds.agreement.${a.kind}`)}</Text>
        {factory.data && <Text size="sm">· {factory.data.name}</Text>}
        <Text size="sm">· {a.standards.join(', ')}</Text>
        <Text size="sm">· {a.startsOn} → {a.targetOn}</Text>
      </Group>
      {a.atRisk && (
        <Alert color="orange" title={t('agreement.atRisk')} mb="md">
          {riskText(a, t, milestoneName)}
        </Alert>
      )}
      {isStaff && (
        <Card withBorder mb="md">
          <StatusMoves agreement={a} />
        </Card>
      )}
      <Title order={2} size="h3">{t('agreement.timeline')}</Title>
      <Text size="sm" mt="xs">{t('agreement.progress', { done: a.progress.done, total: a.progress.total })}</Text>
      <Progress value={(a.progress.done / total) * 100} mt={4} mb="md" aria-label={t('agreement.progress', { done: a.progress.done, total: a.progress.total })} />
      <MilestoneTimeline agreement={a} canComplete={(m) => isStaff || m.owner === 'factory'} />
    </>
  );
}

import { Alert, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Agreement } from '../api/models';
import { useSession } from '../auth/session';
import { useFactory } from '../factories/api';
import { ErrorAlert, PageTitle, QueryView, StatusBadge } from '../shell/ui';
import { useAgreement, useUpdateAgreement } from './api';
import { MilestoneTimeline } from './MilestoneTimeline';

/** Only the moves the API allows from here (allowedNextStatuses), nothing else offered. */
function StatusMoves({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const update = useUpdateAgreement(agreement.id);
  if (agreement.allowedNextStatuses.length === 0) return null;
  return (
    <Stack gap="xs">
      <ErrorAlert error={update.error} />
      <Group gap="xs">
        <Text size="sm">{t('agreement.moveTo')}:</Text>
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

function riskText(agreement: Agreement): string | null {
  const reason = agreement.atRiskReason;
  if (!reason) return null;
  return typeof reason === 'string' ? reason : (reason.message ?? null);
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
          {riskText(a)}
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

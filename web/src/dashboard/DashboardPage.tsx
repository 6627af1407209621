import { Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAgreements } from '../agreements/api';
import { useCertificates } from '../certificates/api';
import { useGaps } from '../gaps/api';
import { useReminderPolicy } from '../settings/api';
import { PageTitle } from '../shell/ui';
import { useSubmissions } from '../submissions/api';

/** The policy's horizon: its earliest reminder before expiry. */
export function horizonDays(thresholds: number[] | undefined): number {
  return thresholds && thresholds.length > 0 ? Math.max(...thresholds) : 90;
}


function Count({ label, value, to }: { label: string; value: number | undefined; to: string }) {
  return (
    <Card withBorder component={Link} to={to} padding="md" style={{ textDecoration: 'none' }}>
      <Text size="xl" fw={700} data-testid="count">
        {value ?? '…'}
      </Text>
      <Text size="sm">{label}</Text>
    </Card>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const policy = useReminderPolicy();
  const horizon = horizonDays(policy.data?.thresholdsDays);
  const expiring = useCertificates({ status: 'active', expiringWithinDays: horizon, pageSize: 1 }, policy.isSuccess);
  const expired = useCertificates({ status: 'expired', pageSize: 1 });
  const surveillanceDue = useCertificates(
    { status: 'active', surveillanceWithinDays: horizon, pageSize: 1 },
    policy.isSuccess,
  );
  const verificationDue = useCertificates({ status: 'active', verificationDue: true, pageSize: 1 });
  const atRisk = useAgreements({ atRisk: true, pageSize: 1 });
  const gaps = useGaps({ pageSize: 1 });
  const waiting = useSubmissions({ status: 'pending_review', pageSize: 1 });

  return (
    <>
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Count
          label={t('dashboard.expiring', { days: horizon })}
          value={expiring.data?.total}
          to={`/certificates?status=active&expiringWithinDays=${horizon}`}
        />
        <Count label={t('dashboard.expired')} value={expired.data?.total} to="/certificates?status=expired" />
        <Count
          label={t('dashboard.surveillanceDue')}
          value={surveillanceDue.data?.total}
          to={`/certificates?status=active&surveillanceWithinDays=${horizon}`}
        />
        <Count label={t('dashboard.agreementsAtRisk')} value={atRisk.data?.total} to="/agreements?atRisk=true" />
        <Count label={t('dashboard.openGaps')} value={gaps.data?.total} to="/gaps" />
        <Count
          label={t('dashboard.submissionsWaiting')}
          value={waiting.data?.total}
          to="/submissions?status=pending_review"
        />
        <Count
          label={t('dashboard.verificationDue')}
          value={verificationDue.data?.total}
          to="/certificates?status=active&verificationDue=true"
        />
      </SimpleGrid>
    </>
  );
}

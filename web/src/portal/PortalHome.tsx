import { Anchor, Box, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CalendarFeedCard } from '../settings/CalendarFeedCard';
import { Link } from 'react-router';
import type { Certificate } from '../api/models';
import { useAgreements } from '../agreements/api';
import { useMilestoneName } from '../agreements/MilestoneTimeline';
import { useSession } from '../auth/session';
import { useCertificates } from '../certificates/api';
import { FindingRow } from '../audits/AuditPage';
import { useFindings } from '../audits/api';
import { useFactory } from '../factories/api';
import { Empty, PageTitle, QueryView, StatusBadge, Tag } from '../shell/ui';

/** What is due on one certificate, in the manager's words. */
function Due({ certificate: c }: { certificate: Certificate }) {
  const { t } = useTranslation();
  const items: string[] = [];
  if (c.daysUntilExpiry < 0) items.push(t('certificate.dueExpired', { count: -c.daysUntilExpiry }));
  else if (c.daysUntilExpiry <= 90) items.push(t('certificate.dueExpiry', { count: c.daysUntilExpiry }));
  if (c.nextSurveillanceAuditOn) items.push(t('certificate.dueSurveillance', { date: c.nextSurveillanceAuditOn }));
  if (items.length === 0) return <Text size="sm" c="dimmed">{t('certificate.nothingDue')}</Text>;
  return (
    <Stack gap={2}>
      {items.map((item) => (
        <Text key={item} size="sm" c={c.daysUntilExpiry <= 30 ? 'red.8' : undefined}>{item}</Text>
      ))}
    </Stack>
  );
}

/** A factory manager's start page, made for a phone: their certificates, what is due, their milestones. */
export function PortalHome() {
  const { t } = useTranslation();
  const { user } = useSession();
  const factory = useFactory(user?.factoryId);
  const certificates = useCertificates({ pageSize: 100 });
  const agreements = useAgreements({ pageSize: 50 });
  const milestoneName = useMilestoneName();
  const findings = useFindings({});
  return (
    <>
      <PageTitle>{factory.data?.name ?? t('portal.title')}</PageTitle>
      <Text mb="md">{t('portal.hello', { name: user?.name ?? '' })}</Text>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h3">{t('portal.certificates')}</Title>
        <Button component={Link} to="/submissions/new" variant="outline" size="sm">{t('portal.proposeNew')}</Button>
      </Group>
      <QueryView query={certificates}>
        {(page) => {
          const current = page.items.filter((c) => c.status !== 'superseded');
          if (current.length === 0) return <Empty />;
          return (
            <Stack gap="sm">
              {current.map((c) => (
                <Card withBorder key={c.id} padding="sm">
                  <Group justify="space-between" wrap="nowrap" align="start">
                    <div style={{ minWidth: 0 }}>
                      <Anchor component={Link} to={`/certificates/${c.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {c.standard}
                      </Anchor>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{c.certificateNumber}</Text>
                      <Text size="sm">{t('certificate.expiresOn')}{t('common.colon')}{c.expiresOn}</Text>
                    </div>
                    <StatusBadge group="certificate" status={c.status} />
                  </Group>
                  <Text size="xs" c="dimmed" mt="xs">{t('certificate.whatIsDue')}</Text>
                  <Due certificate={c} />
                  <Group gap="xs" mt="sm" wrap="wrap">
                    <Button component={Link} to={`/submissions/new?certificateId=${c.id}`} size="xs">{t('certificate.proposeRenewal')}</Button>
                    <Button component={Link} to={`/submissions/new?certificateId=${c.id}&kind=surveillance_audit`} size="xs" variant="default">{t('certificate.reportChange')}</Button>
                  </Group>
                </Card>
              ))}
            </Stack>
          );
        }}
      </QueryView>
      <QueryView query={findings}>
        {(page) => {
          const unanswered = page.items.filter((f) => f.status !== 'verified_closed');
          if (unanswered.length === 0) return null;
          return (
            <>
              <Title order={2} size="h3" mt="lg" mb="xs">{t('portal.findings')}</Title>
              <Stack gap="sm">
                {unanswered.map((f) => (
                  <FindingRow key={f.id} finding={f} />
                ))}
              </Stack>
            </>
          );
        }}
      </QueryView>
      <Title order={2} size="h3" mt="lg" mb="xs">{t('portal.milestones')}</Title>
      <QueryView query={agreements}>
        {(page) => {
          const next = page.items.filter((a) => a.nextMilestone);
          if (next.length === 0) return <Empty>{t('portal.noMilestones')}</Empty>;
          return (
            <Stack gap="sm">
              {next.map((a) => (
                <Card withBorder key={a.id} padding="sm">
                  <Anchor component={Link} to={`/agreements/${a.id}`} fw={600}>{a.title}</Anchor>
                  <Text size="sm">{milestoneName(a.nextMilestone!)} · {t('agreement.dueOn', { date: a.nextMilestone!.dueOn })}</Text>
                  {a.atRisk && <Tag color="orange">{t('agreement.atRisk')}</Tag>}
                </Card>
              ))}
            </Stack>
          );
        }}
      </QueryView>
      <Box mt="lg">
        <CalendarFeedCard />
      </Box>
    </>
  );
}

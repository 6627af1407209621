import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../api/errors';
import { ErrorAlert, Loading, StatusBadge, Tag } from '../shell/ui';
import { useSharedEvidence, type SharedEvidence } from './api';

/** The buyer's read-only page behind a share link: no login, the link is the credential. */
export function SharedEvidencePage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const evidence = useSharedEvidence(token);
  if (evidence.isPending) return <Loading />;
  if (evidence.error) {
    const gone = evidence.error instanceof ApiError && (evidence.error.status === 410 || evidence.error.status === 404);
    return gone ? (
      <Alert color="gray" role="alert" data-testid="shared-gone">{t('shared.gone')}</Alert>
    ) : (
      <ErrorAlert error={evidence.error} />
    );
  }
  return <Evidence evidence={evidence.data} />;
}

function Evidence({ evidence }: { evidence: SharedEvidence }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <div>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>{t('shared.title', { buyer: evidence.buyer })}</Title>
        <Text>{t('shared.from', { trader: evidence.trader })}</Text>
        <Text size="sm" c="dimmed">
          {t('shared.checkedOn', { date: evidence.checkedOn })} · {t('shared.validUntil', { date: evidence.expiresAt.slice(0, 10) })}
        </Text>
        <Anchor href={evidence.pdfUrl} target="_blank" rel="noopener">{t('shared.downloadPdf')}</Anchor>
      </div>
      {evidence.requirements.map((r) => (
        <Card withBorder key={`${r.standard}:${r.productCategory}`}>
          <Group justify="space-between" wrap="wrap" mb="xs">
            <Title order={2} size="h4">{t('shared.requirement', { standard: r.standard, category: r.productCategory })}</Title>
            <Tag color={r.covered ? 'green' : 'orange'}>{r.covered ? t('shared.covered') : t('shared.notCovered')}</Tag>
          </Group>
          {r.certificate && (
            <Stack gap={2}>
              <Text size="sm">
                {t('shared.holder')}{t('common.colon')}{r.certificate.holderName}
                {r.certificate.holderNameEn && r.certificate.holderNameEn !== r.certificate.holderName ? ` (${r.certificate.holderNameEn})` : ''}
              </Text>
              <Text size="sm">{t('shared.number')}{t('common.colon')}{r.certificate.certificateNumber}</Text>
              <Text size="sm">{t('shared.body')}{t('common.colon')}{r.certificate.certificationBody}</Text>
              {r.certificate.accreditationBody && <Text size="sm">{t('shared.accreditation')}{t('common.colon')}{r.certificate.accreditationBody}</Text>}
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{t('shared.scope')}{t('common.colon')}{r.certificate.scope}</Text>
              <Text size="sm">{t('shared.validity', { from: r.certificate.issuedOn, to: r.certificate.expiresOn })}</Text>
              <Group gap="xs" mt={4}>
                <StatusBadge group="certificate" status={r.certificate.status} />
                <StatusBadge group="verification" status={r.certificate.verification.state} />
                <Text size="xs" c="dimmed">
                  {r.certificate.verification.lastCheckedOn
                    ? t('shared.lastCheck', { date: r.certificate.verification.lastCheckedOn })
                    : t('shared.neverChecked')}
                </Text>
              </Group>
            </Stack>
          )}
          {r.notes.map((note) => (
            <Text size="sm" key={note} mt="xs">{note}</Text>
          ))}
        </Card>
      ))}
      {evidence.makers.length > 0 && (
        <section>
          <Title order={2} size="h3" mb="xs">{t('shared.makers')}</Title>
          <Stack gap="sm">
            {evidence.makers.map((m) => (
              <Card withBorder key={m.name} padding="sm">
                <Text fw={600}>{m.nameEn && m.nameEn !== m.name ? `${m.nameEn} (${m.name})` : m.name}</Text>
                <Text size="sm">{[m.city, m.country].filter(Boolean).join(', ')} · {m.productCategories.join(', ')}</Text>
                {m.standing && (
                  <Group gap="xs" mt={4}>
                    <StatusBadge group="standing" status={m.standing.status} />
                    <Text size="sm">{m.standing.explanation}</Text>
                  </Group>
                )}
                {m.latestAudit && (
                  <Text size="sm" mt={4}>
                    {t('shared.latestAudit', { date: m.latestAudit.auditedOn, auditor: m.latestAudit.auditorOrganization ?? m.latestAudit.auditor })}
                    {m.latestAudit.overallScore !== null && (
                      <Badge ml="xs" variant="light" color="gray">{t('audit.score', { score: m.latestAudit.overallScore })}</Badge>
                    )}
                  </Text>
                )}
              </Card>
            ))}
          </Stack>
        </section>
      )}
    </Stack>
  );
}

import { Alert, Anchor, Button, Card, Grid, Group, List, Progress, Stack, Tabs, Text, Title } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { saveBlob } from '../api/http';
import type { Certificate } from '../api/models';
import { useSession } from '../auth/session';
import { useFactory } from '../factories/api';
import { useFormatTimestamp } from '../shell/format';
import { DataTable } from '../shell/Table';
import { Empty, ErrorAlert, PageTitle, QueryView, StatusBadge } from '../shell/ui';
import {
  downloadDocument,
  useAuditHistory,
  useCertificate,
  useCertificateDocuments,
  useCertificationAudits,
  useUploadCertificateDocument,
  useVerifications,
} from './api';

export const UPLOAD_ACCEPT = 'application/pdf,image/*';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text style={{ overflowWrap: 'anywhere' }}>{children}</Text>
    </div>
  );
}

function Documents({ certificate, canUpload }: { certificate: Certificate; canUpload: boolean }) {
  const { t } = useTranslation();
  const documents = useCertificateDocuments(certificate.id);
  const upload = useUploadCertificateDocument(certificate.id);
  const [progress, setProgress] = useState<number | null>(null);
  const when = useFormatTimestamp();
  return (
    <Stack>
      <QueryView query={documents}>
        {(items) =>
          items.length === 0 ? (
            <Empty>{t('certificate.noDocuments')}</Empty>
          ) : (
            <List>
              {items.map((d) => (
                <List.Item key={d.id}>
                  <Anchor component="button" type="button" onClick={() => void downloadDocument(d.id).then((b) => saveBlob(b, d.fileName))}>
                    {d.fileName}
                  </Anchor>{' '}
                  <Text span size="sm" c="dimmed">v{d.version} · {when(d.createdAt)}</Text>
                </List.Item>
              ))}
            </List>
          )
        }
      </QueryView>
      {canUpload && (
        <>
          <ErrorAlert error={upload.error} />
          <Dropzone
            onDrop={(files) => {
              setProgress(0);
              upload.mutate({ file: files[0], onProgress: setProgress }, { onSettled: () => setProgress(null) });
            }}
            multiple={false}
            accept={['application/pdf', 'image/jpeg', 'image/png']}
            aria-label={t('certificate.upload')}
            inputProps={{ 'aria-label': t('certificate.upload') }}
          >
            <Text ta="center">{t('certificate.upload')}</Text>
          </Dropzone>
          {progress !== null && <Progress value={progress} aria-label={t('submission.uploading', { percent: progress })} />}
        </>
      )}
    </Stack>
  );
}

function Verifications({ certificate }: { certificate: Certificate }) {
  const { t } = useTranslation();
  const verifications = useVerifications(certificate.id);
  const audits = useCertificationAudits(certificate.id);
  return (
    <Stack>
      {certificate.verification && (
        <Group>
          <Text>{t('certificate.verification')}:</Text>
          <StatusBadge group="verification" status={certificate.verification.state} />
        </Group>
      )}
      <QueryView query={verifications}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('certificate.noVerifications')}</Empty>
          ) : (
            <DataTable
              rows={page.items}
              rowKey={(v) => v.id}
              columns={[
                { label: t('certificate.checkedOn'), render: (v) => v.checkedOn },
                { label: t('certificate.method'), render: (v) => v.method },
                { label: t('certificate.result'), render: (v) => v.result },
              ]}
            />
          )
        }
      </QueryView>
      <Title order={3} size="h4">{t('certificate.certificationAudits')}</Title>
      <QueryView query={audits}>
        {(page) => (
          <List>
            {page.items.map((a) => (
              <List.Item key={a.id}>{a.auditedOn} · {a.kind}</List.Item>
            ))}
          </List>
        )}
      </QueryView>
    </Stack>
  );
}

function History({ certificateId }: { certificateId: string }) {
  const { t } = useTranslation();
  const events = useAuditHistory(certificateId);
  const when = useFormatTimestamp();
  return (
    <QueryView query={events}>
      {(page) =>
        page.items.length === 0 ? (
          <Empty>{t('certificate.noHistory')}</Empty>
        ) : (
          <DataTable
            rows={page.items}
            rowKey={(e) => e.id}
            columns={[
              { label: t('certificate.when'), render: (e) => when(e.createdAt) },
              { label: t('certificate.action'), render: (e) => e.action },
            ]}
          />
        )
      }
    </QueryView>
  );
}

/** /certificates/:id (and /certificates/:id/verifications, the verification tab open). */
export function CertificatePage({ tab = 'documents' }: { tab?: string }) {
  const { id = '' } = useParams();
  const certificate = useCertificate(id);
  return <QueryView query={certificate}>{(c) => <CertificateView certificate={c} initialTab={tab} />}</QueryView>;
}

function CertificateView({ certificate: c, initialTab }: { certificate: Certificate; initialTab: string }) {
  const { t } = useTranslation();
  const { isStaff } = useSession();
  const navigate = useNavigate();
  const factory = useFactory(c.factoryId);
  const open = c.status !== 'superseded';

  return (
    <>
      <PageTitle
        actions={
          <Group gap="xs">
            {isStaff && open && <Button variant="default" component={Link} to={`/certificates/${c.id}/edit`}>{t('common.edit')}</Button>}
            {isStaff && open && <Button component={Link} to={`/certificates/${c.id}/renew`}>{t('certificate.renew')}</Button>}
            {!isStaff && open && (
              <Button component={Link} to={`/submissions/new?certificateId=${c.id}`}>{t('certificate.proposeRenewal')}</Button>
            )}
          </Group>
        }
      >
        {t('certificate.heading', { standard: c.standard, number: c.certificateNumber })}
      </PageTitle>
      {c.supersededById && (
        <Alert color="gray" mb="md">
          {t('certificate.superseded')}{' '}
          <Anchor component={Link} to={`/certificates/${c.supersededById}`}>{t('certificate.openNew')}</Anchor>
        </Alert>
      )}
      <Card withBorder mb="md">
        <Grid>
          <Grid.Col span={{ base: 6, sm: 3 }}><Field label={t('certificate.status')}><StatusBadge group="certificate" status={c.status} /></Field></Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}><Field label={t('certificate.holder')}>{c.factoryId ? (factory.data?.name ?? '…') : t('certificate.ownHolder')}</Field></Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}><Field label={t('certificate.issuedOn')}>{c.issuedOn}</Field></Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}><Field label={t('certificate.expiresOn')}>{c.expiresOn} ({t('common.daysLeft', { count: c.daysUntilExpiry })})</Field></Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}><Field label={t('certificate.nextSurveillance')}>{c.nextSurveillanceAuditOn ?? t('common.none')}</Field></Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}><Field label={t('certificate.certificationBody')}>{c.certificationBody}</Field></Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}><Field label={t('certificate.accreditationBody')}>{c.accreditationBody ?? t('common.none')}</Field></Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}><Field label={t('certificate.productCategories')}>{c.productCategories.join(', ') || t('common.none')}</Field></Grid.Col>
          <Grid.Col span={12}><Field label={t('certificate.scope')}>{c.scope}</Field></Grid.Col>
        </Grid>
      </Card>
      {isStaff && (
        <Card withBorder mb="md">
          <Title order={2} size="h3" mb="xs">{t('certificate.signals')}</Title>
          {c.signals && c.signals.length > 0 ? (
            <List>
              {c.signals.map((s) => (
                <List.Item key={s.id}>
                  <Text fw={600} span>{t(`kinds.signal.${s.id}`, { defaultValue: s.id })}</Text>
                  <Text size="sm">{s.explanation}</Text>
                </List.Item>
              ))}
            </List>
          ) : (
            <Empty>{t('certificate.noSignals')}</Empty>
          )}
        </Card>
      )}
      <Card withBorder mb="md">
        <Title order={2} size="h3" mb="xs">{t('certificate.renewalChain')}</Title>
        <List>
          {c.supersedesId && (
            <List.Item>{t('certificate.supersedes')}: <Anchor component={Link} to={`/certificates/${c.supersedesId}`}>{c.supersedesId.slice(0, 8)}</Anchor></List.Item>
          )}
          <List.Item>{c.certificateNumber} · <StatusBadge group="certificate" status={c.status} /></List.Item>
          {c.supersededById && (
            <List.Item>{t('certificate.supersededBy')}: <Anchor component={Link} to={`/certificates/${c.supersededById}`}>{c.supersededById.slice(0, 8)}</Anchor></List.Item>
          )}
        </List>
      </Card>
      <Tabs
        defaultValue={isStaff ? initialTab : 'documents'}
        onChange={(value) => value === 'verifications' && isStaff && void navigate(`/certificates/${c.id}/verifications`, { replace: true })}
      >
        <Tabs.List>
          <Tabs.Tab value="documents">{t('certificate.documents')}</Tabs.Tab>
          {isStaff && <Tabs.Tab value="verifications">{t('certificate.verifications')}</Tabs.Tab>}
          {isStaff && <Tabs.Tab value="history">{t('certificate.auditHistory')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="documents" pt="md"><Documents certificate={c} canUpload={isStaff && open} /></Tabs.Panel>
        {isStaff && <Tabs.Panel value="verifications" pt="md"><Verifications certificate={c} /></Tabs.Panel>}
        {isStaff && <Tabs.Panel value="history" pt="md"><History certificateId={c.id} /></Tabs.Panel>}
      </Tabs>
    </>
  );
}

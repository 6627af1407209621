import { Alert, Anchor, Button, Card, Grid, Group, List, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { saveBlob } from '../api/http';
import type { Certificate, DocumentFile, Submission } from '../api/models';
import { useSession } from '../auth/session';
import { downloadDocument, useCertificate } from '../certificates/api';
import { saveForm } from '../shell/forms';
import { useFormatTimestamp } from '../shell/format';
import { Empty, ErrorAlert, PageTitle, QueryView, StatusBadge } from '../shell/ui';
import { useApproveSubmission, useRejectSubmission, useSubmission, useSubmissionDocuments } from './api';

function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** What the submission proposes, beside what the certificate says now. */
function ProposedFields({ submission, current }: { submission: Submission; current?: Certificate }) {
  const { t } = useTranslation();
  const proposed = (submission.proposal.certificate ?? {}) as Record<string, unknown>;
  const rows: [string, unknown, unknown][] = Object.entries(proposed).map(([key, value]) => [
    key,
    value,
    current ? (current as unknown as Record<string, unknown>)[key] : undefined,
  ]);
  for (const key of ['status', 'nextSurveillanceAuditOn'] as const) {
    if (submission.proposal[key] !== undefined)
      rows.push([key, submission.proposal[key], current ? current[key] : undefined]);
  }
  const label = (key: string) => {
    const map: Record<string, string> = {
      standard: t('certificate.standard'),
      certificateNumber: t('certificate.number'),
      certificationBody: t('certificate.certificationBody'),
      accreditationBody: t('certificate.accreditationBody'),
      scope: t('certificate.scope'),
      sites: t('certificate.sites'),
      productCategories: t('certificate.productCategories'),
      issuedOn: t('certificate.issuedOn'),
      expiresOn: t('certificate.expiresOn'),
      nextSurveillanceAuditOn: t('certificate.nextSurveillance'),
      status: t('certificate.status'),
    };
    return map[key] ?? key;
  };
  if (rows.length === 0) return <Empty />;
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('submission.field')}</Table.Th>
            <Table.Th>{t('submission.proposed')}</Table.Th>
            {current && <Table.Th>{t('submission.current')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([key, value, was]) => (
            <Table.Tr key={key}>
              <Table.Th scope="row">{label(key)}</Table.Th>
              <Table.Td>{key === 'status' ? t(`status.certificate.${String(value)}`) : formatValue(value)}</Table.Td>
              {current && <Table.Td>{key === 'status' && was ? t(`status.certificate.${String(was)}`) : formatValue(was)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The attached document shown inline (an image or the PDF), with a download link. */
function AttachedDocument({ document }: { document: DocumentFile }) {
  const blob = useQuery({ queryKey: ['document-blob', document.id], queryFn: () => downloadDocument(document.id) });
  const url = blob.data ? URL.createObjectURL(blob.data) : null;
  return (
    <Stack gap="xs">
      <Anchor component="button" type="button" onClick={() => blob.data && saveBlob(blob.data, document.fileName)}>
        {document.fileName}
      </Anchor>
      {url && document.contentType.startsWith('image/') && (
        <img src={url} alt={document.fileName} style={{ maxWidth: '100%', border: '1px solid #ddd' }} />
      )}
      {url && document.contentType === 'application/pdf' && (
        <object data={url} type="application/pdf" width="100%" height="480" aria-label={document.fileName}>
          {document.fileName}
        </object>
      )}
    </Stack>
  );
}

function Decide({ submission }: { submission: Submission }) {
  const { t } = useTranslation();
  const approve = useApproveSubmission(submission.id);
  const reject = useRejectSubmission(submission.id);
  const form = useForm({ initialValues: { reason: '' } });
  return (
    <Card withBorder>
      <Stack>
        <ErrorAlert error={approve.error ?? reject.error} />
        <Button color="green" loading={approve.isPending} onClick={() => approve.mutate()}>
          {t('submission.approve')}
        </Button>
        <form
          onSubmit={form.onSubmit((values) => void saveForm(form, () => reject.mutateAsync(values), t('submission.rejected')))}
          noValidate
        >
          <Stack>
            <Textarea label={t('submission.rejectReason')} required autosize minRows={2} {...form.getInputProps('reason')} />
            <Button type="submit" color="red" variant="outline" loading={reject.isPending}>
              {t('submission.reject')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}

export function SubmissionPage() {
  const { id } = useParams();
  const submission = useSubmission(id);
  return <QueryView query={submission}>{(s) => <SubmissionView submission={s} />}</QueryView>;
}

function SubmissionView({ submission: s }: { submission: Submission }) {
  const { t } = useTranslation();
  const { isStaff } = useSession();
  const when = useFormatTimestamp();
  const certificate = useCertificate(s.certificateId);
  const documents = useSubmissionDocuments(s.id);
  return (
    <>
      <PageTitle>{t('submission.heading', { kind: t(`kinds.submission.${s.kind}`), status: t(`status.submission.${s.status}`) })}</PageTitle>
      <Group gap="xs" mb="md">
        <StatusBadge group="submission" status={s.status} />
        <Text size="sm">{t('submission.submittedAt')}{t('common.colon')}{when(s.createdAt)}</Text>
        {certificate.data && (
          <Anchor component={Link} to={`/certificates/${certificate.data.id}`} size="sm">
            {certificate.data.standard} {certificate.data.certificateNumber}
          </Anchor>
        )}
      </Group>
      {s.status !== 'pending_review' && (
        <Alert color={s.status === 'approved' ? 'green' : 'red'} mb="md" title={t('submission.decision')}>
          <Text>{t(`status.submission.${s.status}`)} · {t('submission.decidedAt')}{t('common.colon')}{when(s.decidedAt)}</Text>
          {s.rejectionReason && <Text>{t('submission.reason')}{t('common.colon')}{s.rejectionReason}</Text>}
          {s.resultCertificateId && (
            <Anchor component={Link} to={`/certificates/${s.resultCertificateId}`}>{t('submission.result')}</Anchor>
          )}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Title order={2} size="h3" mb="xs">{t('submission.proposed')}</Title>
          <ProposedFields submission={s} current={certificate.data} />
          {s.note && <Text mt="sm">{t('submission.note')}{t('common.colon')}{s.note}</Text>}
          {isStaff && s.status === 'pending_review' && <div style={{ marginTop: 16 }}><Decide submission={s} /></div>}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Title order={2} size="h3" mb="xs">{t('submission.attached')}</Title>
          <QueryView query={documents}>
            {(items) =>
              items.length === 0 ? (
                <Empty>{t('submission.noAttachment')}</Empty>
              ) : (
                <List listStyleType="none">
                  {items.map((d) => (
                    <List.Item key={d.id}><AttachedDocument document={d} /></List.Item>
                  ))}
                </List>
              )
            }
          </QueryView>
        </Grid.Col>
      </Grid>
    </>
  );
}

import { Anchor, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { saveBlob } from '../api/http';
import { useSession } from '../auth/session';
import { downloadDocument } from '../certificates/api';
import { FileUpload } from '../submissions/FileField';
import { useFormatTimestamp } from '../shell/format';
import { optional, saveForm } from '../shell/forms';
import { ErrorAlert, PageTitle, QueryView, StatusBadge, Tag } from '../shell/ui';
import { useFinding, useProposeAction, useReviewFinding, useUploadEvidence, type Finding } from './api';

export function FindingPage() {
  const { id = '' } = useParams();
  const finding = useFinding(id);
  return <QueryView query={finding}>{(f) => <FindingView finding={f} />}</QueryView>;
}

function FindingView({ finding }: { finding: Finding }) {
  const { t } = useTranslation();
  const { isStaff } = useSession();
  const when = useFormatTimestamp();
  return (
    <>
      <PageTitle>{t(`finding.severities.${finding.severity}`)}{finding.clause ? ` · ${t('finding.clause')} ${finding.clause}` : ''}</PageTitle>
      <Group gap="xs" mb="sm">
        <StatusBadge group="finding" status={finding.status} />
        {finding.overdue && <Tag color="red">{t('finding.overdue')}</Tag>}
        {finding.dueOn && <Text size="sm">{t('finding.due', { date: finding.dueOn })}</Text>}
        {finding.closedAt && <Text size="sm">{t('finding.closedAt', { date: when(finding.closedAt) })}</Text>}
      </Group>
      <Anchor component={Link} to={`/audits/${finding.auditId}`} size="sm">{t('audit.one')}</Anchor>
      <Stack mt="md">
        <div>
          <Text fw={600}>{t('finding.description')}</Text>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{finding.description}</Text>
        </div>
        {finding.evidence && (
          <div>
            <Text fw={600}>{t('finding.evidence')}</Text>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{finding.evidence}</Text>
          </div>
        )}
        {finding.correctiveAction && (
          <div>
            <Text fw={600}>{t('finding.correctiveAction')}</Text>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{finding.correctiveAction}</Text>
          </div>
        )}
        {finding.reviewNote && (
          <div>
            <Text fw={600}>{t('finding.reviewNote')}</Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{finding.reviewNote}</Text>
          </div>
        )}
        <div>
          <Text fw={600}>{t('finding.evidenceFiles')}</Text>
          {finding.evidenceDocumentIds.length === 0 ? (
            <Text size="sm" c="dimmed">{t('common.none')}</Text>
          ) : (
            <List>
              {finding.evidenceDocumentIds.map((id, index) => (
                <List.Item key={id}>
                  <Anchor component="button" type="button" onClick={() => void downloadDocument(id).then((b) => saveBlob(b, `evidence-${index + 1}`))}>
                    {t('common.download')} {index + 1}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          )}
        </div>
        {finding.status !== 'verified_closed' && <ProposeAction finding={finding} />}
        {finding.status !== 'verified_closed' && <EvidenceUpload finding={finding} />}
        {isStaff && <Review finding={finding} />}
      </Stack>
    </>
  );
}

function ProposeAction({ finding }: { finding: Finding }) {
  const { t } = useTranslation();
  const propose = useProposeAction(finding);
  const form = useForm({ initialValues: { correctiveAction: finding.correctiveAction ?? '' } });
  return (
    <Card withBorder>
      <form onSubmit={form.onSubmit((v) => void saveForm(form, () => propose.mutateAsync(v.correctiveAction.trim()), t('common.saved')))} noValidate>
        <Stack>
          <Title order={2} size="h4">{t('finding.proposeAction')}</Title>
          <ErrorAlert error={propose.error} />
          <Textarea
            label={t('finding.correctiveAction')}
            description={t('finding.proposeHint')}
            required
            autosize
            minRows={3}
            {...form.getInputProps('correctiveAction')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={propose.isPending}>{t('finding.send')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function EvidenceUpload({ finding }: { finding: Finding }) {
  const { t } = useTranslation();
  const upload = useUploadEvidence(finding);
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">{t('finding.attachEvidence')}</Title>
      <FileUpload upload={upload} label={t('finding.evidenceFiles')} hint={t('finding.evidenceHint')} action={t('finding.attachEvidence')} />
    </Card>
  );
}

/** Trader staff verify the proposed action and close the finding, or send it back. */
function Review({ finding }: { finding: Finding }) {
  const { t } = useTranslation();
  const close = useReviewFinding(finding, 'close');
  const reopen = useReviewFinding(finding, 'reopen');
  const form = useForm({ initialValues: { note: '' } });
  return (
    <Card withBorder>
      <Stack>
        <ErrorAlert error={close.error ?? reopen.error} />
        <Textarea label={t('finding.reviewNote')} autosize minRows={1} {...form.getInputProps('note')} />
        <Group justify="flex-end">
          {finding.status !== 'open' && (
            <Button variant="default" loading={reopen.isPending} onClick={() => void saveForm(form, () => reopen.mutateAsync(optional(form.values.note)), t('common.saved'))}>
              {t('finding.reopen')}
            </Button>
          )}
          {finding.status === 'action_proposed' && (
            <Button loading={close.isPending} onClick={() => void saveForm(form, () => close.mutateAsync(optional(form.values.note)), t('common.saved'))}>
              {t('finding.close')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

import { Anchor, Button, Card, Grid, Group, Select, SegmentedControl, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { saveBlob } from '../api/http';
import { useSession } from '../auth/session';
import { downloadDocument } from '../certificates/api';
import { useFactory } from '../factories/api';
import { FileUpload } from '../submissions/FileField';
import { optional, saveForm } from '../shell/forms';
import { ErrorAlert, PageTitle, QueryView, StatusBadge, Tag } from '../shell/ui';
import {
  ANSWERS,
  FINDING_SEVERITIES,
  useAddFinding,
  useAudit,
  useChecklists,
  useSaveAnswers,
  useUploadReport,
  type Audit,
  type ChecklistAnswer,
  type Finding,
} from './api';

export function AuditPage() {
  const { id = '' } = useParams();
  const audit = useAudit(id);
  return <QueryView query={audit}>{(a) => <AuditView audit={a} />}</QueryView>;
}

function AuditView({ audit }: { audit: Audit }) {
  const { t, i18n } = useTranslation();
  const { isStaff } = useSession();
  const factory = useFactory(audit.factoryId);
  const zh = i18n.language === 'zh-CN';
  return (
    <>
      <PageTitle>{t('audit.of', { date: audit.auditedOn })}</PageTitle>
      <Text mb="xs">
        <Anchor component={Link} to={isStaff ? `/factories/${audit.factoryId}` : '/'}>{factory.data?.name ?? ''}</Anchor>
        {' · '}
        {t(`audit.kinds.${audit.kind}`)} · {[audit.auditor, audit.auditorOrganization].filter(Boolean).join(', ')}
      </Text>
      {audit.standards.length > 0 && <Text size="sm">{t('audit.standards')}{t('common.colon')}{audit.standards.join(', ')}</Text>}
      {audit.processes.length > 0 && <Text size="sm">{t('audit.processes')}{t('common.colon')}{audit.processes.join(zh ? '、' : ', ')}</Text>}
      {audit.summary && <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>{audit.summary}</Text>}
      <Grid mt="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">{t('audit.sections')}</Title>
            <Text fw={600} mb="xs">
              {t('audit.overallScore')}{t('common.colon')}{audit.overallScore === null ? t('audit.noScore') : t('audit.score', { score: audit.overallScore })}
            </Text>
            <Table>
              <Table.Tbody>
                {audit.sectionScores.map((s) => (
                  <Table.Tr key={`${s.templateId}.${s.sectionId}`}>
                    <Table.Td>{zh ? s.titleZh : s.title}</Table.Td>
                    <Table.Td>{s.score === null ? t('audit.noScore') : t('audit.score', { score: s.score })}</Table.Td>
                    <Table.Td><Text size="xs" c="dimmed">{t('audit.answered', { answered: s.answered, questions: s.questions })}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ReportCard audit={audit} />
        </Grid.Col>
      </Grid>
      <FindingsList audit={audit} />
      {isStaff && <Checklist audit={audit} />}
    </>
  );
}

function ReportCard({ audit }: { audit: Audit }) {
  const { t } = useTranslation();
  const { isStaff } = useSession();
  const upload = useUploadReport(audit);
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">{t('audit.report')}</Title>
      {audit.reportDocumentId ? (
        <Anchor component="button" type="button" onClick={() => void downloadDocument(audit.reportDocumentId!).then((b) => saveBlob(b, `audit-${audit.auditedOn}.pdf`))}>
          {t('audit.openReport')}
        </Anchor>
      ) : (
        <Text size="sm" c="dimmed">{t('common.none')}</Text>
      )}
      {isStaff && (
        <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
          <FileUpload upload={upload} label={t('audit.report')} hint={t('audit.reportHint')} action={t('audit.uploadReport')} />
        </div>
      )}
    </Card>
  );
}

export function FindingRow({ finding }: { finding: Finding }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" wrap="wrap" align="start">
        <div style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Tag color={finding.severity === 'major' ? 'red' : finding.severity === 'minor' ? 'orange' : 'gray'}>
              {t(`finding.severities.${finding.severity}`)}
            </Tag>
            {finding.clause && <Text size="sm">{t('finding.clause')} {finding.clause}</Text>}
            <StatusBadge group="finding" status={finding.status} />
            {finding.overdue && <Tag color="red">{t('finding.overdue')}</Tag>}
          </Group>
          <Anchor component={Link} to={`/findings/${finding.id}`} mt={4} display="block" style={{ overflowWrap: 'anywhere' }}>
            {finding.description}
          </Anchor>
        </div>
        {finding.dueOn && <Text size="sm">{t('finding.due', { date: finding.dueOn })}</Text>}
      </Group>
    </Card>
  );
}

function FindingsList({ audit }: { audit: Audit }) {
  const { t } = useTranslation();
  const { isStaff } = useSession();
  return (
    <section style={{ marginTop: 'var(--mantine-spacing-lg)' }}>
      <Title order={2} size="h3" mb="xs">{t('finding.title')}</Title>
      <Stack gap="xs">
        {audit.findings.length === 0 && <Text c="dimmed">{t('finding.none')}</Text>}
        {audit.findings.map((f) => (
          <FindingRow key={f.id} finding={f} />
        ))}
      </Stack>
      {isStaff && <AddFinding audit={audit} />}
    </section>
  );
}

function AddFinding({ audit }: { audit: Audit }) {
  const { t } = useTranslation();
  const add = useAddFinding(audit);
  const form = useForm({
    initialValues: { severity: 'minor' as (typeof FINDING_SEVERITIES)[number], clause: '', description: '', evidence: '', dueOn: '' },
  });
  const submit = form.onSubmit(async (v) => {
    const saved = await saveForm(
      form,
      () =>
        add.mutateAsync({
          severity: v.severity,
          clause: optional(v.clause),
          description: v.description.trim(),
          evidence: optional(v.evidence),
          dueOn: optional(v.dueOn),
        }),
      t('common.saved'),
    );
    if (saved) form.reset();
  });
  return (
    <Card withBorder mt="md">
      <Title order={3} size="h4" mb="xs">{t('finding.add')}</Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={add.error} />
          <Group grow align="start" wrap="wrap">
            <Select
              label={t('finding.severity')}
              required
              allowDeselect={false}
              data={FINDING_SEVERITIES.map((s) => ({ value: s, label: t(`finding.severities.${s}`) }))}
              {...form.getInputProps('severity')}
            />
            <TextInput label={t('finding.clause')} {...form.getInputProps('clause')} />
          </Group>
          <Textarea label={t('finding.description')} required autosize minRows={2} {...form.getInputProps('description')} />
          <Textarea label={t('finding.evidence')} autosize minRows={1} {...form.getInputProps('evidence')} />
          <TextInput type="date" label={t('finding.dueOn')} description={t('finding.dueOnHint')} {...form.getInputProps('dueOn')} />
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending}>{t('finding.add')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** The audit's checklists, question by question, answered by trader staff; scores follow from the answers. */
function Checklist({ audit }: { audit: Audit }) {
  const { t, i18n } = useTranslation();
  const checklists = useChecklists();
  const save = useSaveAnswers(audit);
  const [answers, setAnswers] = useState<Record<string, ChecklistAnswer['answer']>>(() =>
    Object.fromEntries(audit.answers.map((a) => [a.questionId, a.answer])),
  );
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  return (
    <section style={{ marginTop: 'var(--mantine-spacing-lg)' }}>
      <Title order={2} size="h3" mb="xs">{t('audit.checklist')}</Title>
      <QueryView query={checklists}>
        {(templates) => (
          <Stack>
            {templates
              .filter((template) => audit.checklistTemplates.includes(template.id))
              .map((template) => (
                <Card withBorder key={template.id}>
                  <Title order={3} size="h4" mb="xs">{template.title[lang]}</Title>
                  {template.sections.map((section) => (
                    <Stack key={section.id} gap="xs" mb="sm">
                      <Text fw={600}>{section.title[lang]}</Text>
                      {section.questions.map((q) => (
                        <Group key={q.id} justify="space-between" wrap="wrap" gap="xs">
                          <Text size="sm" style={{ flex: '1 1 16rem' }}>
                            {q.clause ? `${q.clause} ` : ''}
                            {q.text[lang]}
                          </Text>
                          <SegmentedControl
                            size="xs"
                            aria-label={q.text[lang]}
                            value={answers[q.id] ?? ''}
                            onChange={(value) => setAnswers((current) => ({ ...current, [q.id]: value as ChecklistAnswer['answer'] }))}
                            data={ANSWERS.map((a) => ({ value: a, label: t(`audit.answers.${a}`) }))}
                          />
                        </Group>
                      ))}
                    </Stack>
                  ))}
                </Card>
              ))}
            <ErrorAlert error={save.error} />
            <Group justify="flex-end">
              <Button
                loading={save.isPending}
                onClick={() =>
                  void save
                    .mutateAsync(Object.entries(answers).map(([questionId, answer]) => ({ questionId, answer })))
                    .then(() => notifications.show({ message: t('common.saved'), color: 'green', withCloseButton: false }))
                }
              >
                {t('audit.saveAnswers')}
              </Button>
            </Group>
          </Stack>
        )}
      </QueryView>
    </section>
  );
}

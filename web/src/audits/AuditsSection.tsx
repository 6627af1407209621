import { Anchor, Button, Card, Group, Modal, MultiSelect, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { useStandards } from '../certificates/api';
import { splitList } from '../shell/format';
import { optional, saveForm } from '../shell/forms';
import { DataTable } from '../shell/Table';
import { ErrorAlert, QueryView } from '../shell/ui';
import { AUDIT_KINDS, useCreateAudit, useFactoryAudits, useStanding, type Audit } from './api';
import { StandingSummary } from './StandingBadge';

function AuditForm({ factoryId, onSaved }: { factoryId: string; onSaved(audit: Audit): void }) {
  const { t } = useTranslation();
  const standards = useStandards();
  const create = useCreateAudit(factoryId);
  const form = useForm({
    initialValues: {
      auditedOn: '',
      auditor: '',
      auditorOrganization: '',
      kind: 'on_site' as (typeof AUDIT_KINDS)[number],
      standards: [] as string[],
      processes: '',
      summary: '',
    },
  });
  const submit = form.onSubmit(async (v) => {
    const audit = await saveForm(
      form,
      () =>
        create.mutateAsync({
          auditedOn: v.auditedOn,
          auditor: v.auditor.trim(),
          auditorOrganization: optional(v.auditorOrganization),
          kind: v.kind,
          standards: v.standards,
          processes: splitList(v.processes),
          summary: optional(v.summary),
        }),
      t('common.saved'),
    );
    if (audit) onSaved(audit);
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={create.error} />
        <TextInput type="date" label={t('audit.auditedOn')} required {...form.getInputProps('auditedOn')} />
        <TextInput label={t('audit.auditor')} required {...form.getInputProps('auditor')} />
        <TextInput label={t('audit.auditorOrganization')} {...form.getInputProps('auditorOrganization')} />
        <Select
          label={t('audit.kind')}
          required
          allowDeselect={false}
          data={AUDIT_KINDS.map((kind) => ({ value: kind, label: t(`audit.kinds.${kind}`) }))}
          {...form.getInputProps('kind')}
        />
        <MultiSelect label={t('audit.standards')} data={standards.data?.items.map((s) => s.code) ?? []} {...form.getInputProps('standards')} />
        <TextInput label={t('audit.processes')} description={t('audit.processesHint')} {...form.getInputProps('processes')} />
        <Textarea label={t('audit.summary')} autosize minRows={2} {...form.getInputProps('summary')} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>{t('common.create')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** On a factory's page: its standing, its supplier audits, and (trader staff) recording a new one. */
export function AuditsSection({ factoryId }: { factoryId: string }) {
  const { t } = useTranslation();
  const { isStaff } = useSession();
  const navigate = useNavigate();
  const standing = useStanding(factoryId);
  const audits = useFactoryAudits(factoryId);
  const [recording, record] = useDisclosure();
  return (
    <section>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h3">{t('audit.title')}</Title>
        {isStaff && <Button variant="outline" size="sm" onClick={record.open}>{t('audit.record')}</Button>}
      </Group>
      <Card withBorder mb="sm" padding="sm">
        <Text size="sm" fw={600} mb={4}>{t('audit.standing')}</Text>
        <QueryView query={standing}>{(s) => <StandingSummary standing={s} />}</QueryView>
      </Card>
      <QueryView query={audits}>
        {(page) =>
          page.items.length === 0 ? (
            <Text c="dimmed" py="xs">{t('audit.none')}</Text>
          ) : (
            <DataTable
              rows={page.items}
              rowKey={(a) => a.id}
              caption={t('audit.title')}
              columns={[
                {
                  label: t('audit.auditedOn'),
                  render: (a) => <Anchor component={Link} to={`/audits/${a.id}`}>{a.auditedOn}</Anchor>,
                },
                { label: t('audit.kind'), render: (a) => t(`audit.kinds.${a.kind}`) },
                { label: t('audit.auditor'), render: (a) => [a.auditor, a.auditorOrganization].filter(Boolean).join(' · ') },
                {
                  label: t('audit.overallScore'),
                  render: (a) => (a.overallScore === null ? t('audit.noScore') : t('audit.score', { score: a.overallScore })),
                },
                {
                  label: t('finding.title'),
                  render: (a) =>
                    t('audit.findingCounts', {
                      open: a.findingCounts.open,
                      proposed: a.findingCounts.actionProposed,
                      closed: a.findingCounts.verifiedClosed,
                    }),
                },
              ]}
            />
          )
        }
      </QueryView>
      <Modal opened={recording} onClose={record.close} title={t('audit.record')}>
        <AuditForm
          factoryId={factoryId}
          onSaved={(audit) => {
            record.close();
            void navigate(`/audits/${audit.id}`);
          }}
        />
      </Modal>
    </section>
  );
}

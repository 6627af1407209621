import { Anchor, Button, Checkbox, Group, Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, type AgreementKind, type AgreementStatus } from '../api/models';
import { untypedBody } from '../api/http';
import { useSession } from '../auth/session';
import { useStandards } from '../certificates/api';
import { useFactories } from '../factories/api';
import { saveForm, optional } from '../shell/forms';
import { Total } from '../shell/Pager';
import { DataTable } from '../shell/Table';
import { ErrorAlert, PageTitle, QueryView, StatusBadge } from '../shell/ui';
import { useAgreements, useCreateAgreement, usePlanTemplates } from './api';

function AgreementForm({ onSaved }: { onSaved(id: string): void }) {
  const { t, i18n } = useTranslation();
  const factories = useFactories();
  const standards = useStandards();
  const plans = usePlanTemplates();
  const create = useCreateAgreement();
  const form = useForm({
    initialValues: { kind: 'certification_cooperation', title: '', factoryId: '', standards: [] as string[], startsOn: new Date().toISOString().slice(0, 10), targetOn: '', plan: '' },
  });
  const submit = form.onSubmit(async (v) => {
    const saved = await saveForm(
      form,
      () =>
        create.mutateAsync(untypedBody({
          kind: v.kind as AgreementKind,
          title: v.title,
          factoryId: v.factoryId || null,
          standards: v.standards,
          startsOn: v.startsOn,
          ...(optional(v.targetOn) ? { targetOn: v.targetOn } : {}),
          ...(v.plan ? { plan: v.plan } : {}),
        })),
      t('common.saved'),
    );
    if (saved) onSaved(saved.id);
  });
  const planName = (id: string, name: string) => (i18n.exists(`kinds.plan.${id}`) ? t(`kinds.plan.${id}`) : name);
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={create.error} />
        <Select label={t('agreement.kind')} allowDeselect={false} data={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.agreement.${k}`) }))} {...form.getInputProps('kind')} />
        <TextInput label={t('agreement.name')} required {...form.getInputProps('title')} />
        <Select label={t('agreement.factory')} clearable data={factories.data?.items.map((f) => ({ value: f.id, label: f.name })) ?? []} {...form.getInputProps('factoryId')} />
        <MultiSelect label={t('agreement.standards')} required data={standards.data?.items.map((s) => s.code) ?? []} {...form.getInputProps('standards')} />
        <TextInput type="date" label={t('agreement.startsOn')} required {...form.getInputProps('startsOn')} />
        <Select label={t('agreement.planTemplate')} clearable data={plans.data?.map((p) => ({ value: p.id, label: planName(p.id, p.name) })) ?? []} {...form.getInputProps('plan')} />
        <TextInput type="date" label={t('agreement.targetOn')} {...form.getInputProps('targetOn')} />
        <Button type="submit" loading={create.isPending}>{t('common.save')}</Button>
      </Stack>
    </form>
  );
}

export function AgreementsPage() {
  const { t } = useTranslation();
  const { isStaff } = useSession();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure();
  const atRisk = params.get('atRisk') === 'true';
  const status = params.get('status') as AgreementStatus | null;
  const agreements = useAgreements({ ...(atRisk ? { atRisk: true } : {}), ...(status ? { status } : {}) });
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageTitle actions={isStaff && <Button onClick={open}>{t('agreement.new')}</Button>}>
        {isStaff ? t('agreement.title') : t('nav.myMilestones')}
      </PageTitle>
      <Group mb="md" align="end">
        <Select label={t('agreement.status')} clearable value={status} onChange={(v) => set('status', v)} data={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`status.agreement.${s}`) }))} />
        <Checkbox label={t('agreement.atRisk')} checked={atRisk} onChange={(e) => set('atRisk', e.currentTarget.checked ? 'true' : null)} />
      </Group>
      <QueryView query={agreements}>
        {(page) => (
          <>
            <Total total={page.total} />
            <DataTable
              rows={page.items}
              rowKey={(a) => a.id}
              columns={[
                { label: t('agreement.name'), render: (a) => <Anchor component={Link} to={`/agreements/${a.id}`}>{a.title}</Anchor> },
                { label: t('agreement.kind'), render: (a) => t(`kinds.agreement.${a.kind}`) },
                { label: t('agreement.targetOn'), render: (a) => a.targetOn },
                { label: t('agreement.plan'), render: (a) => t('agreement.progress', { done: a.progress.done, total: a.progress.total }) },
                { label: t('agreement.status'), render: (a) => <Group gap={4}><StatusBadge group="agreement" status={a.status} />{a.atRisk && <StatusBadge group="milestone" status="atRisk" />}</Group> },
              ]}
            />
          </>
        )}
      </QueryView>
      <Modal opened={opened} onClose={close} title={t('agreement.new')}>
        <AgreementForm onSaved={(id) => void navigate(`/agreements/${id}`)} />
      </Modal>
    </>
  );
}

import { Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { untypedBody } from '../api/http';
import type { Organization, ReminderPolicy, User } from '../api/models';
import { useSession } from '../auth/session';
import { useFormatTimestamp } from '../shell/format';
import { saveForm } from '../shell/forms';
import { DataTable } from '../shell/Table';
import { ErrorAlert, PageTitle, QueryView } from '../shell/ui';
import { CalendarFeedCard } from './CalendarFeedCard';
import {
  useCreateUser,
  useOrganization,
  useReminderPolicy,
  useRemoveUser,
  useUpdateOrganization,
  useUpdateReminderPolicy,
  useUpdateUser,
  useUsers, usePendingInvitations, useRevokeInvitation } from './api';

function PolicyForm({ policy, readOnly }: { policy: ReminderPolicy; readOnly: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateReminderPolicy();
  const form = useForm({
    initialValues: {
      thresholdsDays: policy.thresholdsDays.join(', '),
      sendHour: String(policy.sendHour),
      timezone: policy.timezone,
      locale: policy.locale,
      escalateAfterDays: String(policy.escalateAfterDays),
      overdueRepeatDays: String(policy.overdueRepeatDays),
    },
  });
  const submit = form.onSubmit((v) =>
    void saveForm(
      form,
      () =>
        update.mutateAsync(untypedBody({
          thresholdsDays: v.thresholdsDays.split(/[,，\s]+/).filter(Boolean).map(Number),
          sendHour: Number(v.sendHour),
          timezone: v.timezone,
          locale: v.locale,
          escalateAfterDays: Number(v.escalateAfterDays),
          overdueRepeatDays: Number(v.overdueRepeatDays),
        })),
      t('common.saved'),
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={update.error} />
        <TextInput label={t('settings.thresholds')} disabled={readOnly} {...form.getInputProps('thresholdsDays')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('settings.sendHour')} inputMode="numeric" disabled={readOnly} {...form.getInputProps('sendHour')} />
          <TextInput label={t('settings.timezone')} disabled={readOnly} {...form.getInputProps('timezone')} />
          <Select label={t('settings.locale')} disabled={readOnly} allowDeselect={false} data={[{ value: 'en', label: t('language.en') }, { value: 'zh-CN', label: t('language.zh-CN') }]} {...form.getInputProps('locale')} />
          <TextInput label={t('settings.escalateAfter')} inputMode="numeric" disabled={readOnly} {...form.getInputProps('escalateAfterDays')} />
          <TextInput label={t('settings.overdueRepeat')} inputMode="numeric" disabled={readOnly} {...form.getInputProps('overdueRepeatDays')} />
        </SimpleGrid>
        {!readOnly && <Button type="submit" loading={update.isPending}>{t('common.save')}</Button>}
      </Stack>
    </form>
  );
}

function OrganizationForm({ organization, readOnly }: { organization: Organization; readOnly: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateOrganization();
  const form = useForm({ initialValues: { name: organization.name, timezone: organization.timezone, businessScope: organization.businessScope ?? '' } });
  const submit = form.onSubmit((v) =>
    void saveForm(form, () => update.mutateAsync(untypedBody({ ...v, businessScope: v.businessScope.trim() || null })), t('common.saved')),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={update.error} />
        <TextInput label={t('settings.orgName')} disabled={readOnly} {...form.getInputProps('name')} />
        <TextInput label={t('settings.timezone')} disabled={readOnly} {...form.getInputProps('timezone')} />
        <Textarea label={t('settings.businessScope')} autosize minRows={3} disabled={readOnly} {...form.getInputProps('businessScope')} />
        {!readOnly && <Button type="submit" loading={update.isPending}>{t('common.save')}</Button>}
      </Stack>
    </form>
  );
}

/** An admin's actions on one person: role (staff), deactivate or reactivate, remove. */
function UserActions({ user }: { user: User }) {
  const { t } = useTranslation();
  const { user: me } = useSession();
  const update = useUpdateUser();
  const remove = useRemoveUser();
  const [confirming, setConfirming] = useState(false);
  if (me?.userId === user.id) return <Text size="sm" c="dimmed">{t('settings.you')}</Text>;
  const busy = update.isPending || remove.isPending;
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        {user.role !== 'factory_manager' && (
          <Button size="xs" variant="default" disabled={busy} onClick={() => update.mutate({ id: user.id, role: user.role === 'admin' ? 'member' : 'admin' })}>
            {user.role === 'admin' ? t('settings.makeMember') : t('settings.makeAdmin')}
          </Button>
        )}
        <Button size="xs" variant="default" disabled={busy} onClick={() => update.mutate({ id: user.id, active: !user.active })}>
          {user.active ? t('settings.deactivate') : t('settings.reactivate')}
        </Button>
        {confirming ? (
          <Button size="xs" color="red" loading={remove.isPending} onClick={() => remove.mutate(user.id)}>
            {t('settings.confirmRemove', { name: user.name })}
          </Button>
        ) : (
          <Button size="xs" variant="outline" color="red" disabled={busy} onClick={() => setConfirming(true)}>
            {t('settings.remove')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={update.error ?? remove.error} />
    </Stack>
  );
}

/** Invitations sent and not yet accepted (staff and factory managers), which an admin can revoke. */
function PendingInvitations() {
  const { t } = useTranslation();
  const when = useFormatTimestamp();
  const invitations = usePendingInvitations();
  const revoke = useRevokeInvitation();
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">{t('settings.pendingInvitations')}</Title>
      <ErrorAlert error={revoke.error} />
      <QueryView query={invitations}>
        {(rows) => (
          <DataTable
            rows={rows}
            rowKey={(i) => i.id}
            caption={t('settings.pendingInvitations')}
            columns={[
              { label: t('settings.staffName'), render: (i) => i.name },
              { label: t('settings.staffEmail'), render: (i) => i.email },
              { label: t('settings.role'), render: (i) => t(`roles.${i.role}`) },
              { label: t('settings.invitationExpires'), render: (i) => when(i.expiresAt) },
              {
                label: t('settings.actions'),
                render: (i) => (
                  <Button size="xs" variant="default" loading={revoke.isPending && revoke.variables === i.id} onClick={() => revoke.mutate(i.id)}>
                    {t('settings.revokeInvitation')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryView>
    </Stack>
  );
}

function Team({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const users = useUsers();
  const create = useCreateUser();
  const form = useForm({ initialValues: { name: '', email: '', role: 'member' } });
  const submit = form.onSubmit(async (v) => {
    if (await saveForm(form, () => create.mutateAsync({ ...v, role: v.role as 'admin' | 'member' }), t('settings.added', { email: v.email }))) form.reset();
  });
  return (
    <Stack>
      <QueryView query={users}>
        {(page) => (
          <DataTable
            rows={page.items}
            rowKey={(u) => u.id}
            columns={[
              { label: t('settings.staffName'), render: (u) => u.name },
              { label: t('settings.staffEmail'), render: (u) => u.email },
              { label: t('settings.role'), render: (u) => t(`roles.${u.role}`) },
              { label: t('settings.status'), render: (u) => (u.active ? t('settings.active') : t('settings.deactivated')) },
              ...(isAdmin ? [{ label: t('settings.actions'), render: (u: User) => <UserActions user={u} /> }] : []),
            ]}
          />
        )}
      </QueryView>
      {isAdmin && <PendingInvitations />}
      {isAdmin && (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={3} size="h4">{t('settings.inviteStaff')}</Title>
            <ErrorAlert error={create.error} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('settings.staffName')} required {...form.getInputProps('name')} />
              <TextInput label={t('settings.staffEmail')} type="email" required {...form.getInputProps('email')} />
              <Select label={t('settings.role')} allowDeselect={false} data={(['member', 'admin'] as const).map((r) => ({ value: r, label: t(`roles.${r}`) }))} {...form.getInputProps('role')} />
            </SimpleGrid>
            <Button type="submit" loading={create.isPending}>{t('factory.invite')}</Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  const { role } = useSession();
  const isAdmin = role === 'admin';
  const policy = useReminderPolicy();
  const organization = useOrganization();
  return (
    <>
      <PageTitle>{t('settings.title')}</PageTitle>
      <Stack gap="lg">
        <Card withBorder>
          <Title order={2} size="h3" mb="sm">{t('settings.organization')}</Title>
          <QueryView query={organization}>{(o) => <OrganizationForm organization={o} readOnly={!isAdmin} />}</QueryView>
        </Card>
        <Card withBorder>
          <Title order={2} size="h3" mb="sm">{t('settings.policy')}</Title>
          <QueryView query={policy}>{(p) => <PolicyForm policy={p} readOnly={!isAdmin} />}</QueryView>
        </Card>
        <CalendarFeedCard />
        <Card withBorder>
          <Title order={2} size="h3" mb="sm">{t('settings.team')}</Title>
          <Team isAdmin={isAdmin} />
        </Card>
      </Stack>
    </>
  );
}

import { Button, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { saveForm } from '../shell/forms';
import { ErrorAlert } from '../shell/ui';
import { useInviteManager } from './api';

export function InviteManagerForm({ factoryId, onSent }: { factoryId: string; onSent?(): void }) {
  const { t } = useTranslation();
  const invite = useInviteManager(factoryId);
  const form = useForm({ initialValues: { name: '', email: '', locale: 'zh-CN' } });
  const submit = form.onSubmit(async (values) => {
    const sent = await saveForm(
      form,
      () => invite.mutateAsync({ ...values, locale: values.locale as 'en' | 'zh-CN' }),
      t('factory.invited', { email: values.email }),
    );
    if (sent) {
      form.reset();
      onSent?.();
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('factory.inviteManager')}>
      <Stack>
        <ErrorAlert error={invite.error} />
        <TextInput label={t('factory.managerName')} required {...form.getInputProps('name')} />
        <TextInput label={t('factory.managerEmail')} type="email" required {...form.getInputProps('email')} />
        <Select
          label={t('factory.managerLocale')}
          allowDeselect={false}
          data={[
            { value: 'zh-CN', label: t('language.zh-CN') },
            { value: 'en', label: t('language.en') },
          ]}
          {...form.getInputProps('locale')}
        />
        <Button type="submit" loading={invite.isPending}>
          {t('factory.invite')}
        </Button>
      </Stack>
    </form>
  );
}

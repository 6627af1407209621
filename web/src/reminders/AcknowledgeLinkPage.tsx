import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../shell/ui';
import { useAcknowledgeByLink } from './api';

/**
 * /acknowledge?token=… (the digest's one-click link, no login). Opening the page changes
 * nothing, so a mail scanner following the link does not acknowledge anything: the click
 * on the button does.
 */
export function AcknowledgeLinkPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const acknowledge = useAcknowledgeByLink();
  const form = useForm({ initialValues: { note: '', quietUntil: '' } });
  if (acknowledge.data)
    return (
      <Alert color="green" role="status">
        {t('reminder.linkDone', { until: acknowledge.data.quietUntil })}
      </Alert>
    );
  return (
    <form
      onSubmit={form.onSubmit((values) =>
        acknowledge.mutate({
          token,
          ...(values.note.trim() ? { note: values.note.trim() } : {}),
          ...(values.quietUntil ? { quietUntil: values.quietUntil } : {}),
        }),
      )}
    >
      <Stack maw={480}>
        <Title order={1} size="h2">{t('reminder.acknowledgeTitle')}</Title>
        <Text>{t('reminder.linkIntro')}</Text>
        <TextInput label={t('reminder.note')} placeholder={t('reminder.notePlaceholder')} {...form.getInputProps('note')} />
        <TextInput type="date" label={t('reminder.quietUntilOptional')} {...form.getInputProps('quietUntil')} />
        <ErrorAlert error={acknowledge.error} />
        <Button type="submit" loading={acknowledge.isPending} disabled={!token}>
          {t('reminder.acknowledge')}
        </Button>
      </Stack>
    </form>
  );
}

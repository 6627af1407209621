import { Button, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reminder } from '../api/models';
import { ErrorAlert } from '../shell/ui';
import { useAcknowledgeReminder } from './api';

/** "We are on it": who acknowledged a notice and until when it stays quiet, or the button to do it. */
export function AcknowledgeButton({ reminder }: { reminder: Reminder }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const acknowledge = useAcknowledgeReminder();
  const form = useForm({
    initialValues: { note: '', quietUntil: '' },
    validate: {
      note: (v) => (v.trim() ? null : t('reminder.noteRequired')),
      quietUntil: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t('reminder.quietUntilRequired')),
    },
  });
  const ack = reminder.acknowledgement;
  if (ack)
    return (
      <Text size="sm">
        {t('reminder.acknowledgedBy', { by: ack.acknowledgedBy, note: ack.note, until: ack.quietUntil })}
      </Text>
    );
  return (
    <>
      <Button size="xs" variant="default" onClick={() => setOpen(true)}>
        {t('reminder.acknowledge')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('reminder.acknowledgeTitle')}>
        <form
          onSubmit={form.onSubmit((values) =>
            acknowledge.mutate({ id: reminder.id, ...values }, { onSuccess: () => setOpen(false) }),
          )}
        >
          <Stack>
            <TextInput label={t('reminder.note')} placeholder={t('reminder.notePlaceholder')} {...form.getInputProps('note')} />
            <TextInput type="date" label={t('reminder.quietUntil')} {...form.getInputProps('quietUntil')} />
            <ErrorAlert error={acknowledge.error} />
            <Button type="submit" loading={acknowledge.isPending}>
              {t('reminder.acknowledge')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

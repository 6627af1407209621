import { Anchor, Button, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { untypedBody } from '../api/http';
import { optional, saveForm } from '../shell/forms';
import { DataTable } from '../shell/Table';
import { ErrorAlert, PageTitle, QueryView } from '../shell/ui';
import { useBuyers, useCreateBuyer } from './api';

function BuyerForm({ onSaved }: { onSaved(id: string): void }) {
  const { t } = useTranslation();
  const create = useCreateBuyer();
  const form = useForm({ initialValues: { name: '', country: '', contactEmail: '' } });
  const submit = form.onSubmit(async (v) => {
    const saved = await saveForm(
      form,
      () => create.mutateAsync(untypedBody({ name: v.name, country: v.country.trim().toUpperCase(), contactEmail: optional(v.contactEmail) })),
      t('common.saved'),
    );
    if (saved) onSaved(saved.id);
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={create.error} />
        <TextInput label={t('buyer.name')} required {...form.getInputProps('name')} />
        <TextInput label={t('buyer.country')} required maxLength={2} {...form.getInputProps('country')} />
        <TextInput label={t('buyer.contactEmail')} type="email" {...form.getInputProps('contactEmail')} />
        <Button type="submit" loading={create.isPending}>{t('common.save')}</Button>
      </Stack>
    </form>
  );
}

export function BuyersPage() {
  const { t } = useTranslation();
  const buyers = useBuyers();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure();
  return (
    <>
      <PageTitle actions={<Button onClick={open}>{t('buyer.new')}</Button>}>{t('buyer.title')}</PageTitle>
      <QueryView query={buyers}>
        {(page) => (
          <DataTable
            rows={page.items}
            rowKey={(b) => b.id}
            columns={[
              { label: t('buyer.name'), render: (b) => <Anchor component={Link} to={`/buyers/${b.id}`}>{b.name}</Anchor> },
              { label: t('buyer.country'), render: (b) => b.country },
              { label: t('buyer.contactEmail'), render: (b) => b.contactEmail ?? t('common.none') },
            ]}
          />
        )}
      </QueryView>
      <Modal opened={opened} onClose={close} title={t('buyer.new')}>
        <BuyerForm onSaved={(id) => void navigate(`/buyers/${id}`)} />
      </Modal>
    </>
  );
}

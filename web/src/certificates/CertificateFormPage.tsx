import { Button, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { untypedBody } from '../api/http';
import type { Certificate } from '../api/models';
import { useFactories } from '../factories/api';
import { saveForm } from '../shell/forms';
import { ErrorAlert, PageTitle, QueryView } from '../shell/ui';
import { useCertificate, useCreateCertificate, useRenewCertificate, useUpdateCertificate } from './api';
import { certificateBody, CertificateFields, certificateValues } from './CertificateFields';

/** /certificates/new, /certificates/:id/edit and /certificates/:id/renew. */
export function CertificateFormPage({ mode }: { mode: 'create' | 'edit' | 'renew' }) {
  const { id } = useParams();
  const certificate = useCertificate(mode === 'create' ? null : id);
  if (mode === 'create') return <CertificateForm mode={mode} />;
  return <QueryView query={certificate}>{(c) => <CertificateForm mode={mode} certificate={c} />}</QueryView>;
}

function CertificateForm({ mode, certificate }: { mode: 'create' | 'edit' | 'renew'; certificate?: Certificate }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const factories = useFactories();
  const create = useCreateCertificate();
  const update = useUpdateCertificate(certificate?.id ?? '');
  const renew = useRenewCertificate(certificate?.id ?? '');
  const mutation = mode === 'create' ? create : mode === 'edit' ? update : renew;
  const form = useForm({
    initialValues: {
      ...certificateValues(certificate, mode === 'renew'),
      factoryId: params.get('factoryId') ?? '',
    },
  });

  const submit = form.onSubmit(async (values) => {
    const body = certificateBody(values);
    const saved = await saveForm(
      form,
      () =>
        mode === 'create'
          ? create.mutateAsync(untypedBody({ ...body, status: 'active', factoryId: values.factoryId || null }))
          : mode === 'edit'
            ? update.mutateAsync(untypedBody(body))
            : renew.mutateAsync(untypedBody(body)),
      t('common.saved'),
    );
    if (saved) void navigate(`/certificates/${saved.id}`);
  });

  const title =
    mode === 'create' ? t('certificate.new') : mode === 'edit' ? t('common.edit') : t('certificate.renew');
  return (
    <>
      <PageTitle>{title}{certificate ? ` · ${certificate.standard} ${certificate.certificateNumber}` : ''}</PageTitle>
      <form onSubmit={submit} noValidate>
        <Stack maw={760}>
          <ErrorAlert error={mutation.error} />
          {mode === 'create' && (
            <Select
              label={t('certificate.holder')}
              allowDeselect={false}
              data={[
                { value: '', label: t('certificate.ownHolder') },
                ...(factories.data?.items.map((f) => ({ value: f.id, label: f.name })) ?? []),
              ]}
              {...form.getInputProps('factoryId')}
            />
          )}
          <CertificateFields form={form} />
          <Button type="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </>
  );
}

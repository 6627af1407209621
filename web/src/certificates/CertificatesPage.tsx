import { Button, Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CERTIFICATE_STATUSES, type CertificateStatus } from '../api/models';
import { useFactories } from '../factories/api';
import { ExportButtons } from '../imports/ExportButtons';
import { Total } from '../shell/Pager';
import { PageTitle, QueryView } from '../shell/ui';
import { useCertificates, useStandards } from './api';
import { CertificateTable } from './CertificateTable';

/** The API's filters, kept in the address so a dashboard count opens its list. */
export function CertificatesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const status = params.get('status') as CertificateStatus | null;
  const expiring = Number(params.get('expiringWithinDays')) || undefined;
  const surveillance = Number(params.get('surveillanceWithinDays')) || undefined;
  const verificationDue = params.get('verificationDue') === 'true';
  const certificates = useCertificates({
    pageSize: 200,
    ...(status ? { status } : {}),
    ...(expiring ? { expiringWithinDays: expiring } : {}),
    ...(surveillance ? { surveillanceWithinDays: surveillance } : {}),
    ...(verificationDue ? { verificationDue: true } : {}),
    ...(params.get('factoryId') ? { factoryId: params.get('factoryId')! } : {}),
    ...(params.get('standard') ? { standard: params.get('standard')! } : {}),
    ...(params.get('q') ? { q: params.get('q')! } : {}),
  });
  const factories = useFactories();
  const standards = useStandards();
  /** The list's own filters, so the export holds what the page shows. */
  const exportFilters = Object.fromEntries(
    ['status', 'expiringWithinDays', 'surveillanceWithinDays', 'verificationDue', 'factoryId', 'standard', 'q'].flatMap((key) => {
      const value = params.get(key);
      return value ? [[key, value]] : [];
    }),
  );
  const factoryName = (id: string | null) =>
    id ? (factories.data?.items.find((f) => f.id === id)?.name ?? '') : t('certificate.ownHolder');

  return (
    <>
      <PageTitle
        actions={
          <Group>
            <ExportButtons path="/api/v1/certificates" name="certificates" query={exportFilters} />
            <Button component={Link} to="/certificates/new">{t('certificate.new')}</Button>
          </Group>
        }
      >
        {t('certificate.title')}
      </PageTitle>
      <Group mb="md" align="end" wrap="wrap">
        <TextInput label={t('common.search')} defaultValue={params.get('q') ?? ''} onChange={(e) => set('q', e.currentTarget.value)} />
        <Select
          label={t('certificate.status')}
          clearable
          value={status}
          onChange={(value) => set('status', value)}
          data={CERTIFICATE_STATUSES.map((s) => ({ value: s, label: t(`status.certificate.${s}`) }))}
        />
        <Select
          label={t('certificate.factory')}
          clearable
          searchable
          value={params.get('factoryId')}
          onChange={(value) => set('factoryId', value)}
          data={factories.data?.items.map((f) => ({ value: f.id, label: f.name })) ?? []}
        />
        <Select
          label={t('certificate.standard')}
          clearable
          value={params.get('standard')}
          onChange={(value) => set('standard', value)}
          data={standards.data?.items.map((s) => s.code) ?? []}
        />
        <NumberInput
          label={t('certificate.expiringWithin')}
          min={0}
          w={160}
          value={expiring ?? ''}
          onChange={(value) => set('expiringWithinDays', value === '' ? null : String(value))}
        />
      </Group>
      <QueryView query={certificates}>
        {(page) => (
          <>
            <Total total={page.total} />
            <CertificateTable certificates={page.items} factoryName={factoryName} />
          </>
        )}
      </QueryView>
    </>
  );
}

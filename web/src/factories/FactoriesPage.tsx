import { Anchor, Button, Group, Modal, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Certificate, Factory } from '../api/models';
import { useCertificates } from '../certificates/api';
import { ExportButtons } from '../imports/ExportButtons';
import { Total } from '../shell/Pager';
import { DataTable } from '../shell/Table';
import { PageTitle, QueryView, StatusBadge, Tag } from '../shell/ui';
import { useFactories } from './api';
import { FactoryForm } from './FactoryForm';

/** Certificate status at a glance: how many of each status the factory holds. */
function CertificateSummary({ certificates }: { certificates: Certificate[] }) {
  const { t } = useTranslation();
  if (certificates.length === 0) return <>{t('factory.noCertificates')}</>;
  const counts = new Map<string, number>();
  for (const c of certificates) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  return (
    <Group gap={4}>
      {[...counts].map(([status, count]) => (
        <Tag key={status} color={status === 'active' ? 'green' : status === 'superseded' ? 'gray' : 'red'}>
          {t(`status.certificate.${status}`)} {count}
        </Tag>
      ))}
    </Group>
  );
}

export function FactoriesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = params.get('status') as Factory['status'] | null;
  const factories = useFactories({ ...(q ? { q } : {}), ...(status ? { status } : {}) });
  const certificates = useCertificates({ pageSize: 200 });
  const [opened, { open, close }] = useDisclosure();
  const navigate = useNavigate();
  const byFactory = (id: string) => certificates.data?.items.filter((c) => c.factoryId === id && c.status !== 'superseded') ?? [];

  return (
    <>
      <PageTitle
        actions={
          <Group>
            <ExportButtons path="/api/v1/factories" name="factories" query={{ ...(q ? { q } : {}), ...(status ? { status } : {}) }} />
            <Button onClick={open}>{t('factory.new')}</Button>
          </Group>
        }
      >
        {t('factory.title')}
      </PageTitle>
      <TextInput
        label={t('common.search')}
        maw={320}
        mb="md"
        defaultValue={q}
        onChange={(event) => setParams(event.currentTarget.value ? { q: event.currentTarget.value } : {}, { replace: true })}
      />
      <QueryView query={factories}>
        {(page) => (
          <>
            <Total total={page.total} />
            <DataTable
              caption={t('factory.title')}
              rows={page.items}
              rowKey={(f) => f.id}
              columns={[
                { label: t('factory.name'), render: (f) => <Anchor component={Link} to={`/factories/${f.id}`}>{f.name}</Anchor> },
                { label: t('factory.city'), render: (f) => [f.city, f.country].filter(Boolean).join(', ') },
                { label: t('factory.status'), render: (f) => <StatusBadge group="factory" status={f.status} /> },
                { label: t('factory.certificateStatus'), render: (f) => <CertificateSummary certificates={byFactory(f.id)} /> },
              ]}
            />
          </>
        )}
      </QueryView>
      <Modal opened={opened} onClose={close} title={t('factory.new')}>
        <FactoryForm onSaved={(f) => void navigate(`/factories/${f.id}`)} />
      </Modal>
    </>
  );
}

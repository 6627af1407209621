import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Certificate } from '../api/models';
import { DataTable } from '../shell/Table';
import { StatusBadge } from '../shell/ui';

export function CertificateTable({ certificates, factoryName }: { certificates: Certificate[]; factoryName?(id: string | null): string }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={t('certificate.title')}
      rows={certificates}
      rowKey={(c) => c.id}
      columns={[
        {
          label: t('certificate.number'),
          render: (c) => (
            <Anchor component={Link} to={`/certificates/${c.id}`}>
              {c.certificateNumber}
            </Anchor>
          ),
        },
        { label: t('certificate.standard'), render: (c) => c.standard },
        ...(factoryName ? [{ label: t('certificate.holder'), render: (c: Certificate) => factoryName(c.factoryId) }] : []),
        { label: t('certificate.expiresOn'), render: (c) => c.expiresOn },
        { label: t('certificate.daysUntilExpiry'), render: (c) => c.daysUntilExpiry },
        { label: t('certificate.nextSurveillance'), render: (c) => c.nextSurveillanceAuditOn ?? t('common.none') },
        { label: t('certificate.status'), render: (c) => <StatusBadge group="certificate" status={c.status} /> },
      ]}
    />
  );
}

import { Anchor, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useBuyers } from '../buyers/api';
import { useFactories } from '../factories/api';
import { Total } from '../shell/Pager';
import { DataTable } from '../shell/Table';
import { Empty, PageTitle, QueryView } from '../shell/ui';
import { useGaps } from './api';

/** /gaps?buyerId=… (the scope-gap notice's link). */
export function GapsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const buyerId = params.get('buyerId');
  const gaps = useGaps(buyerId ? { buyerId } : {});
  const buyers = useBuyers();
  const factories = useFactories();
  const buyerName = (id: string) => buyers.data?.items.find((b) => b.id === id)?.name ?? '';
  const factoryName = (id: string | null) => (id ? (factories.data?.items.find((f) => f.id === id)?.name ?? '') : t('common.none'));
  return (
    <>
      <PageTitle>{t('gap.title')}</PageTitle>
      <Select
        label={t('nav.buyers')}
        clearable
        maw={320}
        mb="md"
        value={buyerId}
        onChange={(v) => setParams(v ? { buyerId: v } : {}, { replace: true })}
        data={buyers.data?.items.map((b) => ({ value: b.id, label: b.name })) ?? []}
      />
      <QueryView query={gaps}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('gap.none')}</Empty>
          ) : (
            <>
              <Total total={page.total} />
              <DataTable
                rows={page.items}
                rowKey={(g) => `${g.requirementId}:${g.rule}:${g.factoryId ?? ''}:${g.certificateId ?? ''}`}
                columns={[
                  { label: t('nav.buyers'), render: (g) => <Anchor component={Link} to={`/buyers/${g.buyerId}`}>{buyerName(g.buyerId)}</Anchor> },
                  { label: t('certificate.standard'), render: (g) => g.standard },
                  { label: t('buyer.productCategory'), render: (g) => g.productCategory },
                  { label: t('certificate.factory'), render: (g) => factoryName(g.factoryId) },
                  { label: t('gap.rule'), render: (g) => t(`kinds.gapRule.${g.rule}`) },
                  { label: t('gap.explanation'), render: (g) => <Text size="sm">{g.explanation}</Text> },
                ]}
              />
            </>
          )
        }
      </QueryView>
    </>
  );
}

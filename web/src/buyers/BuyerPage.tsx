import { Anchor, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { saveBlob } from '../api/http';
import type { Buyer } from '../api/models';
import { useStandards } from '../certificates/api';
import { saveForm } from '../shell/forms';
import { DataTable } from '../shell/Table';
import { ErrorAlert, PageTitle, QueryView, Tag } from '../shell/ui';
import { ShareLinksSection } from '../share-links/ShareLinksSection';
import { downloadEvidencePack, useAddRequirement, useBuyer, useCoverage } from './api';

function RequirementForm({ buyerId }: { buyerId: string }) {
  const { t } = useTranslation();
  const standards = useStandards();
  const add = useAddRequirement(buyerId);
  const form = useForm({ initialValues: { standard: '', productCategory: '' } });
  return (
    <form onSubmit={form.onSubmit(async (v) => { if (await saveForm(form, () => add.mutateAsync(v), t('common.saved'))) form.reset(); })} noValidate>
      <Stack>
        <ErrorAlert error={add.error} />
        <Group align="end" wrap="wrap">
          <Select label={t('certificate.standard')} required data={standards.data?.items.map((s) => s.code) ?? []} {...form.getInputProps('standard')} />
          <TextInput label={t('buyer.productCategory')} required {...form.getInputProps('productCategory')} />
          <Button type="submit" loading={add.isPending}>{t('buyer.addRequirement')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

export function BuyerPage() {
  const { id } = useParams();
  const buyer = useBuyer(id);
  return <QueryView query={buyer}>{(b) => <BuyerView buyer={b} />}</QueryView>;
}

function BuyerView({ buyer }: { buyer: Buyer }) {
  const { t } = useTranslation();
  const coverage = useCoverage(buyer.id);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    setDownloading(true);
    setDownloadError(null);
    try {
      saveBlob(await downloadEvidencePack(buyer.id), `evidence-pack-${buyer.name}.pdf`);
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <>
      <PageTitle actions={<Button onClick={() => void download()} loading={downloading}>{t('buyer.evidencePack')}</Button>}>
        {buyer.name}
      </PageTitle>
      <Text mb="md">{buyer.country} · {buyer.contactEmail ?? t('common.none')}</Text>
      <ErrorAlert error={downloadError} />
      <Title order={2} size="h3" mb="xs">{t('buyer.coverage')}</Title>
      <QueryView query={coverage}>
        {(c) => (
          <DataTable
            rows={c.requirements}
            rowKey={(r) => r.requirementId}
            columns={[
              { label: t('certificate.standard'), render: (r) => r.standard },
              { label: t('buyer.productCategory'), render: (r) => r.productCategory },
              { label: t('certificate.status'), render: (r) => <Tag color={r.status === 'covered' ? 'green' : r.status === 'not_covered' ? 'red' : 'orange'}>{t(`kinds.coverage.${r.status}`)}</Tag> },
              { label: t('certificate.title'), render: (r) => r.certificate ? <Anchor component={Link} to={`/certificates/${r.certificate.id}`}>{r.certificate.certificateNumber}</Anchor> : t('common.none') },
              { label: t('gap.title'), render: (r) => r.gaps.map((g) => t(`kinds.gapRule.${g.rule}`)).join(t('common.listSeparator')) || t('common.none') },
            ]}
          />
        )}
      </QueryView>
      <Card withBorder mt="md">
        <Title order={2} size="h3" mb="xs">{t('buyer.addRequirement')}</Title>
        <RequirementForm buyerId={buyer.id} />
      </Card>
      <div style={{ marginTop: 'var(--mantine-spacing-lg)' }}>
        <ShareLinksSection buyerId={buyer.id} />
      </div>
    </>
  );
}

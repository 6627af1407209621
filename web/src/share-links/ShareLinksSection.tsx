import { Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatTimestamp } from '../shell/format';
import { optional, saveForm } from '../shell/forms';
import { DataTable } from '../shell/Table';
import { ErrorAlert, QueryView, StatusBadge } from '../shell/ui';
import { useCreateShareLink, useRevokeShareLink, useShareLinks, type CreatedShareLink } from './api';

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** On a buyer's page: expiring, revocable read-only links to the buyer's evidence. */
export function ShareLinksSection({ buyerId }: { buyerId: string }) {
  const { t } = useTranslation();
  const when = useFormatTimestamp();
  const links = useShareLinks(buyerId);
  const create = useCreateShareLink(buyerId);
  const revoke = useRevokeShareLink(buyerId);
  const [created, setCreated] = useState<CreatedShareLink | null>(null);
  const form = useForm({ initialValues: { expiresAt: inDays(90), label: '' } });
  const submit = form.onSubmit(async (v) => {
    const link = await saveForm(
      form,
      () => create.mutateAsync({ expiresAt: `${v.expiresAt}T23:59:59Z`, label: optional(v.label) }),
      t('common.saved'),
    );
    if (link) setCreated(link);
  });
  return (
    <section>
      <Title order={2} size="h3" mb="xs">{t('shareLink.title')}</Title>
      <Text size="sm" mb="sm">{t('shareLink.hint')}</Text>
      <Card withBorder mb="sm">
        <form onSubmit={submit} noValidate>
          <Stack>
            <ErrorAlert error={create.error} />
            <Group align="end" wrap="wrap">
              <TextInput type="date" label={t('shareLink.expiresAt')} required {...form.getInputProps('expiresAt')} />
              <TextInput label={t('shareLink.label')} {...form.getInputProps('label')} />
              <Button type="submit" loading={create.isPending}>{t('shareLink.create')}</Button>
            </Group>
            {created && (
              <div data-testid="share-link-created">
                <Text size="sm" fw={600}>{t('shareLink.created')}</Text>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{created.url}</Text>
                  <CopyButton value={created.url}>
                    {({ copied, copy }) => (
                      <Button size="xs" variant="default" onClick={copy}>{copied ? t('shareLink.copied') : t('shareLink.copy')}</Button>
                    )}
                  </CopyButton>
                </Group>
              </div>
            )}
          </Stack>
        </form>
      </Card>
      <ErrorAlert error={revoke.error} />
      <QueryView query={links}>
        {(rows) => (
          <DataTable
            rows={rows}
            rowKey={(l) => l.id}
            caption={t('shareLink.title')}
            columns={[
              { label: t('shareLink.label'), render: (l) => l.label ?? t('common.none') },
              { label: t('shareLink.expiresAt'), render: (l) => when(l.expiresAt) },
              { label: t('shareLink.status'), render: (l) => <StatusBadge group="shareLink" status={l.state} /> },
              {
                label: t('shareLink.visitsColumn'),
                render: (l) => (
                  <>
                    <Text size="sm">{t('shareLink.visits', { count: l.visitCount })}</Text>
                    <Text size="xs" c="dimmed">{l.lastVisitedAt ? t('shareLink.lastVisit', { date: when(l.lastVisitedAt) }) : t('shareLink.never')}</Text>
                  </>
                ),
              },
              {
                label: t('shareLink.revoke'),
                render: (l) =>
                  l.state === 'active' ? (
                    <Button size="xs" variant="default" color="red" onClick={() => revoke.mutate(l.id)}>{t('shareLink.revoke')}</Button>
                  ) : null,
              },
            ]}
          />
        )}
      </QueryView>
    </section>
  );
}

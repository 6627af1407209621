import { Alert, Badge, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/errors';

/** A translated sentence for any error: the API's code, else the network, else the status. */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) {
      const key = `errors.codes.${error.code ?? ''}`;
      if (error.code && i18n.exists(key)) return t(key);
      if (error.status === 404) return t('errors.notFoundText');
      if (error.status === 0) return t('errors.network');
      return t('errors.unknown', { status: error.status });
    }
    return t('errors.network');
  };
}

export function ErrorAlert({ error }: { error: unknown }) {
  const text = useErrorText();
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" title={t('errors.title')} role="alert">
      {text(error)}
    </Alert>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack align="center" py="xl" gap="sm" data-testid="not-found">
      <Title order={1}>{t('errors.notFound')}</Title>
      <Text>{t('errors.notFoundText')}</Text>
      <Button component={Link} to="/">
        {t('errors.goHome')}
      </Button>
    </Stack>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" aria-live="polite">
      <Loader size="sm" mr="sm" aria-hidden />
      <Text>{t('common.loading')}</Text>
    </Center>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Text c="dimmed" py="md">
      {children ?? t('common.empty')}
    </Text>
  );
}

/** Loading, not found and error states of a query, then its data. */
export function QueryView<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.error) {
    if (query.error instanceof ApiError && query.error.notFound) return <NotFound />;
    return <ErrorAlert error={query.error} />;
  }
  return <>{children(query.data as T)}</>;
}

const CERTIFICATE_COLORS: Record<string, string> = {
  active: 'green',
  suspended: 'orange',
  withdrawn: 'red',
  expired: 'red',
  superseded: 'gray',
  pending_review: 'blue',
  approved: 'green',
  rejected: 'red',
  sent: 'green',
  failed: 'red',
  pending: 'blue',
  done: 'green',
  skipped: 'gray',
  verified: 'green',
  unverified: 'gray',
  pending_registry: 'blue',
  draft: 'gray',
  negotiating: 'blue',
  signed: 'cyan',
  in_progress: 'blue',
  certified: 'green',
  terminated: 'gray',
  lapsed: 'red',
  prospect: 'gray',
  ended: 'gray',
  overdue: 'red',
  atRisk: 'orange',
  open: 'orange',
  action_proposed: 'blue',
  verified_closed: 'green',
  conditional: 'orange',
  not_approved: 'red',
  revoked: 'gray',
};

/** A badge with a coloured dot and text in the body colour: readable (WCAG AA contrast). */
export function Tag({ color, children }: { color: string; children: ReactNode }) {
  return (
    <Badge color={color} variant="dot" size="md" styles={{ root: { textTransform: 'none', color: 'var(--mantine-color-text)' } }}>
      {children}
    </Badge>
  );
}

/** A status name from the catalogue, coloured by what it means. */
export function StatusBadge({ group, status }: { group: string; status: string }) {
  const { t } = useTranslation();
  return <Tag color={CERTIFICATE_COLORS[status] ?? 'gray'}>{t(`status.${group}.${status}`)}</Tag>;
}

export function PageTitle({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  return (
    <Stack gap="xs" mb="md">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {children}
        </Title>
        {actions}
      </div>
    </Stack>
  );
}

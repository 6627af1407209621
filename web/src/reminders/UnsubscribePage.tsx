import { Alert, Button, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../shell/ui';
import { useUnsubscribeContact, useUnsubscribePreview } from './api';

/**
 * /unsubscribe?token=… (the link a factory contact's digest shows, no login). Opening the
 * page only reads what the link would do, so a mail scanner following it stops nothing:
 * the click on the button does, as the mail client's one-click POST (RFC 8058) does.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const preview = useUnsubscribePreview(token);
  const unsubscribe = useUnsubscribeContact();
  return (
    <Stack maw={480}>
      <Title order={1} size="h2">
        {t('unsubscribe.title')}
      </Title>
      {!token && <Alert color="red">{t('unsubscribe.noToken')}</Alert>}
      {preview.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      <ErrorAlert error={preview.error} />
      {unsubscribe.data ? (
        <Alert color="green" role="status">
          {t('unsubscribe.done', { email: unsubscribe.data.email })}
        </Alert>
      ) : (
        preview.data && (
          <>
            <Text>{t('unsubscribe.intro', { email: preview.data.email })}</Text>
            <ErrorAlert error={unsubscribe.error} />
            <Button onClick={() => unsubscribe.mutate(token)} loading={unsubscribe.isPending}>
              {t('unsubscribe.confirm')}
            </Button>
          </>
        )
      )}
    </Stack>
  );
}

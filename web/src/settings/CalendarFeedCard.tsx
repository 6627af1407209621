import { Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/http';
import { useApiMutation, useApiQuery } from '../api/queries';
import type { components } from '../api/schema';
import { ErrorAlert, QueryView } from '../shell/ui';

type CalendarFeed = components['schemas']['CalendarFeedResponse'];

function useCalendarFeed() {
  return useApiQuery(['calendar-feed'], () => unwrap<CalendarFeed>(api.GET('/api/v1/me/calendar-feed')));
}

function useRenewCalendarFeed() {
  return useApiMutation(() => unwrap<CalendarFeed>(api.POST('/api/v1/me/calendar-feed')), [['calendar-feed']]);
}

/** The person's private calendar feed URL, to copy into a calendar, and to renew if it leaked. */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const feed = useCalendarFeed();
  const renew = useRenewCalendarFeed();
  const onRenew = async () => {
    if (!window.confirm(t('settings.renewConfirm'))) return;
    await renew.mutateAsync(undefined).then(
      () => notifications.show({ message: t('settings.renewed'), color: 'green' }),
      () => null,
    );
  };
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="sm">{t('settings.calendar')}</Title>
      <Stack>
        <Text size="sm">{t('settings.calendarHelp')}</Text>
        <ErrorAlert error={renew.error} />
        <QueryView query={feed}>
          {(f) => (
            <Group align="end">
              <TextInput label={t('settings.calendarUrl')} value={f.url} readOnly style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
              <CopyButton value={f.url}>
                {({ copied, copy }) => <Button variant="default" onClick={copy}>{copied ? t('settings.copied') : t('settings.copy')}</Button>}
              </CopyButton>
              <Button variant="default" loading={renew.isPending} onClick={() => void onRenew()}>{t('settings.renew')}</Button>
            </Group>
          )}
        </QueryView>
      </Stack>
    </Card>
  );
}

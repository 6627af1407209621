import { Button, Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../auth/session';
import { useFormatTimestamp } from '../shell/format';
import { Total } from '../shell/Pager';
import { DataTable } from '../shell/Table';
import { ErrorAlert, PageTitle, QueryView, StatusBadge } from '../shell/ui';
import { useReminders, useRetryReminder } from './api';
import { AcknowledgeButton } from './AcknowledgeButton';

const KINDS = [
  'certificate_expiring',
  'certificate_expired',
  'surveillance_audit_due',
  'standard_edition_ending',
  'milestone_due',
  'milestone_overdue',
  'agreement_at_risk',
  'scope_gap',
  'verification_due',
];

/** /reminders?kind=… (the digest's "more of this kind" link): the log, with retry of failed ones. */
export function RemindersPage() {
  const { t, i18n } = useTranslation();
  const { role } = useSession();
  const when = useFormatTimestamp();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind');
  const state = params.get('state') as 'pending' | 'sent' | 'failed' | null;
  const reminders = useReminders({ ...(kind ? { kind } : {}), ...(state ? { state } : {}) });
  const retry = useRetryReminder();
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const kindName = (k: string) => (i18n.exists(`kinds.reminder.${k}`) ? t(`kinds.reminder.${k}`) : k);
  return (
    <>
      <PageTitle>{t('reminder.title')}</PageTitle>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', marginBottom: 16 }}>
        <Select label={t('reminder.kind')} clearable value={kind} onChange={(v) => set('kind', v)} data={KINDS.map((k) => ({ value: k, label: kindName(k) }))} />
        <Select label={t('reminder.state')} clearable value={state} onChange={(v) => set('state', v)} data={(['pending', 'sent', 'failed'] as const).map((s) => ({ value: s, label: t(`status.reminder.${s}`) }))} />
      </div>
      <ErrorAlert error={retry.error} />
      <QueryView query={reminders}>
        {(page) => (
          <>
            <Total total={page.total} />
            <DataTable
              rows={page.items}
              rowKey={(r) => r.id}
              columns={[
                { label: t('reminder.kind'), render: (r) => kindName(r.kind) },
                { label: t('reminder.recipient'), render: (r) => r.recipient },
                { label: t('reminder.dueOn'), render: (r) => r.dueOn },
                { label: t('reminder.state'), render: (r) => <StatusBadge group="reminder" status={r.state} /> },
                { label: t('reminder.attempts'), render: (r) => r.attempts },
                { label: t('reminder.sentAt'), render: (r) => when(r.sentAt) },
                { label: t('reminder.onIt'), render: (r) => <AcknowledgeButton reminder={r} /> },
                {
                  label: t('reminder.retry'),
                  render: (r) =>
                    r.state === 'failed' && role === 'admin' ? (
                      <Button size="xs" variant="outline" onClick={() => retry.mutate(r.id, { onSuccess: () => notifications.show({ message: t('reminder.retried'), withCloseButton: false }) })}>
                        {t('reminder.retry')}
                      </Button>
                    ) : null,
                },
              ]}
            />
          </>
        )}
      </QueryView>
    </>
  );
}

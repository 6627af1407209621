import { Anchor, SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { SubmissionStatus } from '../api/models';
import { useSession } from '../auth/session';
import { useFormatTimestamp } from '../shell/format';
import { Total } from '../shell/Pager';
import { DataTable } from '../shell/Table';
import { PageTitle, QueryView, StatusBadge } from '../shell/ui';
import { useSubmissions } from './api';

/** Staff: the review queue. A factory manager: their own submissions and the decisions. */
export function SubmissionsPage() {
  const { t } = useTranslation();
  const { isStaff } = useSession();
  const when = useFormatTimestamp();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? (isStaff ? 'pending_review' : '')) as SubmissionStatus | '';
  const submissions = useSubmissions(status ? { status } : {});
  return (
    <>
      <PageTitle>{isStaff ? t('submission.title') : t('submission.mine')}</PageTitle>
      <SegmentedControl
        mb="md"
        value={status || 'all'}
        onChange={(value) => setParams(value === 'all' ? { status: '' } : { status: value }, { replace: true })}
        data={[
          { value: 'pending_review', label: t('status.submission.pending_review') },
          { value: 'approved', label: t('status.submission.approved') },
          { value: 'rejected', label: t('status.submission.rejected') },
          { value: 'all', label: t('common.all') },
        ]}
        styles={{ root: { maxWidth: '100%', overflowX: 'auto' } }}
      />
      <QueryView query={submissions}>
        {(page) => (
          <>
            <Total total={page.total} />
            <DataTable
              rows={page.items}
              rowKey={(s) => s.id}
              columns={[
                { label: t('submission.kind'), render: (s) => <Anchor component={Link} to={`/submissions/${s.id}`}>{t(`kinds.submission.${s.kind}`)}</Anchor> },
                { label: t('certificate.number'), render: (s) => String((s.proposal.certificate as { certificateNumber?: string } | undefined)?.certificateNumber ?? '—') },
                { label: t('submission.submittedAt'), render: (s) => when(s.createdAt) },
                { label: t('certificate.status'), render: (s) => <StatusBadge group="submission" status={s.status} /> },
              ]}
            />
          </>
        )}
      </QueryView>
    </>
  );
}

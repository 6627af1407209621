import { Alert, Button, Card, Group, Progress, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';
import { DataTable } from '../shell/Table';
import { ErrorAlert, PageTitle, useErrorText } from '../shell/ui';
import { downloadTemplate, ImportKind, ImportPreview, useCommitImport, useImport, useUploadImport } from './api';

const ACCEPT = {
  'text/csv': ['.csv'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
};

type RowError = ImportPreview['errors'][number];

/** A row error in the reader's language, from its stable code and params. */
function RowErrorText({ error }: { error: RowError }) {
  const { t } = useTranslation();
  // A param the code's sentence names but this error lacks reads as empty, not as {{name}}.
  return <>{t(`imports.rowErrors.${error.code}`, { value: '', allowed: '', limit: '', row: '', ...error.params })}</>;
}

/** The counts of a preview, and the rows to fix as a table. */
function PreviewView({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Text>{t('imports.summary', { rows: preview.rows, valid: preview.valid, invalid: preview.invalid })}</Text>
      <Group gap="xl">
        <Text>{t('imports.created')}: <strong>{preview.created}</strong></Text>
        <Text>{t('imports.updated')}: <strong>{preview.updated}</strong></Text>
        <Text>{t('imports.unchanged')}: <strong>{preview.unchanged}</strong></Text>
      </Group>
      {preview.errors.length > 0 && (
        <>
          <Title order={3} size="h4">{t('imports.errors')}</Title>
          <Text size="sm" c="dimmed">{t('imports.errorsHelp')}</Text>
          <DataTable
            caption={t('imports.errors')}
            rows={preview.errors}
            rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
            columns={[
              { label: t('imports.row'), render: (e) => e.row },
              { label: t('imports.column'), render: (e) => e.column },
              { label: t('imports.problem'), render: (e) => <RowErrorText error={e} /> },
            ]}
          />
        </>
      )}
    </Stack>
  );
}

export function ImportsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [kind, setKind] = useState<ImportKind>('certificates');
  const [id, setId] = useState<string | null>(null);
  const [rejected, setRejected] = useState(false);
  const upload = useUploadImport();
  const commit = useCommitImport();
  const current = useImport(id);
  const preview = commit.data ?? current.data ?? upload.data;

  const reset = () => {
    setId(null);
    upload.reset();
    commit.reset();
  };
  const onDrop = async (files: File[]) => {
    setRejected(false);
    commit.reset();
    const answer = await upload.mutateAsync({ kind, file: files[0] }).catch(() => null);
    if (answer) setId(answer.id);
  };
  const busy = preview?.state === 'queued' || preview?.state === 'reading';

  return (
    <>
      <PageTitle>{t('imports.title')}</PageTitle>
      <Stack gap="lg">
        <Text>{t('imports.intro')}</Text>
        <Card withBorder>
          <Stack>
            <Text fw={500} id="import-kind">{t('imports.kind')}</Text>
            <SegmentedControl
              aria-labelledby="import-kind"
              value={kind}
              onChange={(value) => { setKind(value as ImportKind); reset(); }}
              data={[
                { value: 'certificates', label: t('imports.certificates') },
                { value: 'factories', label: t('imports.factories') },
              ]}
            />
            <Group>
              <Text>{t('imports.template')}:</Text>
              <Button variant="default" onClick={() => void downloadTemplate(kind, 'xlsx')}>{t('imports.templateXlsx')}</Button>
              <Button variant="default" onClick={() => void downloadTemplate(kind, 'csv')}>{t('imports.templateCsv')}</Button>
            </Group>
          </Stack>
        </Card>
        {!preview || preview.state === 'failed' ? (
          <Dropzone
            onDrop={(files) => void onDrop(files)}
            onReject={() => setRejected(true)}
            accept={ACCEPT}
            maxFiles={1}
            multiple={false}
            loading={upload.isPending}
            aria-label={t('imports.drop')}
          >
            <Stack align="center" gap={4} py="xl">
              <Text size="lg">{t('imports.drop')}</Text>
              <Text size="sm" c="dimmed">{t('imports.dropHint')}</Text>
            </Stack>
          </Dropzone>
        ) : null}
        {rejected && <Alert color="red">{t('imports.rejected')}</Alert>}
        <ErrorAlert error={upload.error} />
        {preview?.state === 'failed' && (
          <Alert color="red" title={t('imports.failed')}>
            {errorText(new ApiError(400, preview.failureMessage ?? '', preview.failureCode ?? undefined, []))}
          </Alert>
        )}
        {busy && preview && (
          <Stack gap={4}>
            <Text>{t('imports.reading', { percent: preview.progress })}</Text>
            <Progress value={preview.progress} animated aria-label={t('imports.reading', { percent: preview.progress })} />
          </Stack>
        )}
        {preview && (preview.state === 'ready' || preview.state === 'committed') && (
          <Card withBorder>
            <Stack>
              <PreviewView preview={preview} />
              <ErrorAlert error={commit.error} />
              {preview.state === 'committed' ? (
                <Alert color="green">{t('imports.committed', { created: preview.created, updated: preview.updated })}</Alert>
              ) : preview.created + preview.updated === 0 ? (
                <Alert color="gray">{t('imports.nothingToCommit')}</Alert>
              ) : (
                <Button loading={commit.isPending} onClick={() => void commit.mutateAsync(preview.id).catch(() => null)}>
                  {t('imports.commit', { count: preview.created + preview.updated })}
                </Button>
              )}
              <Button variant="subtle" onClick={reset}>{t('imports.another')}</Button>
            </Stack>
          </Card>
        )}
      </Stack>
    </>
  );
}

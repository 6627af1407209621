import { FileButton, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UPLOAD_ACCEPT } from '../certificates/CertificatePage';
import { ErrorAlert } from '../shell/ui';

/**
 * A photo from the phone's camera or a PDF: `accept` lets the phone offer the camera,
 * `capture` opens it directly where the browser supports it.
 */
export function FileField({
  file,
  onChange,
  progress,
  label,
  hint,
}: {
  file: File | null;
  onChange(file: File | null): void;
  progress: number | null;
  /** What the file is (default: the certificate file of a submission). */
  label?: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>{label ?? t('submission.file')}</Text>
      <Text size="xs" c="dimmed" mb={6}>{hint ?? t('submission.fileHint')}</Text>
      <Group gap="sm" wrap="wrap">
        <FileButton onChange={onChange} accept={UPLOAD_ACCEPT} inputProps={{ capture: 'environment', 'aria-label': label ?? t('submission.file') } as never}>
          {(props) => (
            <Button variant="default" {...props}>
              {t('submission.chooseFile')}
            </Button>
          )}
        </FileButton>
        {file && <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{file.name}</Text>}
      </Group>
      {progress !== null && (
        <>
          <Progress value={progress} mt="xs" aria-label={t('submission.uploading', { percent: progress })} />
          <Text size="xs" aria-live="polite">{t('submission.uploading', { percent: progress })}</Text>
        </>
      )}
    </div>
  );
}

/** An upload mutation as the feature hooks make them (file and progress in, any answer out). */
interface UploadMutation {
  mutateAsync(input: { file: File; onProgress(percent: number): void }): Promise<unknown>;
  isPending: boolean;
  error: unknown;
}

/** Choose a file, send it with progress, and start again empty once it is stored. */
export function FileUpload({ upload, label, hint, action }: { upload: UploadMutation; label: string; hint: string; action: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const send = () => {
    if (!file) return;
    setProgress(0);
    void upload.mutateAsync({ file, onProgress: setProgress }).then(
      () => {
        setFile(null);
        setProgress(null);
      },
      () => setProgress(null),
    );
  };
  return (
    <Stack gap="xs">
      <ErrorAlert error={upload.error} />
      <FileField file={file} onChange={setFile} progress={progress} label={label} hint={hint} />
      <Group justify="flex-end">
        <Button disabled={!file} loading={upload.isPending} onClick={send}>
          {action}
        </Button>
      </Group>
    </Stack>
  );
}

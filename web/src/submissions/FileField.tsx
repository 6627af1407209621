import { FileButton, Button, Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UPLOAD_ACCEPT } from '../certificates/CertificatePage';

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

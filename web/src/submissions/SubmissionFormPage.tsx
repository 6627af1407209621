import { Button, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { fieldErrors } from '../api/errors';
import { untypedBody } from '../api/http';
import type { Certificate, Submission, SubmissionKind } from '../api/models';
import { useSession } from '../auth/session';
import { useCertificate } from '../certificates/api';
import { certificateBody, CertificateFields, certificateValues } from '../certificates/CertificateFields';
import { ErrorAlert, PageTitle, QueryView } from '../shell/ui';
import { uploadSubmissionDocument, useCreateSubmission } from './api';
import { FileField } from './FileField';

/**
 * /submissions/new?certificateId=… (the digest's link): a renewal of that certificate,
 * its fields prefilled; without a certificate, a new one. A photo or PDF goes with it.
 */
export function SubmissionFormPage() {
  const [params] = useSearchParams();
  const certificateId = params.get('certificateId');
  const certificate = useCertificate(certificateId);
  if (!certificateId) return <SubmissionForm />;
  return <QueryView query={certificate}>{(c) => <SubmissionForm certificate={c} />}</QueryView>;
}

function SubmissionForm({ certificate }: { certificate?: Certificate }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const [params] = useSearchParams();
  const create = useCreateSubmission();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [saved, setSaved] = useState<Submission | null>(null);
  const kinds: SubmissionKind[] = certificate ? ['renewal', 'surveillance_audit', 'status_change'] : ['new_certificate'];
  const initialKind = (params.get('kind') as SubmissionKind | null) ?? kinds[0];
  const form = useForm({
    initialValues: {
      kind: kinds.includes(initialKind) ? initialKind : kinds[0],
      ...certificateValues(certificate, true),
      status: 'suspended',
      note: '',
    },
  });
  const kind = form.values.kind;

  const submit = form.onSubmit(async (values) => {
    setUploadError(null);
    try {
      // a failed upload keeps the submission made: only the file is sent again
      const submission =
        saved ??
        (await create.mutateAsync(untypedBody({
          kind: values.kind,
          ...(certificate ? { certificateId: certificate.id } : { factoryId: user?.factoryId ?? null }),
          ...(values.kind === 'renewal' || values.kind === 'new_certificate'
            ? { certificate: certificateBody(values) }
            : {}),
          ...(values.kind === 'status_change' ? { status: values.status as 'suspended' | 'withdrawn' } : {}),
          ...(values.kind === 'surveillance_audit' ? { nextSurveillanceAuditOn: values.nextSurveillanceAuditOn } : {}),
          note: values.note.trim() || null,
        })));
      setSaved(submission);
      if (file) {
        setProgress(0);
        try {
          await uploadSubmissionDocument(submission.id, file, setProgress);
        } catch (error) {
          setUploadError(error);
          setProgress(null);
          return;
        }
      }
      void navigate(`/submissions/${submission.id}`);
    } catch (error) {
      form.setErrors(fieldErrors(error));
    }
  });

  return (
    <>
      <PageTitle>
        {certificate
          ? t('submission.renewalOf', { standard: certificate.standard, number: certificate.certificateNumber })
          : t('submission.newTitle')}
      </PageTitle>
      <form onSubmit={submit} noValidate>
        <Stack maw={760}>
          <ErrorAlert error={create.error ?? uploadError} />
          {kinds.length > 1 && (
            <Select
              label={t('submission.kind')}
              allowDeselect={false}
              data={kinds.map((k) => ({ value: k, label: t(`kinds.submission.${k}`) }))}
              {...form.getInputProps('kind')}
            />
          )}
          {(kind === 'renewal' || kind === 'new_certificate') && (
            <>
              <FileField file={file} onChange={setFile} progress={progress} />
              <CertificateFields form={form} />
            </>
          )}
          {kind === 'status_change' && (
            <Select
              label={t('submission.newStatus')}
              allowDeselect={false}
              data={(['suspended', 'withdrawn'] as const).map((s) => ({ value: s, label: t(`status.certificate.${s}`) }))}
              {...form.getInputProps('status')}
            />
          )}
          {kind === 'surveillance_audit' && (
            <TextInput type="date" label={t('submission.auditDate')} required {...form.getInputProps('nextSurveillanceAuditOn')} />
          )}
          {(kind === 'status_change' || kind === 'surveillance_audit') && (
            <FileField file={file} onChange={setFile} progress={progress} />
          )}
          <Textarea label={t('submission.note')} autosize minRows={2} {...form.getInputProps('note')} />
          <Button type="submit" loading={create.isPending || (progress !== null && progress < 100)}>
            {t('submission.send')}
          </Button>
        </Stack>
      </form>
    </>
  );
}

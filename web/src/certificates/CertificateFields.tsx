import { Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Certificate } from '../api/models';
import { optional } from '../shell/forms';
import { splitList } from '../shell/format';
import { useStandards } from './api';

export interface CertificateValues {
  standard: string;
  certificateNumber: string;
  certificationBody: string;
  accreditationBody: string;
  scope: string;
  sites: string;
  productCategories: string;
  issuedOn: string;
  expiresOn: string;
  nextSurveillanceAuditOn: string;
}

/** A form's starting values: a certificate's own (edit), or those a renewal keeps (renew: no dates, no number). */
export function certificateValues(certificate?: Certificate, renewal = false): CertificateValues {
  return {
    standard: certificate?.standard ?? '',
    certificateNumber: renewal ? '' : (certificate?.certificateNumber ?? ''),
    certificationBody: certificate?.certificationBody ?? '',
    accreditationBody: certificate?.accreditationBody ?? '',
    scope: certificate?.scope ?? '',
    sites: certificate?.sites.join(', ') ?? '',
    productCategories: certificate?.productCategories.join(', ') ?? '',
    issuedOn: renewal ? '' : (certificate?.issuedOn ?? ''),
    expiresOn: renewal ? '' : (certificate?.expiresOn ?? ''),
    nextSurveillanceAuditOn: renewal ? '' : (certificate?.nextSurveillanceAuditOn ?? ''),
  };
}

/** The API body of the values: empty optional fields left out, lists split. */
export function certificateBody(values: CertificateValues) {
  return {
    standard: values.standard,
    certificateNumber: values.certificateNumber.trim(),
    certificationBody: values.certificationBody.trim(),
    accreditationBody: optional(values.accreditationBody) ?? null,
    scope: values.scope.trim(),
    sites: splitList(values.sites),
    productCategories: splitList(values.productCategories),
    issuedOn: values.issuedOn,
    expiresOn: values.expiresOn,
    nextSurveillanceAuditOn: optional(values.nextSurveillanceAuditOn) ?? null,
  };
}

/** The fields of a certificate; dates are the phone's own date picker. */
export function CertificateFields<T extends CertificateValues>({ form }: { form: UseFormReturnType<T> }) {
  const { t } = useTranslation();
  const standards = useStandards();
  return (
    <>
      <Select
        label={t('certificate.standard')}
        required
        searchable
        data={standards.data?.items.map((s) => ({ value: s.code, label: `${s.code} · ${s.title}` })) ?? []}
        {...form.getInputProps('standard')}
      />
      <TextInput label={t('certificate.number')} required {...form.getInputProps('certificateNumber')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('certificate.certificationBody')} required {...form.getInputProps('certificationBody')} />
        <TextInput label={t('certificate.accreditationBody')} {...form.getInputProps('accreditationBody')} />
      </SimpleGrid>
      <Textarea label={t('certificate.scope')} required autosize minRows={2} {...form.getInputProps('scope')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('certificate.productCategories')} description={t('factory.productCategoriesHint')} {...form.getInputProps('productCategories')} />
        <TextInput label={t('certificate.sites')} description={t('factory.productCategoriesHint')} {...form.getInputProps('sites')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput type="date" label={t('certificate.issuedOn')} required {...form.getInputProps('issuedOn')} />
        <TextInput type="date" label={t('certificate.expiresOn')} required {...form.getInputProps('expiresOn')} />
        <TextInput type="date" label={t('certificate.nextSurveillance')} {...form.getInputProps('nextSurveillanceAuditOn')} />
      </SimpleGrid>
    </>
  );
}

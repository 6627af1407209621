import { Button, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { untypedBody } from '../api/http';
import { FACTORY_STATUSES, type Factory } from '../api/models';
import { saveForm, optional } from '../shell/forms';
import { splitList } from '../shell/format';
import { ErrorAlert } from '../shell/ui';
import { useCreateFactory, useUpdateFactory } from './api';

export function FactoryForm({ factory, onSaved }: { factory?: Factory; onSaved(factory: Factory): void }) {
  const { t } = useTranslation();
  const create = useCreateFactory();
  const update = useUpdateFactory(factory?.id ?? '');
  const mutation = factory ? update : create;
  const form = useForm({
    initialValues: {
      name: factory?.name ?? '',
      country: factory?.country ?? 'CN',
      city: factory?.city ?? '',
      licenseNumber: factory?.licenseNumber ?? '',
      businessScope: factory?.businessScope ?? '',
      contactEmail: factory?.contactEmail ?? '',
      // A new factory's contact reads Chinese for CN, English otherwise, unless chosen here.
      contactLocale: (factory?.contactLocale ?? null) as string | null,
      productCategories: factory?.productCategories.join(', ') ?? '',
      status: factory?.status ?? 'active',
    },
  });

  const submit = form.onSubmit(async (values) => {
    const body = {
      name: values.name,
      country: values.country.trim().toUpperCase(),
      city: optional(values.city),
      licenseNumber: optional(values.licenseNumber),
      businessScope: optional(values.businessScope),
      contactEmail: optional(values.contactEmail),
      ...(values.contactLocale ? { contactLocale: values.contactLocale } : {}),
      productCategories: splitList(values.productCategories),
      status: values.status as Factory['status'],
    };
    const saved = await saveForm(form, () => mutation.mutateAsync(untypedBody(body)), t('common.saved'));
    if (saved) onSaved(saved);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={mutation.error} />
        <TextInput label={t('factory.name')} required {...form.getInputProps('name')} />
        <TextInput label={t('factory.country')} required maxLength={2} {...form.getInputProps('country')} />
        <TextInput label={t('factory.city')} {...form.getInputProps('city')} />
        <TextInput label={t('factory.licenseNumber')} {...form.getInputProps('licenseNumber')} />
        <Textarea label={t('factory.businessScope')} autosize minRows={2} {...form.getInputProps('businessScope')} />
        <TextInput label={t('factory.contactEmail')} type="email" {...form.getInputProps('contactEmail')} />
        <Select
          label={t('factory.contactLocale')}
          placeholder={t('factory.contactLocaleByCountry')}
          data={[
            { value: 'zh-CN', label: t('language.zh-CN') },
            { value: 'en', label: t('language.en') },
          ]}
          allowDeselect={!factory}
          {...form.getInputProps('contactLocale')}
        />
        <TextInput
          label={t('factory.productCategories')}
          description={t('factory.productCategoriesHint')}
          {...form.getInputProps('productCategories')}
        />
        <Select
          label={t('factory.status')}
          data={FACTORY_STATUSES.map((s) => ({ value: s, label: t(`status.factory.${s}`) }))}
          allowDeselect={false}
          {...form.getInputProps('status')}
        />
        <Button type="submit" loading={mutation.isPending}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}

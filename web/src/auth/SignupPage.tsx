import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { fieldErrors } from '../api/errors';
import { toLanguage } from '../i18n';
import { ErrorAlert } from '../shell/ui';
import { useSignup } from './api';
import { AuthCard } from './LoginPage';
import { useSession } from './session';

export function SignupPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const signup = useSignup();
  const form = useForm({
    initialValues: { organizationName: '', name: '', email: '', password: '' },
  });
  if (session.user) return <Navigate to="/" replace />;

  const submit = form.onSubmit(async (values) => {
    try {
      const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      session.signIn(
        await signup.mutateAsync({
          ...values,
          locale: toLanguage(i18n.language) ?? 'en',
          ...(timezone ? { timezone } : {}),
        }),
      );
      void navigate('/', { replace: true });
    } catch (error) {
      form.setErrors(fieldErrors(error));
    }
  });

  return (
    <AuthCard title={t('auth.signupTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={signup.error} />
          <TextInput label={t('auth.organizationName')} required {...form.getInputProps('organizationName')} />
          <TextInput label={t('auth.name')} autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordInput
            label={t('auth.password')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={signup.isPending}>
            {t('auth.signup')}
          </Button>
          <Text size="sm">
            {t('auth.haveAccount')}{' '}
            <Anchor component={Link} to="/login">
              {t('auth.login')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}

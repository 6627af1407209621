import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { fieldErrors } from '../api/errors';
import { ErrorAlert } from '../shell/ui';
import { useLogin } from './api';
import { useSession } from './session';

/** Only a path of this app, never another site (an open redirect). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function AuthCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder shadow="sm" p="lg" maw={420} mx="auto" mt="xl" radius="md">
      <Title order={1} size="h2" mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const session = useSession();
  const navigate = useNavigate();
  const login = useLogin();
  const form = useForm({ initialValues: { email: '', password: '' } });

  if (session.user) return <Navigate to={next} replace />;

  const submit = form.onSubmit(async (values) => {
    try {
      session.signIn(await login.mutateAsync(values));
      void navigate(next, { replace: true });
    } catch (error) {
      form.setErrors(fieldErrors(error));
    }
  });

  return (
    <AuthCard title={t('auth.loginTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {params.get('expired') && <Alert color="yellow">{t('auth.sessionExpired')}</Alert>}
          {params.get('reset') && <Alert color="green">{t('auth.passwordReset')}</Alert>}
          <ErrorAlert error={login.error} />
          <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordInput label={t('auth.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
          <Button type="submit" loading={login.isPending}>
            {t('auth.login')}
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('auth.forgotPassword')}
          </Anchor>
          <Text size="sm">
            {t('auth.noAccount')}{' '}
            <Anchor component={Link} to="/signup">
              {t('auth.signup')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}

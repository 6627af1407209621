import { Alert, Anchor, Button, Card, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fieldErrors } from '../api/errors';
import { ErrorAlert } from '../shell/ui';
import { useChangePassword, useConfirmPasswordReset, useRequestPasswordReset } from './api';
import { AuthCard } from './LoginPage';
import { useSession } from './session';

/** /forgot-password: asks for the email; the answer is the same whether it has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const form = useForm({ initialValues: { email: '' } });
  const submit = form.onSubmit(async (values) => {
    try {
      await request.mutateAsync(values);
    } catch (error) {
      form.setErrors(fieldErrors(error));
    }
  });
  return (
    <AuthCard title={t('auth.forgotTitle')}>
      {request.isSuccess ? (
        <Stack>
          <Alert color="green">{t('auth.resetSent')}</Alert>
          <Anchor component={Link} to="/login">{t('auth.backToLogin')}</Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text>{t('auth.forgotIntro')}</Text>
            <ErrorAlert error={request.error} />
            <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
            <Button type="submit" loading={request.isPending}>{t('auth.sendResetLink')}</Button>
            <Anchor component={Link} to="/login" size="sm">{t('auth.backToLogin')}</Anchor>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}

/** /reset-password?token=…: the page the mailed link opens. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  const navigate = useNavigate();
  const confirm = useConfirmPasswordReset();
  const form = useForm({ initialValues: { password: '' } });
  const submit = form.onSubmit(async ({ password }) => {
    try {
      await confirm.mutateAsync({ token: token ?? '', password });
      void navigate('/login?reset=1', { replace: true });
    } catch (error) {
      form.setErrors(fieldErrors(error));
    }
  });
  return (
    <AuthCard title={t('auth.resetTitle')}>
      {!token ? (
        <Alert color="red">{t('auth.resetMissingToken')}</Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <ErrorAlert error={confirm.error} />
            <PasswordInput
              label={t('auth.newPassword')}
              description={t('auth.strongPasswordHint')}
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={confirm.isPending}>{t('auth.setNewPassword')}</Button>
            <Anchor component={Link} to="/forgot-password" size="sm">{t('auth.askNewLink')}</Anchor>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}

/** Changing one's own password (every other session ends; this one goes on with a new token). */
export function ChangePasswordCard() {
  const { t } = useTranslation();
  const session = useSession();
  const change = useChangePassword();
  const form = useForm({ initialValues: { currentPassword: '', newPassword: '' } });
  const submit = form.onSubmit(async (values) => {
    try {
      session.signIn(await change.mutateAsync(values));
      form.reset();
      notifications.show({ color: 'green', message: t('auth.passwordChanged') });
    } catch (error) {
      form.setErrors(fieldErrors(error));
    }
  });
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="sm">{t('auth.changePasswordTitle')}</Title>
      <form onSubmit={submit} noValidate>
        <Stack maw={420}>
          <Text size="sm">{t('auth.changePasswordIntro')}</Text>
          <ErrorAlert error={change.error} />
          <PasswordInput label={t('auth.currentPassword')} autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
          <PasswordInput
            label={t('auth.newPassword')}
            description={t('auth.strongPasswordHint')}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <Button type="submit" loading={change.isPending}>{t('auth.changePassword')}</Button>
        </Stack>
      </form>
    </Card>
  );
}

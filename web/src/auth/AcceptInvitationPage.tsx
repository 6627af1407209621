import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { fieldErrors } from '../api/errors';
import { ErrorAlert } from '../shell/ui';
import { useAcceptInvitation } from './api';
import { AuthCard } from './LoginPage';
import { useSession } from './session';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  const session = useSession();
  const navigate = useNavigate();
  const accept = useAcceptInvitation();
  const form = useForm({ initialValues: { password: '' } });

  const submit = form.onSubmit(async ({ password }) => {
    try {
      session.signIn(await accept.mutateAsync({ token: token ?? '', password }));
      void navigate('/', { replace: true });
    } catch (error) {
      form.setErrors(fieldErrors(error));
    }
  });

  return (
    <AuthCard title={t('auth.acceptTitle')}>
      {!token ? (
        <Alert color="red">{t('auth.missingToken')}</Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text>{t('auth.acceptIntro')}</Text>
            <ErrorAlert error={accept.error} />
            <PasswordInput
              label={t('auth.choosePassword')}
              description={t('auth.passwordHint')}
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={accept.isPending}>
              {t('auth.accept')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}

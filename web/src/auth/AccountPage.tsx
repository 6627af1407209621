import { useTranslation } from 'react-i18next';
import { PageTitle } from '../shell/ui';
import { ChangePasswordCard } from './PasswordPages';

/** /account: what every user manages for themselves (their password). */
export function AccountPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('auth.accountTitle')}</PageTitle>
      <ChangePasswordCard />
    </>
  );
}

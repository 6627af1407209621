import { Route, Routes } from 'react-router';
import { AccountPage } from './auth/AccountPage';
import { AgreementPage } from './agreements/AgreementPage';
import { AgreementsPage } from './agreements/AgreementsPage';
import { AuditPage } from './audits/AuditPage';
import { FindingPage } from './audits/FindingPage';
import { useSession } from './auth/session';
import { BuyerPage } from './buyers/BuyerPage';
import { BuyersPage } from './buyers/BuyersPage';
import { CertificateFormPage } from './certificates/CertificateFormPage';
import { CertificatePage } from './certificates/CertificatePage';
import { CertificatesPage } from './certificates/CertificatesPage';
import { DashboardPage } from './dashboard/DashboardPage';
import { FactoriesPage } from './factories/FactoriesPage';
import { FactoryPage } from './factories/FactoryPage';
import { GapsPage } from './gaps/GapsPage';
import { ImportsPage } from './imports/ImportsPage';
import { PortalHome } from './portal/PortalHome';
import { RemindersPage } from './reminders/RemindersPage';
import { SettingsPage } from './settings/SettingsPage';
import { NotFound } from './shell/ui';
import { SubmissionFormPage } from './submissions/SubmissionFormPage';
import { SubmissionPage } from './submissions/SubmissionPage';
import { SubmissionsPage } from './submissions/SubmissionsPage';

/**
 * The signed-in pages. Paths mirror the API's (`/certificates/:id` ↔ `/api/v1/certificates/:id`),
 * so every link an email carries opens its page. A factory manager's start page is their
 * factory; staff-only pages answer "not found" to them, as the API does.
 */
export function AppRoutes() {
  const { isStaff } = useSession();
  return (
    <Routes>
      <Route path="/" element={isStaff ? <DashboardPage /> : <PortalHome />} />
      <Route path="/certificates/:id" element={<CertificatePage />} />
      <Route path="/certificates/:id/verifications" element={<CertificatePage tab="verifications" />} />
      <Route path="/submissions" element={<SubmissionsPage />} />
      <Route path="/submissions/new" element={<SubmissionFormPage />} />
      <Route path="/submissions/:id" element={<SubmissionPage />} />
      <Route path="/agreements" element={<AgreementsPage />} />
      <Route path="/agreements/:id" element={<AgreementPage />} />
      <Route path="/audits/:id" element={<AuditPage />} />
      <Route path="/findings/:id" element={<FindingPage />} />
      <Route path="/account" element={<AccountPage />} />
      {isStaff && (
        <>
          <Route path="/factories" element={<FactoriesPage />} />
          <Route path="/factories/:id" element={<FactoryPage />} />
          <Route path="/certificates" element={<CertificatesPage />} />
          <Route path="/certificates/new" element={<CertificateFormPage mode="create" />} />
          <Route path="/certificates/:id/edit" element={<CertificateFormPage mode="edit" />} />
          <Route path="/certificates/:id/renew" element={<CertificateFormPage mode="renew" />} />
          <Route path="/buyers" element={<BuyersPage />} />
          <Route path="/buyers/:id" element={<BuyerPage />} />
          <Route path="/gaps" element={<GapsPage />} />
          <Route path="/reminders" element={<RemindersPage />} />
          <Route path="/imports" element={<ImportsPage />} />
          <Route path="/settings" element={<SettingsPage />} />
        </>
      )}
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

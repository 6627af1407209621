import { createTheme, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError } from './api/errors';
import { AcceptInvitationPage } from './auth/AcceptInvitationPage';
import { LoginPage } from './auth/LoginPage';
import { ForgotPasswordPage, ResetPasswordPage } from './auth/PasswordPages';
import { RequireAuth, SessionProvider } from './auth/session';
import { SignupPage } from './auth/SignupPage';
import { AppRoutes } from './routes';
import { SharedEvidencePage } from './share-links/SharedEvidencePage';
import { AcknowledgeLinkPage } from './reminders/AcknowledgeLinkPage';
import { UnsubscribePage } from './reminders/UnsubscribePage';
import { PublicLayout, SignedInLayout } from './shell/Layout';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a network hiccup might.
      retry: (count, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
      staleTime: 10_000,
    },
  },
});

// Shade 8 of blue and gray 7 for dimmed text: WCAG AA contrast on white (Mantine's defaults fall short).
// Someone who asked their phone for less motion gets no sliding notifications or fading modals.
const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  defaultRadius: 'sm',
  respectReducedMotion: true,
});
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-center" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <SessionProvider>
            <Routes>
              <Route element={<PublicLayout />}>
                <Route path="/login" element={<LoginPage />} />
                <Route path="/signup" element={<SignupPage />} />
                <Route path="/accept-invitation" element={<AcceptInvitationPage />} />
                <Route path="/forgot-password" element={<ForgotPasswordPage />} />
                <Route path="/reset-password" element={<ResetPasswordPage />} />
                <Route path="/shared/:token" element={<SharedEvidencePage />} />
                <Route path="/acknowledge" element={<AcknowledgeLinkPage />} />
                <Route path="/unsubscribe" element={<UnsubscribePage />} />
              </Route>
              <Route
                element={
                  <RequireAuth>
                    <SignedInLayout />
                  </RequireAuth>
                }
              >
                <Route path="*" element={<AppRoutes />} />
              </Route>
            </Routes>
          </SessionProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}

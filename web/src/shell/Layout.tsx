import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/session';
import { LanguageSwitch } from './LanguageSwitch';

const STAFF_NAV = [
  ['/', 'nav.dashboard'],
  ['/factories', 'nav.factories'],
  ['/certificates', 'nav.certificates'],
  ['/agreements', 'nav.agreements'],
  ['/buyers', 'nav.buyers'],
  ['/gaps', 'nav.gaps'],
  ['/submissions', 'nav.submissions'],
  ['/reminders', 'nav.reminders'],
  ['/imports', 'nav.imports'],
  ['/settings', 'nav.settings'],
  ['/account', 'nav.account'],
] as const;

const MANAGER_NAV = [
  ['/', 'nav.myFactory'],
  ['/submissions', 'nav.mySubmissions'],
  ['/agreements', 'nav.myMilestones'],
  ['/account', 'nav.account'],
] as const;

function isCurrent(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

function Brand() {
  const { t } = useTranslation();
  return (
    <Text component={Link} to="/" fw={700} size="lg" c="blue.8" style={{ textDecoration: 'none' }}>
      {t('app.name')}
    </Text>
  );
}

/** Before login: the brand and the language switch, then the page. */
export function PublicLayout() {
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Brand />
          <LanguageSwitch />
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <main>
          <Outlet />
        </main>
      </AppShell.Main>
    </AppShell>
  );
}

/**
 * Logged in. Trader staff get a side navigation (a drawer on a phone); a factory
 * manager gets three links in the header, made for a phone first.
 */
export function SignedInLayout() {
  const { t } = useTranslation();
  const { user, isStaff, signOut } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const nav = isStaff ? STAFF_NAV : MANAGER_NAV;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Brand />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <Button variant="subtle" size="xs" onClick={signOut} visibleFrom="xs">
              {t('nav.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.menu')}>
        <ScrollArea>
          <nav>
            {nav.map(([to, label]) => (
              <NavLink
                key={to}
                component={Link}
                to={to}
                label={t(label)}
                active={isCurrent(pathname, to)}
                variant="filled"
                onClick={close}
              />
            ))}
            <NavLink component="button" label={t('nav.logout')} onClick={signOut} />
          </nav>
          {user && (
            <Text size="xs" c="dimmed" mt="md" px="sm">
              {t('auth.loggedInAs', { name: user.name })} · {t(`roles.${user.role}`)}
            </Text>
          )}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <main style={{ maxWidth: 1200, minWidth: 0 }}>
          <Outlet />
        </main>
      </AppShell.Main>
    </AppShell>
  );
}

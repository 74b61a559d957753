import {
  AppShell,
  Avatar,
  Burger,
  Button,
  Group,
  Menu,
  NavLink,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { signOut } from '../api/auth';
import { LanguageSwitch } from '../lib/LanguageSwitch';
import { NotificationBell } from '../lib/NotificationBell';
import { ProvinceProvider } from '../lib/province';
import { useSession } from '../lib/session';
import { Loading } from '../lib/ui';
import { type AppRoute, appRoutes } from './routes';

function routeLabel(r: AppRoute, t: (k: string) => string): string {
  return t(r.label);
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(-2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

function UserMenu() {
  const { t } = useTranslation();
  const { me, setMe } = useSession();
  const navigate = useNavigate();
  if (!me) return null;
  const out = async (everywhere: boolean) => {
    try {
      const { sessionsEnded } = await signOut(everywhere);
      if (everywhere) notifications.show({ message: t('app.signedOutEverywhere', { count: sessionsEnded }) });
    } catch {
      // The session may already be gone; signing out locally is what matters.
    }
    setMe(null);
    navigate('/sign-in', { replace: true });
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={`${t('app.userMenu')}: ${me.user.displayName}`}
          px="xs"
          py={4}
          style={{ borderRadius: 4 }}
        >
          <Text size="sm" fw={600} c="white" truncate maw={160} visibleFrom="sm">
            {me.user.displayName}
          </Text>
          <Avatar size={32} color="white" variant="outline" hiddenFrom="sm" aria-hidden>
            {initials(me.user.displayName)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.username}</Menu.Label>
        <Menu.Item component={Link} to="/profile">
          {t('app.profile')}
        </Menu.Item>
        <Menu.Item onClick={() => void out(false)}>{t('app.signOut')}</Menu.Item>
        <Menu.Item color="red.9" onClick={() => void out(true)}>
          {t('app.signOutEverywhere')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** Header, navigation (burger on phones) and the page; sends visitors without a session to sign-in. */
export function Shell() {
  const { t } = useTranslation();
  const { me, isLoading, can } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  if (isLoading) return <Loading label={t('wait.session')} />;
  if (!me) {
    const next = location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname)}`;
    return <Navigate to={`/sign-in${next}`} replace />;
  }
  const nav = appRoutes.filter((r) => r.inNav !== false && (!r.permission || can(r.permission)));
  return (
    <ProvinceProvider>
      <a href="#main" className="dx-skip">
        {t('app.skip')}
      </a>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'sm', sm: 'md' }}
      >
        <AppShell.Header bg="blue.9" withBorder={false}>
          <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                color="white"
                aria-label={t('app.openNav')}
                aria-expanded={opened}
              />
              <Title order={1} fz={{ base: 16, sm: 20 }} c="white" lh={1.15} className="dx-title">
                {t('app.name')}
              </Title>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <NotificationBell />
              <LanguageSwitch />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label={t('app.mainNav')} component="nav">
          <Stack gap={2}>
            {nav.map((r) => {
              const to = `/${r.path.replace('/*', '')}`;
              return (
                <NavLink
                  key={r.path}
                  component={Link}
                  to={to}
                  label={routeLabel(r, t)}
                  active={location.pathname.startsWith(to)}
                  aria-current={location.pathname.startsWith(to) ? 'page' : undefined}
                  variant="filled"
                  onClick={close}
                />
              );
            })}
          </Stack>
        </AppShell.Navbar>
        <AppShell.Main id="main">
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </ProvinceProvider>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <Text>{t('app.notFound')}</Text>
      <Button component={Link} to="/">
        {t('app.backHome')}
      </Button>
    </Stack>
  );
}

export function Forbidden() {
  const { t } = useTranslation();
  return <Text role="alert">{t('app.forbidden')}</Text>;
}

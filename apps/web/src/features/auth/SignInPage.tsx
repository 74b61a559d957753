import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { NOTICE_KEY, signIn } from '../../api/auth';
import { ApiError } from '../../lib/api';
import { LanguageSwitch } from '../../lib/LanguageSwitch';
import { useSession } from '../../lib/session';

export function SignInPage() {
  const { t } = useTranslation();
  const { me, setMe } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [notice] = useState(() => sessionStorage.getItem(NOTICE_KEY));
  useEffect(() => sessionStorage.removeItem(NOTICE_KEY), []);
  const next = params.get('next');
  const target = next?.startsWith('/') && !next.startsWith('//') ? next : '/';
  const m = useMutation({
    mutationFn: () => signIn(username, password),
    onSuccess: (result) => {
      setMe(result);
      navigate(target, { replace: true });
    },
  });
  if (me && !m.isPending) return <Navigate to={target} replace />;
  const fe = m.error instanceof ApiError ? m.error.fieldErrors : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate();
  };
  return (
    <Box bg="gray.1" mih="100vh">
      <Group justify="space-between" px="md" py="sm" bg="blue.9" wrap="nowrap">
        <Text c="white" fw={700}>
          {t('app.name')}
        </Text>
        <LanguageSwitch />
      </Group>
      <Center px="sm" py="xl">
        <Paper component="main" withBorder p="lg" w="100%" maw={400} shadow="xs">
          <form onSubmit={submit} noValidate>
            <Stack>
              <div>
                <Title order={1} size="h2">
                  {t('auth.signInTitle')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('auth.signInIntro')}
                </Text>
              </div>
              {notice === 'password-changed' && (
                <Alert color="green" role="status">
                  {t('auth.passwordChanged')}
                </Alert>
              )}
              {m.error && !fe.username && !fe.password && (
                <Alert color="red" role="alert">
                  {m.error.message}
                </Alert>
              )}
              <TextInput
                label={t('auth.username')}
                autoComplete="username"
                autoCapitalize="none"
                required
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                error={fe.username}
                size="md"
              />
              <PasswordInput
                label={t('auth.password')}
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={fe.password}
                size="md"
              />
              <Button type="submit" loading={m.isPending} size="md">
                {t('auth.signIn')}
              </Button>
              <Text size="sm" c="dimmed">
                {t('auth.forgot')}
              </Text>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}

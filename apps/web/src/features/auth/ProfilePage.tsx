import { Button, Paper, PasswordInput, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { changePassword, NOTICE_KEY } from '../../api/auth';
import { ApiError } from '../../lib/api';
import { useSession } from '../../lib/session';
import { ErrorAlert } from '../../lib/ui';

export function ProfilePage() {
  const { t } = useTranslation();
  const { me, setMe } = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const m = useMutation({
    mutationFn: () => changePassword(current, next),
    onSuccess: () => {
      // The sign-in page shows this once (the shell's own redirect would drop a URL parameter).
      sessionStorage.setItem(NOTICE_KEY, 'password-changed');
      setMe(null);
      navigate('/sign-in', { replace: true });
    },
  });
  if (!me) return null;
  const fe = m.error instanceof ApiError ? m.error.fieldErrors : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (next !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    m.mutate();
  };
  return (
    <Stack maw={560}>
      <Title order={2}>{t('auth.profileTitle')}</Title>
      <Table variant="vertical" withTableBorder>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={140}>{t('auth.username')}</Table.Th>
            <Table.Td>{me.user.username}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('auth.displayName')}</Table.Th>
            <Table.Td>{me.user.displayName}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('auth.email')}</Table.Th>
            <Table.Td>{me.user.email ?? '—'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('auth.grants')}</Table.Th>
            <Table.Td>
              {me.user.grants.map((g) => (
                <Text key={`${g.role}:${g.unitId}`} size="sm">
                  {t(`roles.${g.role}`)} — {g.unitName ?? t('auth.allProvinces')}
                </Text>
              ))}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={3} size="h4">
              {t('auth.changePassword')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('auth.passwordHint')}
            </Text>
            {m.error && !fe.currentPassword && !fe.newPassword && <ErrorAlert error={m.error} />}
            <PasswordInput
              label={t('auth.currentPassword')}
              autoComplete="current-password"
              required
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              error={fe.currentPassword}
            />
            <PasswordInput
              label={t('auth.newPassword')}
              autoComplete="new-password"
              required
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
              error={fe.newPassword}
            />
            <PasswordInput
              label={t('auth.confirmPassword')}
              autoComplete="new-password"
              required
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              error={mismatch ? t('auth.passwordMismatch') : undefined}
            />
            <Button type="submit" loading={m.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('auth.changePassword')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

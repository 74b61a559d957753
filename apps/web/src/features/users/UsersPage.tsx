import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { followSuccessors, listUsers, type User, unlockUser, userKeys } from '../../api/users';
import { formatDate } from '../../lib/dates';
import { Empty, ErrorAlert, Loading } from '../../lib/ui';
import { UserFormModal } from './UserFormModal';

/** Accounts: search, create, edit (roles, deactivate, reset password). */
export function UsersPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [endedOnly, setEndedOnly] = useState(false);
  const users = useQuery({
    queryKey: userKeys.list(q, endedOnly),
    queryFn: () => listUsers(q, endedOnly),
    placeholderData: keepPreviousData,
  });
  const items = users.data?.items ?? [];
  const queryClient = useQueryClient();
  const unlock = useMutation({
    mutationFn: (u: User) => unlockUser(u.id),
    onSuccess: (u) => {
      notifications.show({ color: 'green', message: t('users.unlocked', { username: u.username }) });
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
  });
  // Issue 15: a grant on a unit a reorganisation ended is shown with its successor and moved in one click.
  const follow = useMutation({
    mutationFn: (u: User) => followSuccessors(u.id, u.version),
    onSuccess: (u) => {
      notifications.show({
        color: 'green',
        message: t('users.followedSuccessors', { username: u.username }),
      });
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
  });
  const movable = (u: User) => u.grants.some((g) => g.ended?.successorId);
  const withEnded = items.filter((u) => u.grants.some((g) => g.ended)).length;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('users.title')}</Title>
        <Button onClick={() => setEditing('new')}>{t('users.create')}</Button>
      </Group>
      <Group align="flex-end" gap="md">
        <TextInput
          label={t('users.searchLabel')}
          placeholder={t('users.searchPlaceholder')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          maw={420}
          style={{ flex: '1 1 260px' }}
        />
        <Checkbox
          label={t('users.endedOnly')}
          checked={endedOnly}
          onChange={(e) => setEndedOnly(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      {users.error && <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />}
      {unlock.error && <ErrorAlert error={unlock.error} />}
      {follow.error && <ErrorAlert error={follow.error} />}
      {withEnded > 0 && (
        <Alert color="yellow" variant="light" data-testid="ended-grants">
          {t('users.endedGrants', { count: withEnded })}
        </Alert>
      )}
      <Paper withBorder>
        {users.isLoading ? (
          <Loading />
        ) : items.length === 0 ? (
          <Empty title={t('users.empty')} />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Caption>{t('users.total', { count: users.data?.total ?? 0 })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.username')}</Table.Th>
                  <Table.Th>{t('users.displayName')}</Table.Th>
                  <Table.Th>{t('users.grants')}</Table.Th>
                  <Table.Th>{t('users.status')}</Table.Th>
                  <Table.Th>
                    <span className="dx-sr-only">{t('common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td>{u.username}</Table.Td>
                    <Table.Td>
                      {u.displayName}
                      {u.email && (
                        <Text size="xs" c="dimmed">
                          {u.email}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {u.grants.map((g) => (
                        <div key={`${g.role}:${g.unitId}`}>
                          <Text size="sm">
                            {t(`roles.${g.role}`)} — {g.unitName ?? t('users.global')}
                          </Text>
                          {g.ended && (
                            <Text size="xs" c="red.9">
                              {t('users.endedUnit', { unit: g.unitName ?? '', date: formatDate(g.ended.on) })}
                              {', '}
                              {g.ended.successorName
                                ? t('users.endedUnitSuccessor', { successor: g.ended.successorName })
                                : t('users.endedUnitNoSuccessor')}
                            </Text>
                          )}
                        </div>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      {!u.isActive ? (
                        <Badge color="gray.8" variant="filled" tt="none">
                          {t('users.inactive')}
                        </Badge>
                      ) : u.isLocked ? (
                        <Badge color="red.9" variant="filled" tt="none">
                          {t('users.locked')}
                        </Badge>
                      ) : (
                        <Badge color="teal.9" variant="filled" tt="none">
                          {t('users.active')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing(u)}
                          aria-label={`${t('common.edit')} ${u.username}`}
                        >
                          {t('common.edit')}
                        </Button>
                        {movable(u) && (
                          <Button
                            size="xs"
                            variant="default"
                            loading={follow.isPending && follow.variables?.id === u.id}
                            onClick={() => follow.mutate(u)}
                            aria-label={`${t('users.followSuccessors')} ${u.username}`}
                          >
                            {t('users.followSuccessors')}
                          </Button>
                        )}
                        {u.isLocked && (
                          <Button
                            size="xs"
                            variant="default"
                            loading={unlock.isPending && unlock.variables?.id === u.id}
                            onClick={() => unlock.mutate(u)}
                            aria-label={`${t('users.unlock')} ${u.username}`}
                          >
                            {t('users.unlock')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {editing && (
        <UserFormModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

import { Alert, Checkbox, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listUsersGrantedOn, userKeys } from '../../api/users';
import { formatDate, todayIso } from '../../lib/dates';
import { useSession } from '../../lib/session';

type Props = {
  /** The units the change will end (merge sources, a split source, a dissolved unit). */
  ending: string[];
  /** The change names a successor (a merger or split); a dissolved unit has none. */
  hasSuccessor: boolean;
  effectiveDate: string;
  moveGrants: boolean;
  onMoveGrants: (v: boolean) => void;
};

/**
 * Issue 15: the accounts granted on the units a reorganisation will end, and what happens to their grants — moved to
 * the unit standing for each in the same step (audited per account) when asked, else kept and flagged on the users
 * screen (where they can be moved later). Grants never move by themselves.
 */
export function AffectedGrants({ ending, hasSuccessor, effectiveDate, moveGrants, onMoveGrants }: Props) {
  const { t } = useTranslation();
  const { can } = useSession();
  const users = useQuery({
    queryKey: [...userKeys.all, 'granted-on', [...ending].sort().join(',')],
    queryFn: () => listUsersGrantedOn(ending),
    enabled: ending.length > 0 && can('user.read'),
  });
  const items = users.data?.items ?? [];
  if (ending.length === 0 || items.length === 0) return null;
  const inEffect = !!effectiveDate && effectiveDate <= todayIso();
  return (
    <Alert color="yellow" variant="light" title={t('reorg.grantsTitle', { count: items.length })}>
      <List size="sm" spacing={2} mb="xs" aria-label={t('reorg.grantsTitle', { count: items.length })}>
        {items.map((u) => (
          <List.Item key={u.id}>
            <b>{u.username}</b> ({u.displayName}):{' '}
            {u.grants
              .filter((g) => g.unitId && ending.includes(g.unitId))
              .map((g) => `${t(`roles.${g.role}`)} — ${g.unitName ?? ''}`)
              .join('; ')}
          </List.Item>
        ))}
      </List>
      {!hasSuccessor ? (
        <Text size="sm">{t('reorg.grantsNoSuccessor')}</Text>
      ) : !inEffect ? (
        <Text size="sm">{t('reorg.grantsLater', { date: formatDate(effectiveDate) })}</Text>
      ) : (
        <Checkbox
          label={t('reorg.moveGrants')}
          description={moveGrants ? t('reorg.moveGrantsYes') : t('reorg.moveGrantsNo')}
          checked={moveGrants}
          onChange={(e) => onMoveGrants(e.currentTarget.checked)}
        />
      )}
    </Alert>
  );
}

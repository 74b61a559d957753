import { ActionIcon, Anchor, Indicator, Popover, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchNotifications, targetKeys } from '../api/targets';
import { formatDateTime } from './dates';
import { notificationText } from './notification-words';
import { useMyUnits } from './useMyUnits';

/**
 * The bell in the header (issue 19): the number of unread notifications of the user's unit as a badge, and the
 * latest ones with their sender and, for a công văn đôn đốc, its DOCX. Read state is kept on "Việc của tôi".
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const { unitId } = useMyUnits();
  const [open, setOpen] = useState(false);
  const q = useQuery({
    queryKey: targetKeys.notifications(unitId ?? ''),
    queryFn: () => fetchNotifications(unitId!),
    enabled: !!unitId,
    refetchInterval: 120_000,
  });
  if (!unitId) return null;
  const unread = q.data?.unread ?? 0;
  const latest = (q.data?.items ?? []).filter((n) => !n.readAt).slice(0, 5);
  const label = unread ? t('bell.unread', { count: unread }) : t('bell.label');
  return (
    <Indicator
      label={unread > 99 ? '99+' : unread}
      size={18}
      color="red.8"
      disabled={unread === 0}
      offset={4}
    >
      <Popover opened={open} onChange={setOpen} position="bottom-end" width={340} withinPortal shadow="md">
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="white"
            size="lg"
            aria-label={label}
            title={label}
            onClick={() => setOpen((o) => !o)}
          >
            <svg
              width="22"
              height="22"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              aria-hidden="true"
            >
              <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
              <path d="M13.73 21a2 2 0 0 1-3.46 0" />
            </svg>
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            {latest.length === 0 ? (
              <Text size="sm">{t('bell.none')}</Text>
            ) : (
              latest.map((n) => (
                <Stack key={n.id} gap={0}>
                  <Text size="sm" fw={600} lineClamp={2}>
                    {notificationText(n).title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {n.sentByName ? t('bell.from', { name: n.sentByName }) : t('bell.system')} ·{' '}
                    {formatDateTime(n.createdAt)}
                  </Text>
                  {n.urgingDocumentUrl && (
                    <Anchor href={n.urgingDocumentUrl} download size="xs">
                      {t('bell.document')}
                    </Anchor>
                  )}
                </Stack>
              ))
            )}
            <Anchor component={Link} to="/my-work" size="sm" onClick={() => setOpen(false)}>
              {t('bell.all')}
            </Anchor>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}

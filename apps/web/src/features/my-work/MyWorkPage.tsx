import { RECORD_PATHS } from '@dx/contracts/paths';
import { Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  fetchNotifications,
  fetchStanding,
  markAllNotificationsRead,
  markNotificationRead,
  type TargetEvaluation,
  targetKeys,
} from '../../api/targets';
import { formatDateTime } from '../../lib/dates';
import { useMissingText } from '../../lib/missing';
import { notificationText } from '../../lib/notification-words';
import { PlanSelect, usePlanChoice } from '../../lib/PlanChoice';
import { useSession } from '../../lib/session';
import { StatusBadge, useGoalText } from '../../lib/TargetBits';
import { actionKindOf } from '../../lib/target-kinds';
import { Empty, ErrorAlert, Loading } from '../../lib/ui';
import { useMyUnits } from '../../lib/useMyUnits';
import { fill, useEvidenceLabels } from '../../locales/evidence';

/** "Việc của tôi": the unit's standing against every target (what it still owes), one button each, and reminders. */
export function MyWorkPage() {
  const L = useEvidenceLabels();
  const { t } = useTranslation();
  const { units, unitId, setUnitId } = useMyUnits();
  const choice = usePlanChoice();
  const { planId } = choice;
  const standing = useQuery({
    queryKey: targetKeys.standing(planId ?? '', unitId ?? ''),
    queryFn: () => fetchStanding(planId!, unitId!),
    enabled: !!planId && !!unitId,
  });
  const inbox = useQuery({
    queryKey: targetKeys.notifications(unitId ?? ''),
    queryFn: () => fetchNotifications(unitId!),
    enabled: !!unitId,
  });
  const { can } = useSession();
  const qc = useQueryClient();
  // The unit's officers mark what they have seen as read (one, or all).
  const mayMark = can('record.write');
  const markOne = useMutation({
    mutationFn: (id: string) => markNotificationRead(unitId!, id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: targetKeys.notifications(unitId ?? '') }),
  });
  const markAll = useMutation({
    mutationFn: () => markAllNotificationsRead(unitId!),
    onSuccess: () => void qc.invalidateQueries({ queryKey: targetKeys.notifications(unitId ?? '') }),
  });
  const mailText = (status: string) =>
    status === 'queued'
      ? L.emailQueuedStatus
      : status === 'retrying'
        ? L.emailRetrying
        : status === 'sending'
          ? L.emailSending
          : (L.emailStatus[status] ?? status);
  if (!unitId) {
    return (
      <Stack gap="md">
        <Title order={2}>{L.myTitle}</Title>
        <Paper withBorder>
          <Empty title={L.noUnit} hint={L.noUnitHint} />
        </Paper>
      </Stack>
    );
  }
  const targets = standing.data?.targets ?? [];
  const notes = inbox.data?.items ?? [];
  const unread = inbox.data?.unread ?? notes.filter((n) => !n.readAt).length;
  const counted = targets.filter((t) => t.subjects.some((s) => s.due));
  const owed = counted.filter((t) => t.subjects.some((s) => s.due && !s.achieved));
  const others = targets.filter((t) => !owed.includes(t));
  return (
    <Stack gap="md" maw={900}>
      <div>
        <Title order={2}>{L.myTitle}</Title>
        <Text size="sm" c="dimmed">
          {L.myIntro}
        </Text>
      </div>
      {units.length > 1 && (
        <NativeSelect
          label={L.myUnit}
          value={unitId}
          onChange={(e) => setUnitId(e.currentTarget.value)}
          data={units.map((u) => ({ value: u.unitId, label: u.name }))}
        />
      )}
      {units.length === 1 && (
        <Text fw={600}>
          {L.myUnit}: {units[0]!.name}
        </Text>
      )}
      <PlanSelect choice={choice} />
      {standing.error && <ErrorAlert error={standing.error} onRetry={() => void standing.refetch()} />}

      <section aria-labelledby="my-reminders">
        <Group justify="space-between" align="center" mb="xs" wrap="wrap">
          <Title order={3} fz="lg" id="my-reminders">
            {L.reminders}
            {unread > 0 && (
              <Badge ml="xs" color="red.9" variant="filled" tt="none" data-testid="unread-count">
                {fill(L.unread, { count: unread })}
              </Badge>
            )}
          </Title>
          {mayMark && unread > 0 && (
            <Button variant="default" size="xs" onClick={() => markAll.mutate()} loading={markAll.isPending}>
              {L.markAllRead}
            </Button>
          )}
        </Group>
        {inbox.error && <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} />}
        {(markOne.error || markAll.error) && <ErrorAlert error={markOne.error ?? markAll.error} />}
        {inbox.isLoading ? (
          <Loading />
        ) : notes.length === 0 ? (
          <Paper withBorder>
            <Empty title={L.noReminders} hint={L.noRemindersHint} />
          </Paper>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {notes.slice(0, 10).map((n) => (
              <Paper
                key={n.id}
                withBorder
                p="sm"
                component="li"
                style={{ borderLeft: `4px solid ${n.readAt ? '#adb5bd' : '#b02525'}` }}
              >
                <Group gap={6} wrap="nowrap" align="flex-start">
                  {!n.readAt && (
                    <Badge size="sm" color="red.9" variant="filled" tt="none" style={{ flexShrink: 0 }}>
                      {L.new}
                    </Badge>
                  )}
                  <Text fw={n.readAt ? 400 : 600} size="sm">
                    {notificationText(n).title}
                  </Text>
                </Group>
                <Text size="sm">{notificationText(n).body}</Text>
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Text size="xs" c="dimmed">
                    {n.sentByName ? `${t('bell.from', { name: n.sentByName })} · ` : ''}
                    {formatDateTime(n.createdAt)} · {mailText(n.emailStatus)}
                    {n.readAt ? ` · ${L.read} ${formatDateTime(n.readAt)}` : ''}
                  </Text>
                  {n.urgingDocumentUrl && (
                    <Anchor href={n.urgingDocumentUrl} download size="xs">
                      {t('bell.document')}
                    </Anchor>
                  )}
                  {mayMark && !n.readAt && (
                    <Button
                      variant="default"
                      size="compact-xs"
                      onClick={() => markOne.mutate(n.id)}
                      aria-label={`${L.markRead}: ${notificationText(n).title}`}
                    >
                      {L.markRead}
                    </Button>
                  )}
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </section>

      <section aria-labelledby="my-owed">
        <Title order={3} fz="lg" id="my-owed" mb="xs">
          {L.owed}
        </Title>
        {standing.isLoading || choice.plans.isLoading ? (
          <Loading />
        ) : !planId ? (
          <Paper withBorder>
            <Empty title={L.noPlan} hint={L.noPlanHint} />
          </Paper>
        ) : (
          <Stack gap="sm">
            {owed.map((t) => (
              <OwedCard key={t.planTargetId} target={t} />
            ))}
            {owed.length === 0 && (
              <Paper withBorder>
                <Empty title={L.myDone} />
              </Paper>
            )}
            {others.map((t) => (
              <OwedCard key={t.planTargetId} target={t} />
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  );
}

function OwedCard({ target: t }: { target: TargetEvaluation }) {
  const L = useEvidenceLabels();
  const missing = useMissingText();
  const goalText = useGoalText();
  const due = t.subjects.filter((s) => s.due);
  const open = due.filter((s) => !s.achieved);
  const kind = actionKindOf(t);
  const counted = due.length > 0;
  return (
    <Paper withBorder p="sm" component="article" aria-label={`${L.targetWord} ${t.letter}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={700}>
            {L.targetWord} {t.letter}{' '}
            <Text span c="dimmed" size="sm">
              ({t.code}, {L.goal.toLowerCase()} {goalText(t.goal)})
            </Text>
          </Text>
          {counted ? (
            <StatusBadge status={open.length ? 'behind' : 'achieved'} />
          ) : (
            <StatusBadge status="not_applicable" />
          )}
        </Group>
        <Text size="sm" lineClamp={3}>
          {t.text}
        </Text>
        {!counted ? (
          <Text size="sm" c="dimmed">
            {L.notCounted}
          </Text>
        ) : open.length === 0 ? (
          <Text size="sm">{L.myDone}</Text>
        ) : (
          <Stack gap={2} component="ul" style={{ margin: 0, paddingLeft: 18 }}>
            {open.slice(0, 8).map((s) => (
              <li key={s.subjectId}>
                <Text size="sm">
                  <b>{s.label}</b>: {missing(t, s)}
                </Text>
              </li>
            ))}
            {open.length > 8 && (
              <li>
                <Text size="sm" c="dimmed">
                  … {fill(L.behindShown, { shown: 8, total: open.length })}
                </Text>
              </li>
            )}
          </Stack>
        )}
        {open.length > 0 && (
          <Group>
            <Button component={Link} to={`/records/${RECORD_PATHS[kind]}?new=1`} size="md">
              {L.action[kind] ?? L.add[kind]}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

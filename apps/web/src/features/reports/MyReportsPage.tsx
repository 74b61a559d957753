import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { fetchMine, reportKeys } from '../../api/reports';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useSession } from '../../lib/session';
import { Empty, ErrorAlert, Loading } from '../../lib/ui';
import { useDataItemLabels } from '../../locales/data-items';
import { fill, useReportLabels } from '../../locales/reports';
import { ReportStatusBadge } from './bits';

/** "Báo cáo của tôi" (phone first): each period my unit must report in, its state and one button to act. */
export function MyReportsPage() {
  const { can } = useSession();
  const L = useReportLabels();
  const D = useDataItemLabels();
  const q = useQuery({ queryKey: reportKeys.mine(), queryFn: fetchMine });
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const items = q.data.items;
  const action = (status: string | undefined) =>
    status === 'returned'
      ? L.fixAndResend
      : status === 'draft'
        ? L.continueDraft
        : status === undefined
          ? L.startReport
          : L.viewReport;
  return (
    <Stack gap="md" maw={720}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{L.mineTitle}</Title>
          <Text size="sm" c="dimmed">
            {L.mineIntro}
          </Text>
        </div>
        {can('report.manage') && (
          <Button component={Link} to="/reports/periods" variant="default">
            {L.allPeriods}
          </Button>
        )}
      </Group>
      {items.length === 0 && (
        <Paper withBorder>
          <Empty title={L.mineEmpty} hint={L.mineEmptyHint} />
        </Paper>
      )}
      {items.map((it) => (
        <Paper key={`${it.period.id}:${it.unitId}`} withBorder p="md">
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div>
                <Text fw={700}>{it.period.label}</Text>
                <Text size="sm" c="dimmed">
                  {it.unitName} · {fill(L.dueOn, { date: formatDate(it.period.dueDate) })}
                </Text>
              </div>
              <ReportStatusBadge status={it.report?.status ?? null} />
            </Group>
            {it.isOverdue && (
              <Text size="sm" c="red.9" fw={600}>
                {L.overdue}
              </Text>
            )}
            {it.report?.status === 'returned' && it.report.reviewComment && (
              <Alert color="red" p="xs" title={L.returnComment} styles={{ title: { color: '#8b1a1a' } }}>
                {it.report.reviewComment}
              </Alert>
            )}
            {it.report?.submittedAt && (
              <Text size="xs" c="dimmed">
                {fill(L.sentAt, { at: formatDateTime(it.report.submittedAt) })}
              </Text>
            )}
            <Anchor component={Link} to={`/reports/periods/${it.period.id}/data`} size="sm">
              {fill(D.myGridLink, { period: it.period.label })}
            </Anchor>
            <Group>
              <Button
                component={Link}
                to={`/reports/periods/${it.period.id}/units/${it.unitId}`}
                size="md"
                fullWidth
                variant={
                  it.report && ['submitted', 'accepted'].includes(it.report.status) ? 'default' : 'filled'
                }
                aria-label={`${action(it.report?.status)} ${it.period.label} — ${it.unitName}`}
              >
                {action(it.report?.status)}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ))}
      {can('report.read') && !can('report.manage') && (
        <Anchor component={Link} to="/reports/periods" size="sm">
          {L.seePeriods}
        </Anchor>
      )}
    </Stack>
  );
}

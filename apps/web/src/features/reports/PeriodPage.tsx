import type { Timeliness } from '@dx/domain';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  fetchCompleteness,
  listGroups,
  missingExportUrl,
  reportKeys,
  sendReminders,
  updatePeriod,
} from '../../api/reports';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useSession } from '../../lib/session';
import { UrgeButton } from '../../lib/UrgeButton';
import { ErrorAlert, Loading } from '../../lib/ui';
import { useDataItemLabels } from '../../locales/data-items';
import { fill, useReportLabels } from '../../locales/reports';
import { formatCount, formatRate, ReportStatusBadge, TimelinessBadge } from './bits';
import { ConsolidatedReportPanel } from './ConsolidatedReportPanel';
import { PeriodDialog } from './PeriodsPage';

type Filter = Timeliness | 'all' | 'review';

/**
 * One period for the DX office: completeness and timeliness (on time / late / missing, per unit group), every figure
 * one click from the list of units behind it, reminders to the selected missing units, the reports to review.
 */
export function PeriodPage() {
  const { periodId = '' } = useParams();
  const { can } = useSession();
  const L = useReportLabels();
  const D = useDataItemLabels();
  const qc = useQueryClient();
  const [groupId, setGroupId] = useState<string | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [selected, setSelected] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState(false);
  const q = useQuery({
    queryKey: reportKeys.completeness(periodId, groupId),
    queryFn: () => fetchCompleteness(periodId, groupId),
  });
  const period = q.data?.period;
  const groups = useQuery({
    queryKey: ['unit-groups', period?.provinceId ?? '', period?.periodTo ?? ''],
    queryFn: () => listGroups(period!.provinceId, period!.periodTo),
    enabled: !!period,
  });
  const remind = useMutation({
    mutationFn: () => sendReminders(periodId, selected, message.trim() || undefined),
    onSuccess: async () => {
      setSelected([]);
      setMessage('');
      await qc.invalidateQueries({ queryKey: ['reports', 'completeness', periodId] });
    },
  });
  const close = useMutation({
    mutationFn: () =>
      updatePeriod(periodId, {
        version: period!.version,
        status: period!.status === 'open' ? 'closed' : 'open',
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['reports'] }),
  });
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data || !period) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const { summary, units, byStatus } = q.data;
  const shown = units.filter((u) =>
    filter === 'all' ? true : filter === 'review' ? u.status === 'submitted' : u.class === filter,
  );
  const canManage = can('report.manage');
  const figure = (key: Filter, label: string, count: number, rate: number | null | undefined) => (
    <UnstyledButton
      onClick={() => setFilter(key)}
      aria-pressed={filter === key}
      aria-label={fill(L.figureAria, { label, count })}
    >
      <Paper withBorder p="sm" style={filter === key ? { outline: '2px solid #1c4e80' } : undefined}>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        <Text fz={28} fw={700}>
          {formatCount(count)}
        </Text>
        {rate !== undefined && <Text size="sm">{formatRate(rate, L.notApplicable)}</Text>}
      </Paper>
    </UnstyledButton>
  );
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/reports/periods" size="sm">
        {L.backToPeriods}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{period.label}</Title>
          <Text size="sm" c="dimmed">
            {fill(L.periodDates, {
              from: formatDate(period.periodFrom),
              to: formatDate(period.periodTo),
              due: formatDate(period.dueDate),
            })}{' '}
            ·{' '}
            {period.status === 'open'
              ? L.open
              : fill(L.closedAt, { at: period.closedAt ? formatDateTime(period.closedAt) : '' })}
          </Text>
        </div>
        {canManage && (
          <Group>
            <Button variant="default" component={Link} to={`/reports/periods/${periodId}/data`}>
              {D.gridLink}
            </Button>
            <Button variant="default" onClick={() => setEditing(true)}>
              {L.editPeriod}
            </Button>
            <Button variant="default" loading={close.isPending} onClick={() => close.mutate()}>
              {period.status === 'open' ? L.closePeriod : L.reopenPeriod}
            </Button>
          </Group>
        )}
      </Group>
      {close.error && <ErrorAlert error={close.error} />}
      <NativeSelect
        label={L.group}
        value={groupId ?? ''}
        onChange={(e) => {
          setGroupId(e.currentTarget.value || null);
          setSelected([]);
        }}
        data={[
          { value: '', label: L.allRequired },
          ...(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name })),
        ]}
        maw={420}
      />
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
        {figure('all', L.required, summary.required, undefined)}
        {figure('on_time', L.timeliness.on_time, summary.onTime, summary.rates.onTime)}
        {figure('late', L.timeliness.late, summary.late, summary.rates.late)}
        {figure('missing', L.timeliness.missing, summary.missing, summary.rates.missing)}
        {figure('pending', L.timeliness.pending, summary.pending, undefined)}
        {figure('review', L.awaitingReview, byStatus.submitted, undefined)}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {fill(L.ratesNote, {
          required: summary.required,
          notRequired: summary.notRequired,
          submitted: formatRate(summary.rates.submitted, L.notApplicable),
        })}
      </Text>
      {canManage && selected.length > 0 && (
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <Text fw={600}>{fill(L.remindSelected, { n: selected.length })}</Text>
            <Textarea
              label={L.remindMessage}
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group>
              <Button loading={remind.isPending} onClick={() => remind.mutate()}>
                {L.sendReminders}
              </Button>
              {period && (
                <UrgeButton
                  planId={period.planId}
                  request={{ source: 'reports', sourceId: periodId, unitIds: selected }}
                />
              )}
            </Group>
          </Stack>
        </Paper>
      )}
      {canManage && selected.length === 0 && period && summary.missing > 0 && (
        <Group>
          <UrgeButton planId={period.planId} request={{ source: 'reports', sourceId: periodId }} />
        </Group>
      )}
      {remind.error && <ErrorAlert error={remind.error} />}
      {remind.data && (
        <Alert color="green" title={L.remindersSent} role="status" styles={{ title: { color: '#1b5e20' } }}>
          {fill(L.remindResult, {
            notified: remind.data.notified,
            email: remind.data.emailQueued,
            note: remind.data.emailStatus === 'not_configured' ? L.mailNotConfigured : '',
          })}
        </Alert>
      )}
      <Paper withBorder>
        <Group justify="space-between" p="sm">
          <Text fw={600}>
            {fill(filter !== 'all' ? L.unitsShownFiltered : L.unitsShown, { n: shown.length })}
          </Text>
          {filter !== 'all' && (
            <Button size="xs" variant="subtle" onClick={() => setFilter('all')}>
              {L.clearFilter}
            </Button>
          )}
          {canManage && shown.some((u) => u.remindable) && (
            <Button
              size="xs"
              variant="light"
              onClick={() => setSelected(shown.filter((u) => u.remindable).map((u) => u.unitId))}
            >
              {L.selectAllMissing}
            </Button>
          )}
          {summary.required > summary.submitted && (
            <Button size="xs" variant="default" component="a" href={missingExportUrl(periodId, groupId)}>
              {L.exportMissing}
            </Button>
          )}
        </Group>
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {canManage && <Table.Th w={40} />}
                <Table.Th>{L.unit}</Table.Th>
                <Table.Th>{L.submission}</Table.Th>
                <Table.Th>{L.reportStatus}</Table.Th>
                <Table.Th>{L.reminded}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((u) => (
                <Table.Tr key={u.unitId}>
                  {canManage && (
                    <Table.Td>
                      {u.remindable && (
                        <Checkbox
                          aria-label={fill(L.selectUnit, { name: u.unitName })}
                          checked={selected.includes(u.unitId)}
                          onChange={(e) =>
                            setSelected(
                              e.currentTarget.checked
                                ? [...selected, u.unitId]
                                : selected.filter((x) => x !== u.unitId),
                            )
                          }
                        />
                      )}
                    </Table.Td>
                  )}
                  <Table.Td>{u.unitName}</Table.Td>
                  <Table.Td>
                    <TimelinessBadge value={u.class} />
                    {u.firstSubmittedAt && (
                      <Text size="xs" c="dimmed">
                        {formatDateTime(u.firstSubmittedAt)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{u.class !== 'not_required' && <ReportStatusBadge status={u.status} />}</Table.Td>
                  <Table.Td>
                    {u.reminders.count > 0 ? (
                      <Badge variant="outline" color="gray.8" tt="none">
                        {fill(L.times, { n: u.reminders.count })}
                        {u.reminders.lastAt ? `, ${formatDateTime(u.reminders.lastAt)}` : ''}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {u.class !== 'not_required' && (
                      <Anchor component={Link} to={`/reports/periods/${periodId}/units/${u.unitId}`}>
                        {u.status === 'submitted' && canManage ? L.reviewReport : L.viewReport}
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {/* The consolidated report of the period (DOCX/XLSX/PDF, plan 54 V.1.a), by the obstacles/consolidated feature. */}
      <ConsolidatedReportPanel periodId={periodId} canIssue={canManage} />
      {editing && (
        <PeriodDialog
          provinceId={period.provinceId}
          planId={period.planId}
          planYear={Number(period.periodFrom.slice(0, 4))}
          period={period}
          unitNames={new Map(units.map((u) => [u.unitId, u.unitName]))}
          onClose={() => setEditing(false)}
          onSave={(input) => updatePeriod(periodId, { ...input, version: period.version })}
        />
      )}
    </Stack>
  );
}

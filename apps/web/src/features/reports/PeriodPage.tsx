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
import { fetchCompleteness, listGroups, reportKeys, sendReminders, updatePeriod } from '../../api/reports';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useSession } from '../../lib/session';
import { UrgeButton } from '../../lib/UrgeButton';
import { ErrorAlert, Loading } from '../../lib/ui';
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
      aria-label={`${label}: ${count}. Xem danh sách`}
    >
      <Paper withBorder p="sm" style={filter === key ? { outline: '2px solid #1c4e80' } : undefined}>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        <Text fz={28} fw={700}>
          {formatCount(count)}
        </Text>
        {rate !== undefined && <Text size="sm">{formatRate(rate)}</Text>}
      </Paper>
    </UnstyledButton>
  );
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/reports/periods" size="sm">
        ← Các kỳ báo cáo
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{period.label}</Title>
          <Text size="sm" c="dimmed">
            Từ {formatDate(period.periodFrom)} đến {formatDate(period.periodTo)} · Hạn nộp{' '}
            {formatDate(period.dueDate)} ·{' '}
            {period.status === 'open'
              ? 'Đang mở'
              : `Đã đóng ${period.closedAt ? formatDateTime(period.closedAt) : ''}`}
          </Text>
        </div>
        {canManage && (
          <Group>
            <Button variant="default" onClick={() => setEditing(true)}>
              Sửa kỳ báo cáo
            </Button>
            <Button variant="default" loading={close.isPending} onClick={() => close.mutate()}>
              {period.status === 'open' ? 'Đóng kỳ' : 'Mở lại kỳ'}
            </Button>
          </Group>
        )}
      </Group>
      {close.error && <ErrorAlert error={close.error} />}
      <NativeSelect
        label="Nhóm đơn vị"
        value={groupId ?? ''}
        onChange={(e) => {
          setGroupId(e.currentTarget.value || null);
          setSelected([]);
        }}
        data={[
          { value: '', label: 'Tất cả đơn vị phải báo cáo' },
          ...(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name })),
        ]}
        maw={420}
      />
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
        {figure('all', 'Phải báo cáo', summary.required, undefined)}
        {figure('on_time', 'Đúng hạn', summary.onTime, summary.rates.onTime)}
        {figure('late', 'Trễ hạn', summary.late, summary.rates.late)}
        {figure('missing', 'Chưa nộp (quá hạn)', summary.missing, summary.rates.missing)}
        {figure('pending', 'Chưa nộp (chưa đến hạn)', summary.pending, undefined)}
        {figure('review', 'Chờ duyệt', byStatus.submitted, undefined)}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        Tỷ lệ tính trên các đơn vị phải báo cáo ({summary.required}); đơn vị không phải báo cáo không tính (
        {summary.notRequired} đơn vị của nhóm). Đã nộp: {formatRate(summary.rates.submitted)}. Đúng/trễ hạn
        tính theo lần gửi đầu tiên.
      </Text>
      {canManage && selected.length > 0 && (
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <Text fw={600}>Đôn đốc {selected.length} đơn vị đã chọn</Text>
            <Textarea
              label="Nội dung (để trống dùng nội dung mặc định)"
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group>
              <Button loading={remind.isPending} onClick={() => remind.mutate()}>
                Gửi đôn đốc
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
        <Alert color="green" title="Đã gửi đôn đốc" role="status" styles={{ title: { color: '#1b5e20' } }}>
          {remind.data.notified} thông báo trong hệ thống; {remind.data.emailQueued} e-mail đang gửi
          {remind.data.emailStatus === 'not_configured' ? ' (chưa cấu hình máy chủ thư)' : ''}.
        </Alert>
      )}
      <Paper withBorder>
        <Group justify="space-between" p="sm">
          <Text fw={600}>
            {shown.length} đơn vị{filter !== 'all' ? ' (đang lọc)' : ''}
          </Text>
          {filter !== 'all' && (
            <Button size="xs" variant="subtle" onClick={() => setFilter('all')}>
              Bỏ lọc
            </Button>
          )}
          {canManage && shown.some((u) => u.remindable) && (
            <Button
              size="xs"
              variant="light"
              onClick={() => setSelected(shown.filter((u) => u.remindable).map((u) => u.unitId))}
            >
              Chọn tất cả đơn vị chưa nộp
            </Button>
          )}
        </Group>
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {canManage && <Table.Th w={40} />}
                <Table.Th>Đơn vị</Table.Th>
                <Table.Th>Nộp</Table.Th>
                <Table.Th>Tình trạng báo cáo</Table.Th>
                <Table.Th>Đã đôn đốc</Table.Th>
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
                          aria-label={`Chọn ${u.unitName}`}
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
                        {u.reminders.count} lần
                        {u.reminders.lastAt ? `, ${formatDateTime(u.reminders.lastAt)}` : ''}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {u.class !== 'not_required' && (
                      <Anchor component={Link} to={`/reports/periods/${periodId}/units/${u.unitId}`}>
                        {u.status === 'submitted' && canManage ? 'Duyệt báo cáo' : 'Xem báo cáo'}
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

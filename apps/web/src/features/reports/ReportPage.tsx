import { type EffectiveStatus, type ReportFigures, STATUS_LABELS_VI as TASK_STATUS_VI } from '@dx/domain';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  acceptReport,
  fetchReportView,
  type Narrative,
  type ReportView,
  reportKeys,
  returnReport,
  saveReport,
  startReport,
  submitReport,
} from '../../api/reports';
import { ApiError } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useSession } from '../../lib/session';
import { ErrorAlert, Loading } from '../../lib/ui';
import { formatCount, ReportStatusBadge } from './bits';

const ACTION_VI = { save: 'Lưu', submit: 'Gửi báo cáo', return: 'Trả lại', accept: 'Tiếp nhận' } as const;
const EVENT_KIND_VI: Record<string, string> = {
  contest: 'Cuộc thi',
  workshop: 'Hội thảo, hội nghị',
  extracurricular: 'Buổi ngoại khoá',
  other: 'Hoạt động khác',
};
// Alert titles in darker shades: Mantine's light alerts fail axe colour contrast (docs/design.md § Traps).
const DARK_GREEN = '#1b5e20';
const DARK_RED = '#8b1a1a';
const draftKey = (periodId: string, unitId: string) => `dx.report.draft.${periodId}.${unitId}`;

/**
 * One unit's report for a period. The unit officer (phone first): figures pre-filled from its records, the narrative,
 * save and submit, the DX office's comments after a return. The DX office: review, return with a comment or accept.
 * An accepted report shows who locked it, when and why.
 */
export function ReportPage() {
  const { periodId = '', unitId = '' } = useParams();
  const qc = useQueryClient();
  const key = reportKeys.view(periodId, unitId);
  const q = useQuery({ queryKey: key, queryFn: () => fetchReportView(periodId, unitId) });
  const setView = (v: ReportView) => {
    qc.setQueryData(key, v);
    void qc.invalidateQueries({ queryKey: ['reports', 'completeness'] });
    void qc.invalidateQueries({ queryKey: reportKeys.mine() });
  };
  const start = useMutation({ mutationFn: () => startReport(periodId, unitId), onSuccess: setView });
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const v = q.data;
  return (
    <Stack gap="md" maw={960}>
      <Anchor component={Link} to="/reports" size="sm">
        ← Báo cáo định kỳ
      </Anchor>
      <div>
        <Title order={2}>
          Báo cáo {v.period.label} — {v.unit.name}
        </Title>
        <Group gap="xs" mt={4}>
          <ReportStatusBadge status={v.report?.status ?? null} />
          <Text size="sm" c="dimmed">
            Hạn nộp {formatDate(v.period.dueDate)}
            {v.period.status === 'closed' ? ' · Kỳ báo cáo đã đóng' : ''}
          </Text>
        </Group>
      </div>
      {v.report?.lock && (
        <Alert color="green" title="Báo cáo đã khoá" role="status" styles={{ title: { color: DARK_GREEN } }}>
          <Text size="sm">{v.report.lock.reason}</Text>
          <Text size="sm">
            Người tiếp nhận: {v.report.lock.byName} · lúc {formatDateTime(v.report.lock.at)}
          </Text>
        </Alert>
      )}
      {v.report?.status === 'returned' && (
        <Alert color="red" title="Báo cáo bị trả lại" role="alert" styles={{ title: { color: DARK_RED } }}>
          <Text size="sm">Ý kiến của Văn phòng CĐS: {v.report.reviewComment}</Text>
          <Text size="sm">
            {v.report.reviewedByName} · {v.report.reviewedAt ? formatDateTime(v.report.reviewedAt) : ''}. Sửa
            nội dung rồi gửi lại.
          </Text>
        </Alert>
      )}
      {!v.unit.isRequired && !v.report && (
        <Alert color="gray" title="Không phải báo cáo">
          Đơn vị không có trong danh sách phải báo cáo kỳ này.
        </Alert>
      )}
      {v.report === null && v.canStart && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text>
              Số liệu bên dưới đã được điền sẵn từ hồ sơ của đơn vị trong kỳ. Bắt đầu soạn để bổ sung nội
              dung.
            </Text>
            <Group>
              <Button onClick={() => start.mutate()} loading={start.isPending}>
                Bắt đầu soạn báo cáo
              </Button>
            </Group>
            {start.error && <ErrorAlert error={start.error} />}
          </Stack>
        </Paper>
      )}
      {v.report && <NarrativeForm view={v} onSaved={setView} />}
      {v.report && (v.actions.includes('return') || v.actions.includes('accept')) && (
        <ReviewPanel view={v} onDone={setView} />
      )}
      <FiguresPanel figures={v.figures} source={v.figuresSource} />
      {v.history.length > 0 && (
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            Lịch sử
          </Title>
          <Timeline bulletSize={14} lineWidth={2}>
            {v.history.map((h) => (
              <Timeline.Item
                key={h.id}
                title={h.comment && h.action === 'save' ? h.comment : ACTION_VI[h.action]}
              >
                <Text size="sm" c="dimmed">
                  {h.actorName} · {formatDateTime(h.at)}
                </Text>
                {h.comment && h.action !== 'save' && <Text size="sm">“{h.comment}”</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </Paper>
      )}
    </Stack>
  );
}

function NarrativeForm({ view, onSaved }: { view: ReportView; onSaved: (v: ReportView) => void }) {
  const report = view.report!;
  const { can } = useSession();
  const editable = view.actions.includes('save');
  const storeKey = draftKey(view.period.id, view.unit.id);
  const initial = (): Narrative => {
    const stored = editable ? localStorage.getItem(storeKey) : null;
    if (stored) {
      try {
        return JSON.parse(stored) as Narrative;
      } catch {
        /* ignore a damaged draft */
      }
    }
    return { results: report.results, obstacles: report.obstacles, proposals: report.proposals };
  };
  const [n, setN] = useState<Narrative>(initial);
  // A new version from the server (saved, returned, accepted) replaces what is shown when nothing is being typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the stored report changes
  useEffect(() => setN(initial()), [report.version]);
  const edit = (patch: Partial<Narrative>) => {
    const next = { ...n, ...patch };
    setN(next);
    // Survives a dropped connection or a closed tab (UX: forms keep the draft).
    localStorage.setItem(storeKey, JSON.stringify(next));
  };
  const done = (v: ReportView) => {
    localStorage.removeItem(storeKey);
    onSaved(v);
  };
  const save = useMutation({ mutationFn: () => saveReport(report.id, report.version, n), onSuccess: done });
  const submit = useMutation({
    mutationFn: () => submitReport(report.id, report.version, n),
    onSuccess: done,
  });
  const error = save.error ?? submit.error;
  const errors = error instanceof ApiError ? error.fieldErrors : {};
  const field = (name: keyof Narrative, label: string, hint: string) => (
    <Textarea
      label={label}
      description={editable ? hint : undefined}
      value={n[name]}
      onChange={(e) => edit({ [name]: e.currentTarget.value })}
      readOnly={!editable}
      autosize
      minRows={3}
      error={errors[name]}
    />
  );
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Nội dung báo cáo
        </Title>
        {field(
          'results',
          'Kết quả thực hiện',
          'Những việc đơn vị đã làm trong kỳ, bổ sung cho số liệu điền sẵn.',
        )}
        {field('obstacles', 'Khó khăn, vướng mắc', 'Những khó khăn khi thực hiện kế hoạch.')}
        {can('report.write') && (
          // A unit raises an obstacle from its report (plan 54, closing paragraph): the register tracks its handling.
          <Anchor
            component={Link}
            to={`/obstacles?raise=1&unitId=${view.unit.id}&reportId=${report.id}`}
            size="sm"
          >
            Nêu khó khăn, kiến nghị cần Sở xử lý →
          </Anchor>
        )}
        {field(
          'proposals',
          'Đề xuất, kiến nghị',
          'Kiến nghị với bộ phận chuyển đổi số, Ủy ban nhân dân cấp tỉnh.',
        )}
        {error instanceof ApiError && error.code === 'RESOURCE.VERSION_CONFLICT' ? (
          <Alert color="orange" title="Báo cáo vừa được cập nhật" role="alert">
            {error.message} Nội dung bạn đang gõ vẫn được giữ trên máy này.
          </Alert>
        ) : (
          error && <ErrorAlert error={error} />
        )}
        {editable && (
          <Group>
            <Button variant="default" onClick={() => save.mutate()} loading={save.isPending}>
              Lưu nháp
            </Button>
            {view.actions.includes('submit') && (
              <Button onClick={() => submit.mutate()} loading={submit.isPending}>
                {report.status === 'returned' ? 'Gửi lại báo cáo' : 'Gửi báo cáo'}
              </Button>
            )}
          </Group>
        )}
        {report.submittedAt && (
          <Text size="sm" c="dimmed">
            Gửi lần cuối: {report.submittedByName} · {formatDateTime(report.submittedAt)}
            {report.firstSubmittedAt && report.firstSubmittedAt !== report.submittedAt
              ? ` (lần đầu ${formatDateTime(report.firstSubmittedAt)})`
              : ''}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function ReviewPanel({ view, onDone }: { view: ReportView; onDone: (v: ReportView) => void }) {
  const report = view.report!;
  const { can } = useSession();
  const [comment, setComment] = useState('');
  const ret = useMutation({
    mutationFn: () => returnReport(report.id, report.version, comment),
    onSuccess: onDone,
  });
  const accept = useMutation({
    mutationFn: () => acceptReport(report.id, report.version, comment.trim() || undefined),
    onSuccess: onDone,
  });
  const error = ret.error ?? accept.error;
  const errors = error instanceof ApiError ? error.fieldErrors : {};
  if (!can('report.manage')) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Duyệt báo cáo
        </Title>
        <Textarea
          label="Ý kiến của Văn phòng CĐS"
          description="Bắt buộc khi trả lại: nội dung cần bổ sung, sửa."
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          autosize
          minRows={2}
          error={errors.comment}
        />
        {error && !errors.comment && <ErrorAlert error={error} />}
        <Group>
          {view.actions.includes('return') && (
            <Button color="red.9" onClick={() => ret.mutate()} loading={ret.isPending}>
              Trả lại
            </Button>
          )}
          {view.actions.includes('accept') && (
            <Button color="#1b6b2f" onClick={() => accept.mutate()} loading={accept.isPending}>
              Tiếp nhận
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function Figure({ label, value }: { label: string; value: number | string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={700}>
        {typeof value === 'number' ? formatCount(value) : value}
      </Text>
    </Paper>
  );
}

/** The figures pre-filled from the unit's records (live while drafting; the submitted snapshot afterwards). */
function FiguresPanel({ figures: f, source }: { figures: ReportFigures; source: 'live' | 'snapshot' }) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            Số liệu từ hồ sơ của đơn vị
          </Title>
          <Badge variant="outline" color="gray.8" tt="none">
            {source === 'live'
              ? `Tính trực tiếp lúc ${formatDateTime(f.computedAt)}`
              : `Số liệu đã chốt khi gửi (${formatDateTime(f.computedAt)})`}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          Từ {formatDate(f.period.from)} đến {formatDate(f.period.to)}; gồm đơn vị và {f.unitCount - 1} đơn vị
          trực thuộc.
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Figure label="Tin, bài" value={f.publications.total} />
          <Figure label="Lớp tập huấn tổ chức" value={f.trainings.count} />
          <Figure label="Người được tập huấn" value={f.trainings.peopleTrained} />
          {f.trainings.attendances !== undefined && (
            <Figure label="Lượt người tham dự tập huấn" value={f.trainings.attendances} />
          )}
          <Figure label="Sự kiện, hoạt động" value={f.events.total} />
          <Figure label="Người tham gia sự kiện" value={f.events.participants} />
          <Figure label="Mô hình CĐS đã được công nhận" value={f.models.total} />
          <Figure label="Mô hình được công nhận trong kỳ" value={f.models.recognisedInPeriod} />
          <Figure label="Mô hình đã công nhận được giới thiệu" value={f.models.featuredInPeriod} />
        </SimpleGrid>
        {f.publications.byTheme.length > 0 && (
          <SmallTable
            caption="Tin, bài theo nội dung tuyên truyền"
            head={['Nội dung', 'Số tin, bài']}
            rows={f.publications.byTheme.map((t) => [`${t.code} ${t.name}`, formatCount(t.count)])}
          />
        )}
        {f.publications.byChannel.length > 0 && (
          <SmallTable
            caption="Tin, bài theo kênh"
            head={['Kênh', 'Số tin, bài']}
            rows={f.publications.byChannel.map((c) => [c.name, formatCount(c.count)])}
          />
        )}
        {f.events.byKind.length > 0 && (
          <SmallTable
            caption="Sự kiện theo loại"
            head={['Loại', 'Số lượng']}
            rows={f.events.byKind.map((e) => [EVENT_KIND_VI[e.kind] ?? e.kind, formatCount(e.count)])}
          />
        )}
        {f.tasks.total > 0 && (
          <SmallTable
            caption={`Nhiệm vụ được giao (${f.tasks.done}/${f.tasks.total} hoàn thành, ${f.tasks.overdue} quá hạn)`}
            head={['Nhiệm vụ', 'Hạn', 'Tình trạng']}
            rows={f.tasks.items.map((t) => [
              `${t.stt ? `${t.stt}. ` : ''}${t.title}`,
              formatDate(t.dueDate, '—'),
              TASK_STATUS_VI[t.effectiveStatus as EffectiveStatus] ?? t.effectiveStatus,
            ])}
          />
        )}
        {f.targets.length > 0 && (
          <SmallTable
            caption="Kết quả của đơn vị theo chỉ tiêu"
            head={['Chỉ tiêu', 'Mục tiêu', 'Đạt / phải đạt', 'Giá trị']}
            rows={f.targets.map((t) => [
              `${t.code} ${t.text}`,
              t.goalText,
              t.due > 0 ? `${formatCount(t.achieved)} / ${formatCount(t.due)}` : 'Không áp dụng',
              t.value === null ? '—' : String(t.value.toLocaleString('vi-VN')),
            ])}
          />
        )}
      </Stack>
    </Paper>
  );
}

function SmallTable({ caption, head, rows }: { caption: string; head: string[]; rows: string[][] }) {
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table striped withTableBorder captionSide="top">
        <Table.Caption style={{ textAlign: 'left', fontWeight: 600 }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {head.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are a fixed snapshot
            <Table.Tr key={i}>
              {r.map((c, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells of a fixed row
                <Table.Td key={j}>{c}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

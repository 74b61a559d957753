import type { ReportFigures } from '@dx/domain';
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
import { useTranslation } from 'react-i18next';
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
import { formatNumber } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useGoalText } from '../../lib/TargetBits';
import { ErrorAlert, Loading } from '../../lib/ui';
import { useDataItemLabels } from '../../locales/data-items';
import { fill, useReportLabels } from '../../locales/reports';
import { useTaskLabels } from '../../locales/tasks';
import { formatCount, ReportStatusBadge } from './bits';
import {
  DataValueFields,
  DataValuesPanel,
  type UnitFigures,
  useSlotWords,
  useUnitFigures,
} from './DataValuesPanel';

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
  const L = useReportLabels();
  const qc = useQueryClient();
  const key = reportKeys.view(periodId, unitId);
  const q = useQuery({ queryKey: key, queryFn: () => fetchReportView(periodId, unitId) });
  const setView = (v: ReportView) => {
    qc.setQueryData(key, v);
    void qc.invalidateQueries({ queryKey: ['reports', 'completeness'] });
    void qc.invalidateQueries({ queryKey: reportKeys.mine() });
    // The unit's reported figures ride with its report (submitted, returned, accepted with it).
    void qc.invalidateQueries({ queryKey: ['data-values'] });
  };
  const start = useMutation({ mutationFn: () => startReport(periodId, unitId), onSuccess: setView });
  const figures = useUnitFigures(periodId, unitId);
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const v = q.data;
  return (
    <Stack gap="md" maw={960}>
      <Anchor component={Link} to="/reports" size="sm">
        {L.backToReports}
      </Anchor>
      <div>
        <Title order={2}>{fill(L.reportTitle, { period: v.period.label, unit: v.unit.name })}</Title>
        <Group gap="xs" mt={4}>
          <ReportStatusBadge status={v.report?.status ?? null} />
          <Text size="sm" c="dimmed">
            {fill(L.dueOn, { date: formatDate(v.period.dueDate) })}
            {v.period.status === 'closed' ? ` · ${L.periodClosed}` : ''}
          </Text>
        </Group>
      </div>
      {v.report?.lock && (
        <Alert color="green" title={L.locked} role="status" styles={{ title: { color: DARK_GREEN } }}>
          <Text size="sm">{L.lockReasons[v.report.lock.reason]}</Text>
          <Text size="sm">
            {fill(L.lockedBy, { name: v.report.lock.byName, at: formatDateTime(v.report.lock.at) })}
          </Text>
        </Alert>
      )}
      {v.report?.status === 'returned' && (
        <Alert color="red" title={L.returned} role="alert" styles={{ title: { color: DARK_RED } }}>
          <Text size="sm">{fill(L.dxComment, { comment: v.report.reviewComment ?? '' })}</Text>
          <Text size="sm">
            {fill(L.returnedBy, {
              name: v.report.reviewedByName ?? '',
              at: v.report.reviewedAt ? formatDateTime(v.report.reviewedAt) : '',
            })}
          </Text>
        </Alert>
      )}
      {!v.unit.isRequired && !v.report && (
        <Alert color="gray" title={L.notRequired}>
          {L.notRequiredText}
        </Alert>
      )}
      {v.report === null && v.canStart && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text>{L.prefilled}</Text>
            <Group>
              <Button onClick={() => start.mutate()} loading={start.isPending}>
                {L.startDrafting}
              </Button>
            </Group>
            {start.error && <ErrorAlert error={start.error} />}
          </Stack>
        </Paper>
      )}
      {v.report && <NarrativeForm view={v} onSaved={setView} figures={figures} />}
      {/* While the report is drafted its form carries the figures; otherwise they are saved alone. */}
      {!(v.report && v.actions.includes('save')) && (
        <DataValuesPanel periodId={periodId} unitId={unitId} figures={figures} />
      )}
      {v.report && (v.actions.includes('return') || v.actions.includes('accept')) && (
        <ReviewPanel view={v} onDone={setView} />
      )}
      <FiguresPanel figures={v.figures} source={v.figuresSource} period={v.period} />
      {v.history.length > 0 && (
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            {L.history}
          </Title>
          <Timeline bulletSize={14} lineWidth={2}>
            {v.history.map((h) => (
              <Timeline.Item
                key={h.id}
                title={h.statusFrom === null ? L.historyStarted : L.actions[h.action]}
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

function NarrativeForm({
  view,
  onSaved,
  figures,
}: {
  view: ReportView;
  onSaved: (v: ReportView) => void;
  figures: UnitFigures;
}) {
  const report = view.report!;
  const { can } = useSession();
  const L = useReportLabels();
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
    figures.refresh();
  };
  // The figures typed below are saved — and sent — with the report, in the same request (issue 16).
  const save = useMutation({
    mutationFn: () => saveReport(report.id, report.version, n, figures.values()),
    onSuccess: done,
  });
  const submit = useMutation({
    mutationFn: () => submitReport(report.id, report.version, n, figures.values()),
    onSuccess: done,
  });
  const D = useDataItemLabels();
  const hasFigures = (figures.data?.rows.length ?? 0) > 0;
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
          {L.narrative}
        </Title>
        {field('results', L.results, L.resultsHint)}
        {field('obstacles', L.obstacles, L.obstaclesHint)}
        {can('report.write') && (
          // A unit raises an obstacle from its report (plan 54, closing paragraph): the register tracks its handling.
          <Anchor
            component={Link}
            to={`/obstacles?raise=1&unitId=${view.unit.id}&reportId=${report.id}`}
            size="sm"
          >
            {L.raiseObstacle}
          </Anchor>
        )}
        {field('proposals', L.proposals, L.proposalsHint)}
        {editable && hasFigures && (
          <Stack gap="xs">
            <Title order={4} size="h5">
              {D.figuresTitle}
            </Title>
            <Text size="sm" c="dimmed">
              {D.figuresInReport}
            </Text>
            <DataValueFields figures={figures} editable error={error} />
          </Stack>
        )}
        {error instanceof ApiError && error.code === 'RESOURCE.VERSION_CONFLICT' ? (
          <Alert color="orange" title={L.conflictTitle} role="alert">
            {error.message} {L.conflictKept}
          </Alert>
        ) : (
          error && <ErrorAlert error={error} />
        )}
        {editable && (
          <Group>
            <Button variant="default" onClick={() => save.mutate()} loading={save.isPending}>
              {L.saveDraft}
            </Button>
            {view.actions.includes('submit') && (
              <Button onClick={() => submit.mutate()} loading={submit.isPending}>
                {report.status === 'returned' ? L.resubmit : L.submitReport}
              </Button>
            )}
          </Group>
        )}
        {report.submittedAt && (
          <Text size="sm" c="dimmed">
            {fill(L.lastSent, {
              name: report.submittedByName ?? '',
              at: formatDateTime(report.submittedAt),
            })}
            {report.firstSubmittedAt && report.firstSubmittedAt !== report.submittedAt
              ? ` (${fill(L.firstSent, { at: formatDateTime(report.firstSubmittedAt) })})`
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
  const L = useReportLabels();
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
          {L.reviewReport}
        </Title>
        <Textarea
          label={L.dxOpinion}
          description={L.dxOpinionHint}
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
              {L.returnReport}
            </Button>
          )}
          {view.actions.includes('accept') && (
            <Button color="#1b6b2f" onClick={() => accept.mutate()} loading={accept.isPending}>
              {L.acceptReport}
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
function FiguresPanel({
  figures: f,
  source,
  period,
}: {
  figures: ReportFigures;
  source: 'live' | 'snapshot';
  period: { periodFrom: string; kind: string };
}) {
  const L = useReportLabels();
  const D = useDataItemLabels();
  const slotWords = useSlotWords();
  const { i18n } = useTranslation();
  const isEn = i18n.language?.startsWith('en');
  const tasksL = useTaskLabels();
  const goalText = useGoalText();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {L.figuresTitle}
          </Title>
          <Badge variant="outline" color="gray.8" tt="none">
            {source === 'live'
              ? fill(L.figuresLive, { at: formatDateTime(f.computedAt) })
              : fill(L.figuresSnapshot, { at: formatDateTime(f.computedAt) })}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {fill(L.figuresScope, {
            from: formatDate(f.period.from),
            to: formatDate(f.period.to),
            n: f.unitCount - 1,
          })}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Figure label={L.publications} value={f.publications.total} />
          <Figure label={L.trainings} value={f.trainings.count} />
          <Figure label={L.peopleTrained} value={f.trainings.peopleTrained} />
          {f.trainings.attendances !== undefined && (
            <Figure label={L.attendances} value={f.trainings.attendances} />
          )}
          <Figure label={L.events} value={f.events.total} />
          <Figure label={L.participants} value={f.events.participants} />
          <Figure label={L.models} value={f.models.total} />
          <Figure label={L.modelsRecognised} value={f.models.recognisedInPeriod} />
          <Figure label={L.modelsFeatured} value={f.models.featuredInPeriod} />
        </SimpleGrid>
        {f.publications.byTheme.length > 0 && (
          <SmallTable
            caption={L.byTheme}
            head={[L.theme, L.publicationCount]}
            rows={f.publications.byTheme.map((t) => [`${t.code} ${t.name}`, formatCount(t.count)])}
          />
        )}
        {f.publications.byChannel.length > 0 && (
          <SmallTable
            caption={L.byChannel}
            head={[L.channel, L.publicationCount]}
            rows={f.publications.byChannel.map((c) => [c.name, formatCount(c.count)])}
          />
        )}
        {f.events.byKind.length > 0 && (
          <SmallTable
            caption={L.byKind}
            head={[L.eventKind, L.count]}
            rows={f.events.byKind.map((e) => [L.eventKinds[e.kind] ?? e.kind, formatCount(e.count)])}
          />
        )}
        {f.tasks.total > 0 && (
          <SmallTable
            caption={fill(L.tasksCaption, {
              done: f.tasks.done,
              total: f.tasks.total,
              overdue: f.tasks.overdue,
            })}
            head={[L.task, L.taskDue, L.taskStatus]}
            rows={f.tasks.items.map((t) => [
              `${t.stt ? `${t.stt}. ` : ''}${t.title}`,
              formatDate(t.dueDate, '—'),
              tasksL.statuses[t.effectiveStatus] ?? t.effectiveStatus,
            ])}
          />
        )}
        {f.dataValues && f.dataValues.length > 0 && (
          // The reported figures the report carried when it was sent (its frozen snapshot, issue 16).
          <SmallTable
            caption={D.sentFigures}
            head={[D.figure, D.value, D.note]}
            rows={f.dataValues.map((d) => {
              const slot = slotWords({ item: { frequency: d.frequency }, periodFrom: d.periodFrom }, period);
              const name = isEn ? d.nameEn || d.nameVi : d.nameVi;
              return [
                `${name}${slot ? ` — ${slot}` : ''} (${D.units[d.unitOfMeasure] ?? d.unitOfMeasure})`,
                d.value === null ? D.notEntered : formatNumber(d.value, 4),
                d.note,
              ];
            })}
          />
        )}
        {f.targets.length > 0 && (
          <SmallTable
            caption={L.targetsCaption}
            head={[L.target, L.goal, L.achievedOfDue, L.value]}
            rows={f.targets.map((t) => [
              `${t.code} ${t.text}`,
              t.goal ? goalText(t.goal) : t.goalText,
              t.due > 0 ? `${formatCount(t.achieved)} / ${formatCount(t.due)}` : L.notApplicable,
              t.value === null ? '—' : formatNumber(t.value, 3),
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

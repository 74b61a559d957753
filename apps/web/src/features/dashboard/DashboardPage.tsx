import { RECORD_PATHS } from '@dx/contracts/paths';
import type { RecordType } from '@dx/domain';
import {
  Alert,
  Anchor,
  Box,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  type Breakdown,
  dashboardExportUrl,
  type EvidenceRecord,
  fetchEvaluation,
  fetchSubjects,
  fetchTrend,
  type ReminderResult,
  type Subject,
  type SubjectQuery,
  type SubjectState,
  sendReminders,
  subjectsExportUrl,
  type TargetEvaluation,
  type TrendPoint,
  targetKeys,
} from '../../api/targets';
import { DateField } from '../../lib/DateField';
import { formatDate } from '../../lib/dates';
import { useMissingText } from '../../lib/missing';
import { PlanSelect, usePlanChoice } from '../../lib/PlanChoice';
import { useProvince } from '../../lib/province';
import { useSession } from '../../lib/session';
import {
  GoalBar,
  RateBar,
  readableAlert,
  StatusBadge,
  TrendLine,
  useGoalText,
  useValueText,
} from '../../lib/TargetBits';
import { evidenceKindOf, useFormula } from '../../lib/target-kinds';
import { UrgeButton } from '../../lib/UrgeButton';
import { Empty, ErrorAlert, Loading } from '../../lib/ui';
import { fill, useEvidenceLabels, useNumberFormat } from '../../locales/evidence';
import { useNationalLabels } from '../../locales/national';

/** The DX office's dashboard: one card per target, its breakdowns, who is behind, and reminders. */
export function DashboardPage() {
  const L = useEvidenceLabels();
  const choice = usePlanChoice();
  const { planId } = choice;
  const [openId, setOpenId] = useState<string | null>(null);
  // Figures as of a chosen day (issue 11), kept in the URL (?asOf=); empty = now.
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') || undefined;
  // Opened from the national view (issue 13): the province's dashboard, read-only (no reminders), with the way back.
  const readOnly = params.get('readonly') === '1';
  const N = useNationalLabels();
  const { can } = useSession();
  const { provinceId, provinces } = useProvince();
  const provinceName = provinces.find((p) => p.provinceId === provinceId)?.name ?? '';
  const setAsOf = (d: string) =>
    setParams(
      (p) => {
        if (d) p.set('asOf', d);
        else p.delete('asOf');
        return p;
      },
      { replace: true },
    );
  const q = useQuery({
    queryKey: targetKeys.evaluation(planId ?? '', asOf),
    queryFn: () => fetchEvaluation(planId!, asOf),
    enabled: !!planId,
  });
  // The trend is drawn once the cards are there (a separate, slower request: one statement for every point).
  const trend = useQuery({
    queryKey: targetKeys.trend(planId ?? '', asOf),
    queryFn: () => fetchTrend(planId!, asOf),
    enabled: !!planId && !!q.data,
  });
  const targets = q.data?.targets ?? [];
  const open = targets.find((t) => t.planTargetId === openId) ?? null;
  const pointsOf = (id: string) => trend.data?.targets.find((x) => x.planTargetId === id)?.points ?? [];
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{L.dashTitle}</Title>
        <Text size="sm" c="dimmed">
          {L.dashIntro}
        </Text>
      </div>
      {readOnly && (
        <Alert color="blue" variant="light">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{N.readOnly(provinceName)}</Text>
            <Anchor component={Link} to="/national" size="sm">
              {N.back}
            </Anchor>
          </Group>
        </Alert>
      )}
      <Group align="flex-end">
        <PlanSelect choice={choice} />
        <DateField
          label={L.asOfPicker}
          description={L.asOfHint}
          value={asOf ?? ''}
          onChange={setAsOf}
          maw={200}
        />
        {planId && targets.length > 0 && (
          <Group gap="xs">
            <Button component="a" href={dashboardExportUrl(planId, 'xlsx', asOf)} variant="default" download>
              {L.exportXlsx}
            </Button>
            <Button component="a" href={dashboardExportUrl(planId, 'pdf', asOf)} variant="default" download>
              {L.exportPdf}
            </Button>
          </Group>
        )}
      </Group>
      {choice.plans.error && (
        <ErrorAlert error={choice.plans.error} onRetry={() => void choice.plans.refetch()} />
      )}
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {choice.isLoading || q.isLoading ? (
        <Loading label={choice.isLoading ? L.plansLoading : L.dashLoading} />
      ) : !planId ? (
        <Paper withBorder>
          <Empty title={L.noPlan} hint={L.noPlanHint} />
        </Paper>
      ) : targets.length === 0 ? (
        <Paper withBorder>
          <Empty title={L.noTargets} hint={L.noTargetsHint} />
        </Paper>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {targets.map((t) => (
            <TargetCard
              key={t.planTargetId}
              target={t}
              points={pointsOf(t.planTargetId)}
              onOpen={() => setOpenId(t.planTargetId)}
              ruleHref={
                can('plan.write') && !readOnly ? `/target-rules/${planId}/${t.planTargetId}` : undefined
              }
            />
          ))}
        </SimpleGrid>
      )}
      {open && planId && (
        <TargetDetail key={open.planTargetId} planId={planId} target={open} onClose={() => setOpenId(null)} />
      )}
    </Stack>
  );
}

function TargetCard({
  target: t,
  points,
  onOpen,
  ruleHref,
}: {
  target: TargetEvaluation;
  points: TrendPoint[];
  onOpen: () => void;
  /** The rule editor of this target, for those who may write the plan (issue 16). */
  ruleHref?: string;
}) {
  const L = useEvidenceLabels();
  const formula = useFormula();
  const valueText = useValueText();
  const goalText = useGoalText();
  const n = useNumberFormat();
  const recordsPath = `/records/${RECORD_PATHS[evidenceKindOf(t)]}`;
  const headingId = `target-${t.planTargetId}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={3} fz="lg" id={headingId}>
            {L.targetWord} {t.letter}{' '}
            <Text span c="dimmed" fz="sm" fw={400}>
              ({t.code})
            </Text>
          </Title>
          <StatusBadge status={t.status} />
        </Group>
        <Text size="sm" lineClamp={3} title={t.text}>
          {t.text}
        </Text>
        <Group gap="xs" align="baseline" wrap="wrap">
          <Text fz={32} fw={700} lh={1} data-testid="target-value">
            {valueText(t)}
          </Text>
          <Text size="sm">
            {L.goal}: {goalText(t.goal)}
          </Text>
        </Group>
        <GoalBar target={t} />
        <TrendLine target={t} points={points} />
        <Group gap="xs" justify="space-between" wrap="wrap">
          {t.goal.unit === 'percent' ? (
            <Anchor component={Link} to={recordsPath} size="sm">
              {fill(L.achievedOf, { achieved: n(t.achieved, 0), due: n(t.due, 0) })}
            </Anchor>
          ) : (
            <Anchor component={Link} to={recordsPath} size="sm">
              {L.seeRecords}
            </Anchor>
          )}
          {t.notApplicable > 0 && (
            <Text size="sm" c="dimmed">
              {fill(L.notApplicableCount, { count: n(t.notApplicable, 0) })}
            </Text>
          )}
        </Group>
        {t.formula && (
          <details>
            <summary style={{ cursor: 'pointer', fontSize: 14 }}>{L.formula}</summary>
            <Text size="sm" mt={4}>
              {formula(t)}
            </Text>
          </details>
        )}
        <Stack mt="auto" gap={6}>
          <Button variant="light" fullWidth onClick={onOpen} aria-label={`${L.details}: ${t.code}`}>
            {L.details}
          </Button>
          {ruleHref && (
            <Anchor
              component={Link}
              to={ruleHref}
              size="sm"
              ta="center"
              aria-label={`${L.editRule}: ${t.code}`}
            >
              {L.editRule}
            </Anchor>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}

/** A breakdown row with its name in the reader's words (the server names only districts: issue 18). */
type NamedBreakdown = Breakdown & { name: string };

/** A figure of a breakdown cell that opens the list of who is behind it (or achieved). */
function CellButton({ count, what, onClick }: { count: number; what: string; onClick: () => void }) {
  const L = useEvidenceLabels();
  const n = useNumberFormat();
  if (count === 0) return <>{n(0, 0)}</>;
  return (
    <Anchor
      component="button"
      type="button"
      size="sm"
      onClick={onClick}
      aria-label={fill(L.openCell, { count, what })}
    >
      {n(count, 0)}
    </Anchor>
  );
}

function BreakdownTable({
  rows,
  percent,
  onOpen,
}: {
  rows: NamedBreakdown[];
  percent: boolean;
  /** Opens the subjects of a cell in a state. */
  onOpen: (row: NamedBreakdown, state: SubjectState) => void;
}) {
  const L = useEvidenceLabels();
  const n = useNumberFormat();
  if (rows.length === 0) return <Empty title={L.noBreakdown} hint={L.noBreakdownHint} />;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{L.name}</Table.Th>
            <Table.Th ta="right">{L.population}</Table.Th>
            <Table.Th ta="right">{L.due}</Table.Th>
            <Table.Th ta="right">{L.achieved}</Table.Th>
            {percent && <Table.Th ta="right">{L.behindCol}</Table.Th>}
            {percent && <Table.Th ta="right">{L.rate}</Table.Th>}
            {percent && <Table.Th w="30%">{L.chart}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key ?? r.name}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td ta="right">
                <CellButton
                  count={r.population}
                  what={`${L.listAll}: ${r.name}`}
                  onClick={() => onOpen(r, 'all')}
                />
              </Table.Td>
              <Table.Td ta="right">{n(r.due, 0)}</Table.Td>
              <Table.Td ta="right">
                <CellButton
                  count={r.achieved}
                  what={`${L.listAchieved}: ${r.name}`}
                  onClick={() => onOpen(r, 'achieved')}
                />
              </Table.Td>
              {percent && (
                <Table.Td ta="right">
                  <CellButton
                    count={r.due - r.achieved}
                    what={`${L.listBehind}: ${r.name}`}
                    onClick={() => onOpen(r, 'behind')}
                  />
                </Table.Td>
              )}
              {percent && <Table.Td ta="right">{r.value === null ? '—' : `${n(r.value)}%`}</Table.Td>}
              {percent && (
                <Table.Td>
                  <RateBar value={r.value} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const PAGE = 20;

/** The records behind a subject: what counts (with a link to the record list of its kind), or nothing. */
function RecordsBehind({ records }: { records: EvidenceRecord[] }) {
  if (records.length === 0) return null;
  return (
    <Stack gap={0}>
      {records.map((r) => (
        // A unit listed as its own evidence (a count of units) opens in the organisation tree, on its date; a record
        // opens its kind's list.
        <Anchor
          key={r.id}
          component={Link}
          to={
            r.type === 'unit'
              ? `/org-units?unit=${r.id}${r.date ? `&asOf=${r.date}` : ''}`
              : `/records/${RECORD_PATHS[r.type as RecordType]}`
          }
          size="sm"
        >
          {r.label}
          {r.date ? ` (${formatDate(r.date)})` : ''}
        </Anchor>
      ))}
    </Stack>
  );
}

function TargetDetail({
  planId,
  target: t,
  onClose,
}: {
  planId: string;
  target: TargetEvaluation;
  onClose: () => void;
}) {
  const L = useEvidenceLabels();
  const formula = useFormula();
  const { can } = useSession();
  const qc = useQueryClient();
  const phone = useMediaQuery('(max-width: 48em)');
  const valueText = useValueText();
  const goalText = useGoalText();
  const missing = useMissingText();
  const isCount = t.goal.unit !== 'percent';
  // The list behind the figure, from GET …/subjects: the whole target or one breakdown cell, paged.
  const [query, setQuery] = useState<SubjectQuery & { cell?: string }>({
    state: isCount ? 'all' : 'behind',
    offset: 0,
    limit: PAGE,
  });
  // The list stands at the same day as the figure (the dashboard's ?asOf=).
  const [search] = useSearchParams();
  const asOf = search.get('asOf') || undefined;
  const list = useQuery({
    queryKey: targetKeys.subjects(planId, t.planTargetId, { ...query, asOf }),
    queryFn: () => fetchSubjects(planId, t.planTargetId, { ...query, asOf }),
    placeholderData: (previous) => previous,
  });
  const items: Subject[] = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const behind = useMemo(() => items.filter((s) => s.due && !s.achieved), [items]);
  const unitIds = useMemo(
    () => [...new Set(behind.map((s) => s.unitId).filter((u): u is string => !!u))],
    [behind],
  );
  const openCell = (by: 'district' | 'kind') => (row: NamedBreakdown, state: SubjectState) =>
    setQuery({
      state,
      offset: 0,
      limit: PAGE,
      cell: row.name,
      ...(by === 'district' ? { district: row.key ?? 'city' } : { unitKind: row.key ?? 'none' }),
    });
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const [result, setResult] = useState<ReminderResult | null>(null);
  const remind = useMutation({
    mutationFn: () => sendReminders(planId, t.planTargetId, [...picked], message),
    onSuccess: (r) => {
      setResult(r);
      setConfirming(false);
      setPicked(new Set());
      setMessage('');
      notifications.show({
        color: 'green',
        closeButtonProps: { 'aria-label': L.close },
        message: fill(L.remindDone, { count: r.notified }),
      });
      void qc.invalidateQueries({ queryKey: targetKeys.all });
    },
  });
  const toggle = (unitId: string, on: boolean) =>
    setPicked((p) => {
      const next = new Set(p);
      if (on) next.add(unitId);
      else next.delete(unitId);
      return next;
    });
  const kindPath = `/records/${RECORD_PATHS[evidenceKindOf(t)]}`;
  // Read-only when opened from the national view (?readonly=1), even for a system administrator.
  const mayRemind = can('target.remind') && search.get('readonly') !== '1';
  const allOn = unitIds.length > 0 && unitIds.every((u) => picked.has(u));
  const stateLabel: Record<SubjectState, string> = {
    behind: L.listBehind,
    achieved: L.listAchieved,
    not_due: L.listNotDue,
    all: isCount ? L.listCounted : L.listAll,
  };
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': L.close }}
      size="80rem"
      fullScreen={phone}
      title={`${t.code} — ${L.status[t.status] ?? ''}`}
    >
      <Stack gap="md">
        <Text size="sm">{t.text}</Text>
        <Group gap="lg" wrap="wrap">
          <Text>
            {L.value}: <b>{valueText(t)}</b>
          </Text>
          <Text>
            {L.goal}: <b>{goalText(t.goal)}</b>
          </Text>
          <StatusBadge status={t.status} />
          {t.period && (
            <Text size="sm" c="dimmed">
              {L.period}: {formatDate(t.period.from)} – {formatDate(t.period.to)}
              {t.asOf ? ` (${L.asOf} ${formatDate(t.asOf)})` : ''}
            </Text>
          )}
        </Group>
        <GoalBar target={t} />
        {t.formula && (
          <Text size="sm" c="dimmed">
            {L.formula}: {formula(t)}
          </Text>
        )}
        <Tabs defaultValue="district" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="district">{L.byDistrict}</Tabs.Tab>
            <Tabs.Tab value="kind">{L.byKind}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="district" pt="xs">
            <BreakdownTable
              rows={t.byDistrict.map((r) => ({ ...r, name: r.name ?? L.cityLevel }))}
              percent={!isCount}
              onOpen={openCell('district')}
            />
          </Tabs.Panel>
          <Tabs.Panel value="kind" pt="xs">
            <BreakdownTable
              rows={t.byKind.map((r) => ({
                ...r,
                name: r.key ? (L.unitKinds[r.key] ?? r.key) : L.unknownKind,
              }))}
              percent={!isCount}
              onOpen={openCell('kind')}
            />
          </Tabs.Panel>
        </Tabs>

        <Stack gap="xs">
          <Title order={3} fz="lg" id={`list-${t.planTargetId}`}>
            {isCount ? L.listCounted : L.behindTitle}
          </Title>
          {result && (
            <Alert
              {...readableAlert}
              color="green"
              role="status"
              title={fill(L.remindDone, { count: result.notified })}
            >
              {result.emailStatus === 'not_configured' ? (
                L.emailNotConfigured
              ) : (
                <>
                  {result.emailQueued > 0 && <div>{fill(L.emailQueued, { count: result.emailQueued })}</div>}
                  {result.emailNoRecipient > 0 && (
                    <div>{fill(L.emailNoRecipient, { count: result.emailNoRecipient })}</div>
                  )}
                </>
              )}
            </Alert>
          )}
          <Group gap="sm" align="flex-end" wrap="wrap">
            {!isCount && (
              <NativeSelect
                label={L.state}
                value={query.state}
                onChange={(e) =>
                  setQuery((q) => ({ ...q, state: e.currentTarget.value as SubjectState, offset: 0 }))
                }
                data={(['behind', 'achieved', 'not_due', 'all'] as const).map((v) => ({
                  value: v,
                  label: stateLabel[v],
                }))}
              />
            )}
            <Button
              component="a"
              variant="default"
              download
              href={subjectsExportUrl(planId, t.planTargetId, {
                state: query.state,
                district: query.district,
                unitKind: query.unitKind,
                unitId: query.unitId,
                asOf,
              })}
            >
              {L.exportList}
            </Button>
            {query.cell && (
              <Group gap="xs">
                <Text size="sm">{fill(L.cellFilter, { what: query.cell })}</Text>
                <Button
                  variant="subtle"
                  size="xs"
                  onClick={() => setQuery({ state: query.state, offset: 0, limit: PAGE })}
                >
                  {L.showAll}
                </Button>
              </Group>
            )}
          </Group>
          {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
          {list.isLoading ? (
            <Loading label={L.listLoading} />
          ) : items.length === 0 ? (
            <Empty title={query.state === 'behind' && !query.cell ? L.nobodyBehind : L.noneFound} />
          ) : (
            <>
              {mayRemind && unitIds.length > 0 && (
                <Group gap="sm">
                  <Checkbox
                    label={L.selectAll}
                    checked={allOn}
                    indeterminate={!allOn && unitIds.some((u) => picked.has(u))}
                    onChange={(e) =>
                      setPicked((p) => {
                        const next = new Set(p);
                        for (const u of unitIds) {
                          if (e.currentTarget.checked) next.add(u);
                          else next.delete(u);
                        }
                        return next;
                      })
                    }
                  />
                  <Button
                    onClick={() => setConfirming(true)}
                    disabled={picked.size === 0}
                    title={picked.size === 0 ? L.pickToRemind : undefined}
                  >
                    {picked.size ? fill(L.remindSelected, { count: picked.size }) : L.remind}
                  </Button>
                  <UrgeButton
                    planId={planId}
                    request={{
                      source: 'target',
                      sourceId: t.planTargetId,
                      ...(picked.size ? { unitIds: [...picked] } : {}),
                      ...(asOf ? { asOf } : {}),
                    }}
                  />
                </Group>
              )}
              {confirming && (
                <Alert {...readableAlert} color="blue" title={fill(L.remindTitle, { code: t.code })}>
                  <Stack gap="xs">
                    <Text size="sm">{fill(L.remindConfirm, { count: picked.size })}</Text>
                    <Textarea
                      label={L.remindMessage}
                      value={message}
                      onChange={(e) => setMessage(e.currentTarget.value)}
                      autosize
                      minRows={2}
                    />
                    {remind.error && <ErrorAlert error={remind.error} />}
                    <Group gap="sm">
                      <Button onClick={() => remind.mutate()} loading={remind.isPending}>
                        {L.send}
                      </Button>
                      <Button variant="default" onClick={() => setConfirming(false)}>
                        {L.cancel}
                      </Button>
                    </Group>
                  </Stack>
                </Alert>
              )}
              <Table.ScrollContainer minWidth={560}>
                <Table striped verticalSpacing={4} aria-labelledby={`list-${t.planTargetId}`}>
                  <Table.Thead>
                    <Table.Tr>
                      {mayRemind && (
                        <Table.Th w={40}>
                          <span className="dx-sr-only">{L.remind}</span>
                        </Table.Th>
                      )}
                      <Table.Th>{L.subject}</Table.Th>
                      <Table.Th>{L.unit}</Table.Th>
                      <Table.Th>{L.district}</Table.Th>
                      <Table.Th>{L.evidence}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((s) => (
                      <Table.Tr key={s.subjectId}>
                        {mayRemind && (
                          <Table.Td>
                            {s.unitId && s.due && !s.achieved && (
                              <Checkbox
                                aria-label={fill(L.select, {
                                  name: `${s.label}${s.unitName && s.unitName !== s.label ? ` (${s.unitName})` : ''}`,
                                })}
                                checked={picked.has(s.unitId)}
                                onChange={(e) => toggle(s.unitId!, e.currentTarget.checked)}
                              />
                            )}
                          </Table.Td>
                        )}
                        <Table.Td>{s.label}</Table.Td>
                        <Table.Td>
                          {s.unitId ? (
                            <Anchor component={Link} to={`${kindPath}?unitId=${s.unitId}`} size="sm">
                              {s.unitName ?? L.seeRecords}
                            </Anchor>
                          ) : (
                            (s.unitName ?? '—')
                          )}
                        </Table.Td>
                        <Table.Td>{s.districtName ?? L.cityLevel}</Table.Td>
                        <Table.Td>
                          {!isCount && <Text size="sm">{s.due ? missing(t, s) : L.listNotDue}</Text>}
                          <RecordsBehind
                            records={((s.evidence?.records as EvidenceRecord[] | undefined) ?? []).filter(
                              (r) => r.type !== 'unit_plan' || s.achieved,
                            )}
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Group justify="space-between" wrap="wrap">
                <Text size="sm" c="dimmed" role="status">
                  {fill(L.showRange, {
                    from: query.offset + 1,
                    to: query.offset + items.length,
                    total,
                  })}
                </Text>
                <Group gap="xs">
                  <Button
                    variant="default"
                    size="xs"
                    disabled={query.offset === 0}
                    onClick={() => setQuery((q) => ({ ...q, offset: Math.max(0, q.offset - PAGE) }))}
                  >
                    {L.prev}
                  </Button>
                  <Button
                    variant="default"
                    size="xs"
                    disabled={query.offset + items.length >= total}
                    onClick={() => setQuery((q) => ({ ...q, offset: q.offset + PAGE }))}
                  >
                    {L.next}
                  </Button>
                </Group>
              </Group>
            </>
          )}
        </Stack>
      </Stack>
    </Modal>
  );
}

import {
  defaultReportPeriod,
  REPORT_PERIOD_KINDS,
  type ReportingDeadline,
  type ReportPeriodKind,
} from '@dx/domain';
import {
  Anchor,
  Badge,
  Button,
  CloseButton,
  Group,
  Modal,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { fetchPlan, planKeys } from '../../api/plans';
import {
  createPeriod,
  listGroups,
  listPeriods,
  type Period,
  type PeriodInput,
  reportKeys,
} from '../../api/reports';
import { ApiError } from '../../lib/api';
import { DateField } from '../../lib/DateField';
import { formatDate } from '../../lib/dates';
import { useProvince } from '../../lib/province';
import { useSession } from '../../lib/session';
import { UnitPicker } from '../../lib/UnitPicker';
import { Empty, ErrorAlert, Loading } from '../../lib/ui';
import { fill, useReportLabels } from '../../locales/reports';
import { PlanSelect, usePlanChoice } from './bits';

/** The DX office's list of reporting periods of a plan, with how far each is, and "open a period". */
export function PeriodsPage() {
  const { can } = useSession();
  const L = useReportLabels();
  const { provinceId } = useProvince();
  const { plans, items, planId, setPlanId } = usePlanChoice(provinceId);
  const [creating, setCreating] = useState(false);
  const periods = useQuery({
    queryKey: reportKeys.periods(planId ?? ''),
    queryFn: () => listPeriods(planId!),
    enabled: !!planId,
  });
  // The plan's reporting schedule gives the new period's kind and deadline (plan V: "báo cáo … trước ngày 15/6").
  const plan = useQuery({
    queryKey: planKeys.detail(planId ?? ''),
    queryFn: () => fetchPlan(planId!),
    enabled: !!planId && creating,
  });
  if (plans.isLoading) return <Loading />;
  if (plans.error) return <ErrorAlert error={plans.error} onRetry={() => plans.refetch()} />;
  if (!planId) return <Empty title={L.noPlan} hint={L.noPlanHint} />;
  const planYear = items.find((p) => p.id === planId)?.year ?? new Date().getFullYear();
  const list = periods.data ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{L.periodsTitle}</Title>
          <Text size="sm" c="dimmed">
            {L.periodsIntro}
          </Text>
        </div>
        <Group>
          {can('report.write') && (
            <Button component={Link} to="/reports/mine" variant="default">
              {L.myUnitReports}
            </Button>
          )}
          {can('report.manage') && <Button onClick={() => setCreating(true)}>{L.openPeriod}</Button>}
        </Group>
      </Group>
      <PlanSelect items={items} planId={planId} onChange={setPlanId} />
      {periods.error && <ErrorAlert error={periods.error} onRetry={() => periods.refetch()} />}
      {periods.isLoading && <Loading />}
      {periods.data && list.length === 0 && (
        <Paper withBorder>
          <Empty title={L.periodsEmpty} hint={can('report.manage') ? L.periodsEmptyHint : undefined} />
        </Paper>
      )}
      {list.length > 0 && (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{L.period}</Table.Th>
                  <Table.Th>{L.time}</Table.Th>
                  <Table.Th>{L.due}</Table.Th>
                  <Table.Th>{L.submittedOfRequired}</Table.Th>
                  <Table.Th>{L.acceptedCount}</Table.Th>
                  <Table.Th>{L.state}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/reports/periods/${p.id}`}>
                        {p.label}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {formatDate(p.periodFrom)} – {formatDate(p.periodTo)}
                    </Table.Td>
                    <Table.Td>{formatDate(p.dueDate)}</Table.Td>
                    <Table.Td>
                      {(p.counts?.submitted ?? 0) + (p.counts?.accepted ?? 0)} / {p.counts?.required ?? 0}
                    </Table.Td>
                    <Table.Td>{p.counts?.accepted ?? 0}</Table.Td>
                    <Table.Td>
                      <Badge color={p.status === 'open' ? 'blue.9' : 'gray.8'} variant="filled" tt="none">
                        {p.status === 'open' ? L.open : L.closed}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {creating && plan.isLoading && <Loading />}
      {creating && provinceId && !plan.isLoading && (
        <PeriodDialog
          provinceId={provinceId}
          planYear={planYear}
          schedule={plan.data?.document.reportingSchedule ?? []}
          onClose={() => setCreating(false)}
          planId={planId}
        />
      )}
    </Stack>
  );
}

/** Open (or edit) a period: kind and number fill the label and dates; groups and units say who must report. */
export function PeriodDialog({
  provinceId,
  planId,
  planYear,
  onClose,
  period,
  onSave,
  unitNames,
  schedule = [],
}: {
  provinceId: string;
  planId: string;
  planYear: number;
  onClose: () => void;
  period?: Period;
  onSave?: (input: PeriodInput) => Promise<unknown>;
  /** Names of the period's explicit units when editing. */
  unitNames?: Map<string, string>;
  /** The plan's reporting schedule: the kind first proposed and each period's due date. */
  schedule?: ReportingDeadline[];
}) {
  const qc = useQueryClient();
  const L = useReportLabels();
  const navigate = useNavigate();
  const first = defaultReportPeriod(schedule, null, planYear);
  const [kind, setKind] = useState<ReportPeriodKind>(period?.kind ?? first.kind);
  const [n, setN] = useState(first.n);
  const [label, setLabel] = useState(period?.label ?? first.label);
  const [from, setFrom] = useState(period?.periodFrom ?? first.periodFrom);
  const [to, setTo] = useState(period?.periodTo ?? first.periodTo);
  const [due, setDue] = useState(period?.dueDate ?? first.dueDate);
  const [groupIds, setGroupIds] = useState<string[]>(period?.groupIds ?? []);
  const [units, setUnits] = useState<{ unitId: string; name: string }[]>(
    (period?.unitIds ?? []).map((id) => ({ unitId: id, name: unitNames?.get(id) ?? L.selectedUnit })),
  );
  const [note, setNote] = useState(period?.note ?? '');
  const groups = useQuery({
    queryKey: ['unit-groups', provinceId, to],
    queryFn: () => listGroups(provinceId, to || undefined),
  });
  const fillPeriod = (k: ReportPeriodKind, num: number) => {
    const s = defaultReportPeriod(schedule, k, planYear, num);
    setLabel(s.label);
    setFrom(s.periodFrom);
    setTo(s.periodTo);
    setDue(s.dueDate);
  };
  const save = useMutation({
    mutationFn: (input: PeriodInput) => (onSave ? onSave(input) : createPeriod(planId, input)),
    onSuccess: async (saved) => {
      await qc.invalidateQueries({ queryKey: ['reports'] });
      onClose();
      if (!period && saved && typeof saved === 'object' && 'id' in saved)
        navigate(`/reports/periods/${(saved as Period).id}`);
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <Modal opened onClose={onClose} title={period ? L.editPeriod : L.openPeriod} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            kind,
            label,
            periodFrom: from,
            periodTo: to,
            dueDate: due,
            groupIds,
            unitIds: units.map((u) => u.unitId),
            note,
          });
        }}
      >
        <Stack gap="sm">
          <Group grow align="flex-start">
            <NativeSelect
              label={L.kind}
              value={kind}
              onChange={(e) => {
                const k = e.currentTarget.value as ReportPeriodKind;
                setKind(k);
                fillPeriod(k, n);
              }}
              data={REPORT_PERIOD_KINDS.map((k) => ({ value: k, label: L.periodKinds[k] }))}
              error={errors.kind}
            />
            {kind !== 'year' && (
              <NumberInput
                label={kind === 'quarter' ? L.quarterNo : L.halfNo}
                min={1}
                max={kind === 'quarter' ? 4 : 2}
                value={n}
                onChange={(v) => {
                  const num = Number(v) || 1;
                  setN(num);
                  fillPeriod(kind, num);
                }}
              />
            )}
          </Group>
          <TextInput
            label={L.periodLabel}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={errors.label}
            required
          />
          <Group grow align="flex-start">
            <DateField label={L.from} value={from} onChange={setFrom} error={errors.periodFrom} required />
            <DateField label={L.to} value={to} onChange={setTo} error={errors.periodTo} required />
            <DateField label={L.due} value={due} onChange={setDue} error={errors.dueDate} required />
          </Group>
          <MultiSelect
            label={L.groups}
            description={L.groupsHint}
            data={(groups.data?.items ?? []).map((g) => ({
              value: g.id,
              label: `${g.name} (${g.memberCount})`,
            }))}
            value={groupIds}
            onChange={setGroupIds}
            searchable
            error={errors.groupIds ?? Object.entries(errors).find(([k]) => k.startsWith('groupIds.'))?.[1]}
          />
          <UnitPicker
            label={L.addUnit}
            provinceId={provinceId}
            asOf={to || undefined}
            value={null}
            onChange={(id, unit) => {
              if (id && unit && !units.some((u) => u.unitId === id)) setUnits([...units, unit]);
            }}
            error={errors.unitIds ?? Object.entries(errors).find(([k]) => k.startsWith('unitIds.'))?.[1]}
          />
          {units.length > 0 && (
            <Group gap="xs">
              {units.map((u) => (
                <Badge
                  key={u.unitId}
                  variant="outline"
                  color="gray.8"
                  tt="none"
                  rightSection={
                    <CloseButton
                      size="xs"
                      aria-label={fill(L.removeUnit, { name: u.name })}
                      onClick={() => setUnits(units.filter((x) => x.unitId !== u.unitId))}
                    />
                  }
                >
                  {u.name}
                </Badge>
              ))}
            </Group>
          )}
          <Textarea
            label={L.note}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          {save.error && <ErrorAlert error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {L.cancel}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {period ? L.save : L.openPeriod}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import {
  Anchor,
  Button,
  Checkbox,
  FileInput,
  Group,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type DataGrid,
  type DataImport,
  dataKeys,
  dataTemplateUrl,
  fetchDataGrid,
  importDataValues,
  reviewDataValues,
  saveUnitDataValues,
} from '../../api/data-items';
import { ApiError, wordsOf } from '../../lib/api';
import { ErrorAlert, Loading } from '../../lib/ui';
import { fill, useDataItemLabels } from '../../locales/data-items';
import { formatCount, ReportStatusBadge } from './bits';
import { useSlotWords } from './DataValuesPanel';

/**
 * A period's grid of reported figures (issue 16): units × values owed (each item at its own frequency: a monthly
 * item has a column per month), each cell the unit's value and its status. The DX office sees every unit, selects
 * submitted values and accepts them (they then feed targets) or returns them with a comment, and imports sheets; a
 * unit (a commune officer, a district) sees the grid of its own unit(s), each row opening the report it enters them in.
 */
export function DataGridPage() {
  const { periodId = '' } = useParams();
  const L = useDataItemLabels();
  const { i18n } = useTranslation();
  const isEn = i18n.language?.startsWith('en');
  const qc = useQueryClient();
  const q = useQuery({ queryKey: dataKeys.grid(periodId), queryFn: () => fetchDataGrid(periodId) });
  const slotWords = useSlotWords();
  const [selected, setSelected] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [handled, setHandled] = useState<number | null>(null);
  const review = useMutation({
    mutationFn: (action: 'accept' | 'return') =>
      reviewDataValues(periodId, {
        action,
        comment,
        values: Object.entries(selected).map(([id, version]) => ({ id, version })),
      }),
    onSuccess: (r) => {
      setHandled(r.items.length);
      setSelected({});
      setComment('');
      void qc.invalidateQueries({ queryKey: ['data-values'] });
    },
  });
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const g = q.data;
  const submitted = g.units.flatMap((u) =>
    u.cells.flatMap((c) => (c.value?.status === 'submitted' ? [c.value] : [])),
  );
  const n = Object.keys(selected).length;
  const toggle = (id: string, version: number) =>
    setSelected((old) => {
      const next = { ...old };
      if (id in next) delete next[id];
      else next[id] = version;
      return next;
    });
  const errors = review.error instanceof ApiError ? review.error.fieldErrors : {};
  const nameOf = (i: { nameVi: string; nameEn: string }) => (isEn ? i.nameEn || i.nameVi : i.nameVi);
  const itemOf = new Map(g.items.map((i) => [i.id, i]));
  const columns = g.columns.map((c) => {
    const item = itemOf.get(c.itemId)!;
    const slot = slotWords({ item, periodFrom: c.periodFrom }, g.period);
    return { ...c, item, name: `${nameOf(item)}${slot ? ` — ${slot}` : ''}` };
  });
  return (
    <Stack gap="md">
      <Anchor component={Link} to={g.canReview ? `/reports/periods/${periodId}` : '/reports/mine'} size="sm">
        {g.canReview ? L.backToPeriod : L.backToMine}
      </Anchor>
      <Title order={2}>{fill(g.canReview ? L.gridTitle : L.myGridTitle, { period: g.period.label })}</Title>
      {g.items.length === 0 && <Text>{L.noItemsForPeriod}</Text>}
      {g.items.length > 0 && g.units.length === 0 && <Text>{g.canReview ? L.noUnits : L.noOwnUnits}</Text>}
      {g.items.length > 0 && g.units.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{L.unit}</Table.Th>
                {columns.map((c) => (
                  <Table.Th key={`${c.itemId}:${c.periodFrom}`} scope="col">
                    {c.name} ({L.units[c.item.unitOfMeasure] ?? c.item.unitOfMeasure})
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {g.units.map((u) =>
                u.canEdit ? (
                  <EditableRow key={u.id} periodId={periodId} unit={u} columns={columns} />
                ) : (
                  <Table.Tr key={u.id}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={`/reports/periods/${periodId}/units/${u.id}`}>
                        {u.name}
                      </Anchor>
                    </Table.Th>
                    {u.cells.map((c, j) => {
                      const column = columns[j]!;
                      const key = `${c.itemId}:${c.periodFrom}`;
                      if (!c.isAsked && !c.value)
                        return (
                          <Table.Td key={key}>
                            <Text size="sm" c="dimmed">
                              {L.notAsked}
                            </Text>
                          </Table.Td>
                        );
                      if (!c.value)
                        return (
                          <Table.Td key={key}>
                            <Text size="sm">{L.notEntered}</Text>
                          </Table.Td>
                        );
                      const v = c.value;
                      return (
                        <Table.Td key={key}>
                          <Stack gap={2}>
                            <Group gap="xs" wrap="nowrap">
                              {v.status === 'submitted' && g.canReview && (
                                <Checkbox
                                  aria-label={fill(L.select, { what: `${u.name} — ${column.name}` })}
                                  checked={v.id in selected}
                                  onChange={() => toggle(v.id, v.version)}
                                />
                              )}
                              <Text fw={600}>{formatCount(v.value)}</Text>
                            </Group>
                            <ReportStatusBadge status={v.status} />
                            {v.note && (
                              <Text size="xs" c="dimmed">
                                {v.note}
                              </Text>
                            )}
                          </Stack>
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {g.canReview && submitted.length > 0 && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Group>
              <Button
                variant="default"
                onClick={() => setSelected(Object.fromEntries(submitted.map((v) => [v.id, v.version])))}
              >
                {L.selectAllSubmitted}
              </Button>
              <Text size="sm">{fill(L.selected, { n })}</Text>
            </Group>
            <Textarea
              label={L.reviewComment}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              autosize
              minRows={2}
              error={errors.comment}
            />
            {review.error && !errors.comment && <ErrorAlert error={review.error} />}
            <Group>
              <Button
                color="red.9"
                disabled={n === 0}
                onClick={() => review.mutate('return')}
                loading={review.isPending}
              >
                {L.return}
              </Button>
              <Button
                color="#1b6b2f"
                disabled={n === 0}
                onClick={() => review.mutate('accept')}
                loading={review.isPending}
              >
                {L.accept}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {g.canReview && g.items.length > 0 && <ImportPanel periodId={periodId} />}
      {handled !== null && (
        <Text size="sm" role="status">
          {fill(L.reviewed, { n: handled })}
        </Text>
      )}
    </Stack>
  );
}

/** Import of the period's figures from the filled template: check (every row explained), then confirm. */
function ImportPanel({ periodId }: { periodId: string }) {
  const L = useDataItemLabels();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<DataImport | null>(null);
  const run = useMutation({
    mutationFn: (confirm: boolean) => importDataValues(periodId, file!, confirm),
    onSuccess: (r) => {
      setResult(r);
      if (r.confirmed) void qc.invalidateQueries({ queryKey: ['data-values'] });
    },
  });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {L.importTitle}
        </Title>
        <Text size="sm" c="dimmed">
          {L.importIntro}
        </Text>
        <Anchor href={dataTemplateUrl(periodId)} download size="sm">
          {L.template}
        </Anchor>
        <FileInput
          label={L.file}
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => {
            setFile(f);
            setResult(null);
          }}
        />
        <Group>
          <Button
            variant="default"
            disabled={!file}
            onClick={() => run.mutate(false)}
            loading={run.isPending}
          >
            {L.check}
          </Button>
          {result && !result.confirmed && result.errors === 0 && result.values > 0 && (
            <Button onClick={() => run.mutate(true)} loading={run.isPending}>
              {fill(L.confirmImport, { n: result.values })}
            </Button>
          )}
        </Group>
        {run.error && <ErrorAlert error={run.error} />}
        {result && (
          <Text size="sm" role="status">
            {result.confirmed
              ? fill(L.imported, { n: result.values })
              : fill(L.importSummary, { values: result.values, errors: result.errors })}
          </Text>
        )}
        {result && result.rows.length > 0 && (
          <Table.ScrollContainer minWidth={480}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{L.importRow}</Table.Th>
                  <Table.Th scope="col">{L.unit}</Table.Th>
                  <Table.Th scope="col">{L.importOutcome}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.rows.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.unitName}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {L.outcomes[r.outcome]}
                      </Text>
                      {r.problems.map((p) => (
                        <Text key={`${p.column}:${p.message}`} size="sm" c="red.9">
                          {p.column}: {wordsOf(p.reason, p.params) ?? p.message}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

type GridRow = DataGrid['units'][number];
type GridColumn = DataGrid['columns'][number] & { item: DataGrid['items'][number]; name: string };
const isOpen = (c: GridRow['cells'][number]) =>
  c.isAsked && (c.value === null || c.value.status === 'draft' || c.value.status === 'returned');

/**
 * A row of a unit's own grid (issue 16): its open values typed in place and saved together ("Lưu"), as drafts sent
 * later with its report (or alone from the report page); an impossible value comes back on its cell.
 */
function EditableRow({
  periodId,
  unit,
  columns,
}: {
  periodId: string;
  unit: GridRow;
  columns: GridColumn[];
}) {
  const L = useDataItemLabels();
  const qc = useQueryClient();
  const [typed, setTyped] = useState<Record<string, number | ''>>({});
  const keyOf = (c: { itemId: string; periodFrom: string }) => `${c.itemId}:${c.periodFrom}`;
  const shownValue = (c: GridRow['cells'][number]) => typed[keyOf(c)] ?? c.value?.value ?? '';
  // The cells sent: open ones whose value was typed (a cleared stored value is deleted).
  const sent = unit.cells.filter(
    (c) => isOpen(c) && keyOf(c) in typed && (typed[keyOf(c)] !== '' || c.value),
  );
  const save = useMutation({
    mutationFn: () =>
      saveUnitDataValues(periodId, unit.id, {
        values: sent.map((c) => {
          const v = typed[keyOf(c)];
          return {
            itemId: c.itemId,
            periodFrom: c.periodFrom,
            value: v === '' || v === undefined ? null : Number(v),
            note: c.value?.note ?? '',
            ...(c.value ? { version: c.value.version } : {}),
          };
        }),
      }),
    onSuccess: () => {
      setTyped({});
      void qc.invalidateQueries({ queryKey: ['data-values'] });
    },
  });
  const issues = save.error instanceof ApiError ? save.error.issues : [];
  const errorOf = (c: GridRow['cells'][number]) => {
    const i = sent.findIndex((s) => keyOf(s) === keyOf(c));
    return i < 0 ? undefined : issues.find((x) => x.path[0] === 'values' && x.path[1] === i)?.message;
  };
  return (
    <Table.Tr>
      <Table.Th scope="row">
        <Stack gap={4}>
          <Anchor component={Link} to={`/reports/periods/${periodId}/units/${unit.id}`}>
            {unit.name}
          </Anchor>
          <Button
            size="xs"
            variant="default"
            disabled={sent.length === 0}
            onClick={() => save.mutate()}
            loading={save.isPending}
            aria-label={fill(L.saveRow, { unit: unit.name })}
          >
            {L.save}
          </Button>
          {save.isSuccess && sent.length === 0 && (
            <Text size="xs" role="status">
              {L.figuresSaved}
            </Text>
          )}
          {save.error && issues.length === 0 && <ErrorAlert error={save.error} />}
        </Stack>
      </Table.Th>
      {unit.cells.map((c, j) => {
        const column = columns[j]!;
        if (!isOpen(c))
          return (
            <Table.Td key={keyOf(c)}>
              {c.value ? (
                <Stack gap={2}>
                  <Text fw={600}>{formatCount(c.value.value)}</Text>
                  <ReportStatusBadge status={c.value.status} />
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  {L.notAsked}
                </Text>
              )}
            </Table.Td>
          );
        return (
          <Table.Td key={keyOf(c)}>
            <Stack gap={2}>
              <NumberInput
                aria-label={`${unit.name} — ${column.name}`}
                value={shownValue(c)}
                onChange={(v) => setTyped((old) => ({ ...old, [keyOf(c)]: v === '' ? '' : Number(v) }))}
                min={0}
                clampBehavior="none"
                thousandSeparator="."
                decimalSeparator=","
                inputMode="decimal"
                size="xs"
                miw={90}
                error={errorOf(c)}
              />
              {c.value ? <ReportStatusBadge status={c.value.status} /> : null}
            </Stack>
          </Table.Td>
        );
      })}
    </Table.Tr>
  );
}

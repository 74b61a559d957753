import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  dataKeys,
  fetchUnitDataValues,
  saveUnitDataValues,
  submitUnitDataValues,
  type UnitDataValues,
} from '../../api/data-items';
import { ApiError } from '../../lib/api';
import { ErrorAlert, Loading } from '../../lib/ui';
import { fill, useDataItemLabels } from '../../locales/data-items';
import { ReportStatusBadge } from './bits';

type Entry = { value: number | ''; note: string };
type Row = UnitDataValues['rows'][number];

const rowKey = (r: { item: { id: string }; periodFrom: string }) => `${r.item.id}:${r.periodFrom}`;
const isOpenRow = (r: Row) => r.value === null || r.value.status === 'draft' || r.value.status === 'returned';

/** Words of an item's own period inside the report period ("Tháng 2/2023", "Quý III/2023"); null for the whole. */
export function useSlotWords() {
  const L = useDataItemLabels();
  return (
    r: { item: { frequency: string }; periodFrom: string },
    period: { periodFrom: string; kind: string },
  ) => {
    if (r.item.frequency === period.kind) return null;
    const y = r.periodFrom.slice(0, 4);
    const m = Number(r.periodFrom.slice(5, 7));
    if (r.item.frequency === 'month') return fill(L.slotMonth, { m, y });
    if (r.item.frequency === 'quarter') return fill(L.slotQuarter, { q: Math.floor((m - 1) / 3) + 1, y });
    return fill(m <= 6 ? L.slotFirstHalf : L.slotSecondHalf, { y });
  };
}

/**
 * The figures a unit types for a period (issue 16), shared by its report form (saved and sent with the report, in
 * one request) and the panel that saves them alone: the values shown, what was typed, and the body to send.
 */
export function useUnitFigures(periodId: string, unitId: string) {
  const qc = useQueryClient();
  const key = dataKeys.unit(periodId, unitId);
  const q = useQuery({ queryKey: key, queryFn: () => fetchUnitDataValues(periodId, unitId) });
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [dirty, setDirty] = useState(false);
  const data = q.data;
  // A new answer from the server (saved, sent with the report, returned, accepted) replaces what is shown.
  useEffect(() => {
    if (!data) return;
    setEntries(
      Object.fromEntries(
        data.rows.map((r) => [rowKey(r), { value: r.value?.value ?? '', note: r.value?.note ?? '' }]),
      ),
    );
    setDirty(false);
  }, [data]);
  const entryOf = (r: Row) => entries[rowKey(r)] ?? { value: '', note: '' };
  // The rows sent: those still open with something typed or stored (a cleared stored value is deleted).
  const sent = (data?.rows ?? []).filter(
    (r) => isOpenRow(r) && (entryOf(r).value !== '' || r.value !== null),
  );
  const values = () =>
    sent.map((r) => {
      const e = entryOf(r);
      return {
        itemId: r.item.id,
        periodFrom: r.periodFrom,
        value: e.value === '' ? null : Number(e.value),
        note: e.note,
        ...(r.value ? { version: r.value.version } : {}),
      };
    });
  return {
    q,
    data,
    key,
    dirty,
    entryOf,
    values,
    /** The index a row has in the body sent (for the field errors that come back), -1 when not sent. */
    sentIndex: (r: Row) => sent.findIndex((s) => rowKey(s) === rowKey(r)),
    edit: (r: Row, patch: Partial<Entry>) => {
      setDirty(true);
      setEntries((old) => ({ ...old, [rowKey(r)]: { ...entryOf(r), ...(old[rowKey(r)] ?? {}), ...patch } }));
    },
    /** After the server answered with the stored figures (or the report carrying them was saved). */
    refresh: (d?: UnitDataValues) => {
      if (d) qc.setQueryData(key, d);
      else void qc.invalidateQueries({ queryKey: key });
      setDirty(false);
    },
  };
}
export type UnitFigures = ReturnType<typeof useUnitFigures>;

/**
 * The fields of a unit's figures, stacked for a phone: one per value owed (a monthly item once per month of the
 * period). An impossible value (a share above 100%, more people than the unit's population) comes back on its field
 * from whichever request carried it (`error`).
 */
export function DataValueFields({
  figures: f,
  editable,
  error,
}: {
  figures: UnitFigures;
  editable: boolean;
  error: unknown;
}) {
  const L = useDataItemLabels();
  const slotWords = useSlotWords();
  const { i18n } = useTranslation();
  const isEn = i18n.language?.startsWith('en');
  const data = f.data;
  if (!data) return null;
  const issues = error instanceof ApiError ? error.issues : [];
  const fieldError = (i: number, field: string) =>
    issues.find((x) => x.path[0] === 'values' && x.path[1] === i && x.path[2] === field)?.message;
  return (
    <Stack gap="sm">
      {data.rows.map((r) => {
        const canType = editable && isOpenRow(r);
        const e = f.entryOf(r);
        const name = isEn ? r.item.nameEn || r.item.nameVi : r.item.nameVi;
        const slot = slotWords(r, data.period);
        const idx = f.sentIndex(r);
        return (
          <Stack key={rowKey(r)} gap={4}>
            <NumberInput
              label={`${name}${slot ? ` — ${slot}` : ''} (${L.units[r.item.unitOfMeasure] ?? r.item.unitOfMeasure})`}
              value={e.value}
              onChange={(v) => f.edit(r, { value: v === '' ? '' : Number(v) })}
              readOnly={!canType}
              min={0}
              max={r.item.unitOfMeasure === 'percent' ? 100 : undefined}
              clampBehavior="none"
              thousandSeparator="."
              decimalSeparator=","
              inputMode="decimal"
              error={idx >= 0 ? (fieldError(idx, 'value') ?? fieldError(idx, 'periodFrom')) : undefined}
            />
            <Group gap="xs">
              {r.value ? (
                <ReportStatusBadge status={r.value.status} />
              ) : (
                <Badge color="gray.8" variant="filled" tt="none">
                  {L.notEntered}
                </Badge>
              )}
              {r.value?.status === 'returned' && r.value.reviewNote && (
                <Text size="sm" c="red.9">
                  {fill(L.returnedWith, { comment: r.value.reviewNote })}
                </Text>
              )}
            </Group>
            {canType && (
              <TextInput
                label={fill(L.noteOf, { name: `${name}${slot ? ` — ${slot}` : ''}` })}
                value={e.note}
                onChange={(ev) => f.edit(r, { note: ev.currentTarget.value })}
                size="sm"
              />
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}

/**
 * A unit's reported figures for the period when its report form does not carry them (issue 16): before the report is
 * started, or after it was sent while a value was returned alone from the grid — saved with "Lưu số liệu" and sent
 * with "Gửi số liệu". While the report is being drafted, its form holds these fields and sends them with it.
 */
export function DataValuesPanel({
  periodId,
  unitId,
  figures: f,
}: {
  periodId: string;
  unitId: string;
  figures: UnitFigures;
}) {
  const L = useDataItemLabels();
  const [saved, setSaved] = useState(false);
  const done = (d: UnitDataValues) => {
    f.refresh(d);
    setSaved(true);
  };
  const save = useMutation({
    mutationFn: () => saveUnitDataValues(periodId, unitId, { values: f.values() }),
    onSuccess: done,
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'RESOURCE.VERSION_CONFLICT') void f.q.refetch();
    },
  });
  const send = useMutation({ mutationFn: () => submitUnitDataValues(periodId, unitId), onSuccess: done });
  if (f.q.isLoading) return <Loading />;
  if (f.q.error || !f.data) return <ErrorAlert error={f.q.error} onRetry={() => f.q.refetch()} />;
  const data = f.data;
  if (data.rows.length === 0) return null;
  const error = save.error ?? send.error;
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {L.figuresTitle}
        </Title>
        <Text size="sm" c="dimmed">
          {L.figuresIntro}
        </Text>
        <DataValueFields figures={f} editable={data.canEdit} error={error} />
        {error instanceof ApiError && error.code === 'RESOURCE.VERSION_CONFLICT' ? (
          <Alert color="orange" role="alert">
            {L.conflict}
          </Alert>
        ) : (
          error && issues.length === 0 && <ErrorAlert error={error} />
        )}
        {f.dirty && (
          <Text size="sm" c="red.9">
            {L.unsaved}
          </Text>
        )}
        {saved && !f.dirty && !error && (
          <Text size="sm" role="status">
            {L.figuresSaved}
          </Text>
        )}
        {(data.canEdit || data.canSubmit) && (
          <Group>
            {data.canEdit && (
              <Button
                variant="default"
                onClick={() => {
                  setSaved(false);
                  save.mutate();
                }}
                loading={save.isPending}
              >
                {L.saveFigures}
              </Button>
            )}
            {data.canSubmit && (
              <Button variant="outline" onClick={() => send.mutate()} loading={send.isPending}>
                {L.sendFigures}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

import type { ReportingDeadline, ReportPeriodKind } from '@dx/domain';
import { Button, Group, NativeSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { PlanLabels } from '../../locales/plans';

const MAX_N: Record<ReportPeriodKind, number> = { quarter: 4, half_year: 2, year: 1 };

/** "06-15" ↔ "15/6", as the plan writes it. */
const toDayMonth = (due: string) => `${Number(due.slice(3))}/${Number(due.slice(0, 2))}`;
function fromDayMonth(text: string): string {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*$/.exec(text);
  if (!m) return text;
  return `${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

/** The plan's reporting deadlines (plan V), one row each: kind, which period, due day/month. */
export function ReportingScheduleEditor({
  L,
  items,
  onChange,
  err,
}: {
  L: PlanLabels;
  items: ReportingDeadline[];
  onChange: (items: ReportingDeadline[]) => void;
  err: (i: number, field: string) => string | undefined;
}) {
  // What is typed stays as typed ("15/" while typing); the stored value is MM-DD once it reads as a date.
  const [typed, setTyped] = useState<Record<number, string>>({});
  const kinds: { value: ReportPeriodKind; label: string }[] = [
    { value: 'quarter', label: L.scheduleKindQuarter },
    { value: 'half_year', label: L.scheduleKindHalf },
    { value: 'year', label: L.scheduleKindYear },
  ];
  const set = (i: number, patch: Partial<ReportingDeadline>) =>
    onChange(items.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  return (
    <Stack gap="xs">
      <Text size="sm">{L.scheduleIntro}</Text>
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {L.scheduleEmpty}
        </Text>
      )}
      {items.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <Group key={i} align="flex-end" wrap="wrap" gap="xs">
          <NativeSelect
            label={L.scheduleKind}
            data={kinds}
            value={d.kind}
            onChange={(e) => {
              const kind = e.currentTarget.value as ReportPeriodKind;
              set(i, { kind, n: Math.min(d.n, MAX_N[kind]) });
            }}
            error={err(i, 'kind')}
          />
          <NumberInput
            label={L.scheduleNo}
            w={90}
            min={1}
            max={MAX_N[d.kind]}
            disabled={d.kind === 'year'}
            value={d.n}
            onChange={(v) => set(i, { n: Number(v) || 1 })}
            error={err(i, 'n')}
          />
          <TextInput
            label={L.scheduleDue}
            w={140}
            placeholder="15/6"
            value={typed[i] ?? toDayMonth(d.due)}
            onChange={(e) => {
              const text = e.currentTarget.value;
              setTyped({ ...typed, [i]: text });
              set(i, { due: fromDayMonth(text) });
            }}
            error={err(i, 'due')}
          />
          <Button
            variant="default"
            onClick={() => {
              setTyped({});
              onChange(items.filter((_, k) => k !== i));
            }}
          >
            {L.scheduleRemove}
          </Button>
        </Group>
      ))}
      <Group>
        <Button
          variant="default"
          onClick={() => onChange([...items, { kind: 'half_year', n: 1, due: '06-15' }])}
          disabled={items.length >= 12}
        >
          {L.scheduleAdd}
        </Button>
      </Group>
    </Stack>
  );
}

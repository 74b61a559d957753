import { Badge, Box, Group, Text } from '@mantine/core';
import type { TargetEvaluation, TargetStatus, TrendPoint } from '../api/targets';
import { fill, useEvidenceLabels, useNumberFormat } from '../locales/evidence';
import { formatDate } from './dates';

/** Status colours, each ≥ 4.5:1 against white text; the label always says the status too (never colour alone). */
export const STATUS_COLOURS: Record<TargetStatus, string> = {
  achieved: '#1b6e35',
  on_track: '#1864ab',
  at_risk: '#8a4b00',
  behind: '#b02525',
  not_applicable: '#545b62',
  not_defined: '#545b62',
};
const STATUS_MARK: Record<TargetStatus, string> = {
  achieved: '✓',
  on_track: '→',
  at_risk: '!',
  behind: '✗',
  not_applicable: '–',
  not_defined: '?',
};

export function StatusBadge({ status }: { status: TargetStatus }) {
  const L = useEvidenceLabels();
  return (
    <Badge
      tt="none"
      size="lg"
      radius="sm"
      styles={{
        root: {
          background: STATUS_COLOURS[status] ?? '#545b62',
          color: '#fff',
          flexShrink: 0,
          overflow: 'visible',
        },
        label: { overflow: 'visible' },
      }}
    >
      <span aria-hidden>{STATUS_MARK[status] ?? ''} </span>
      {L.status[status as keyof typeof L.status] ?? status}
    </Badge>
  );
}

/**
 * A number in a goal's unit, in the reader's language: "45,5%", "12", "1.500 người" / "1,500 people",
 * "2.000.000 đồng" / "2,000,000 VND" (issue 16: goals in people and đồng). Counts, people and đồng are whole.
 */
export function useAmountText() {
  const L = useEvidenceLabels();
  const n = useNumberFormat();
  return (value: number, unit: TargetEvaluation['goal']['unit'], digits?: number): string => {
    switch (unit) {
      case 'percent':
        return `${n(value, digits ?? 1)}%`;
      case 'people':
        return fill(L.amountPeople, { n: n(value, digits ?? 0) });
      case 'vnd':
        return fill(L.amountVnd, { n: n(value, digits ?? 0) });
      default:
        return n(value, digits ?? 0);
    }
  };
}

/** "45,5%" for rates, "1" for counts, "1.500 người", "—" when not applicable. */
export function useValueText() {
  const amount = useAmountText();
  return (t: Pick<TargetEvaluation, 'value' | 'goal'>) =>
    t.value === null ? '—' : amount(t.value, t.goal.unit);
}

/**
 * A target's goal in the reader's words ("≥ 80%", "từ 1 đến 2" / "from 1 to 2", "≥ 1.500 người"): the server sends
 * the goal as data and the web words it (issue 18; the documents keep the domain's describeGoal).
 */
export function useGoalText() {
  const L = useEvidenceLabels();
  const n = useNumberFormat();
  const amount = useAmountText();
  return (goal: Pick<TargetEvaluation['goal'], 'comparator' | 'value' | 'max' | 'unit'>) => {
    const v = (x: number) => amount(x, goal.unit, 3);
    switch (goal.comparator) {
      case 'eq':
        return `= ${v(goal.value)}`;
      case 'gte':
        return `≥ ${v(goal.value)}`;
      case 'lte':
        return `≤ ${v(goal.value)}`;
      case 'between':
        return fill(L.goalBetween, { min: n(goal.value, 3), max: v(goal.max ?? goal.value) });
    }
  };
}

/** The scale of a target's bar: 100 for rates; for counts the goal's maximum (or the value when above it). */
const scaleOf = (t: Pick<TargetEvaluation, 'value' | 'goal'>) =>
  t.goal.unit === 'percent' ? 100 : Math.max(t.goal.max ?? t.goal.value, t.value ?? 0, 1);

/** A progress bar against the goal, with a marker at the goal (decorative: the numbers are written beside it). */
export function GoalBar({ target, height = 14 }: { target: TargetEvaluation; height?: number }) {
  const scale = scaleOf(target);
  const width = target.value === null ? 0 : Math.min(100, (target.value / scale) * 100);
  const goalAt = Math.min(100, (target.goal.value / scale) * 100);
  return (
    <Box
      aria-hidden
      pos="relative"
      h={height}
      style={{ background: '#e9ecef', borderRadius: 4, border: '1px solid #adb5bd' }}
    >
      <Box
        h="100%"
        style={{
          width: `${width}%`,
          background: STATUS_COLOURS[target.status] ?? '#545b62',
          borderRadius: 3,
        }}
      />
      <Box
        pos="absolute"
        top={-4}
        bottom={-4}
        style={{ left: `calc(${goalAt}% - 1px)`, width: 2, background: '#212529' }}
      />
    </Box>
  );
}

/** A plain CSS horizontal bar for a 0–100 rate. */
export function RateBar({ value, label }: { value: number | null; label?: string }) {
  return (
    <Box
      aria-hidden
      h={12}
      miw={80}
      style={{ background: '#e9ecef', borderRadius: 3, border: '1px solid #ced4da' }}
      title={label}
    >
      <Box h="100%" style={{ width: `${value ?? 0}%`, background: '#1864ab', borderRadius: 2 }} />
    </Box>
  );
}

export function GoalLine({ target }: { target: TargetEvaluation }) {
  const L = useEvidenceLabels();
  return (
    <Text size="sm" c="dimmed">
      {L.goal}: {target.goalText}
    </Text>
  );
}

/** Dark text on Mantine's light alert backgrounds (the default coloured text fails axe colour-contrast). */
export const readableAlert = {
  styles: { title: { color: '#1a1b1e' }, message: { color: '#1a1b1e' } },
} as const;

/**
 * The target's trend over its period as a small line (inline SVG, no chart library): the value at each month end
 * passed, then now; a dashed line marks the goal. Points with nothing due (not applicable) leave a gap. The numbers
 * are in the accessible name, so the drawing is never the only way to read them.
 */
export function TrendLine({
  target,
  points,
  height = 44,
}: {
  target: Pick<TargetEvaluation, 'goal' | 'status' | 'value'>;
  points: TrendPoint[];
  height?: number;
}) {
  const L = useEvidenceLabels();
  const n = useNumberFormat();
  if (points.length === 0) return null;
  const percent = target.goal.unit === 'percent';
  const scale = percent
    ? 100
    : Math.max(target.goal.max ?? target.goal.value, ...points.map((p) => p.value ?? 0), 1);
  const width = 240;
  const pad = 4;
  const x = (i: number) =>
    points.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (points.length - 1);
  const y = (v: number) => height - pad - (Math.min(v, scale) / scale) * (height - 2 * pad);
  // Runs of consecutive points with a value; a gap where nothing was due.
  const runs: { i: number; v: number }[][] = [];
  let run: { i: number; v: number }[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push({ i, v: p.value });
  });
  if (run.length) runs.push(run);
  const text = (v: number | null) => (v === null ? '—' : percent ? `${n(v)}%` : n(v, 0));
  const summary = points.map((p) => `${formatDate(p.date)}: ${text(p.value)}`).join('; ');
  const colour = STATUS_COLOURS[target.status as TargetStatus] ?? '#545b62';
  const last = points.length - 1;
  return (
    <Box>
      <svg
        role="img"
        aria-label={fill(L.trendSummary, { points: summary })}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        height={height}
        preserveAspectRatio="none"
        data-testid="target-trend"
        style={{ display: 'block', background: '#f8f9fa', borderRadius: 4 }}
      >
        <title>{fill(L.trendSummary, { points: summary })}</title>
        <line
          x1={0}
          x2={width}
          y1={y(target.goal.value)}
          y2={y(target.goal.value)}
          stroke="#212529"
          strokeDasharray="4 3"
          strokeWidth={1}
          vectorEffect="non-scaling-stroke"
        />
        {runs.map((r) => (
          <polyline
            key={r[0]!.i}
            fill="none"
            stroke={colour}
            strokeWidth={2}
            vectorEffect="non-scaling-stroke"
            points={r.map((p) => `${x(p.i)},${y(p.v)}`).join(' ')}
          />
        ))}
        {points[last]!.value !== null && (
          <circle cx={x(last)} cy={y(points[last]!.value!)} r={3} fill={colour} />
        )}
      </svg>
      <Group justify="space-between" gap={4}>
        <Text size="xs" c="dimmed">
          {formatDate(points[0]!.date)}
        </Text>
        <Text size="xs" c="dimmed">
          {L.trend}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDate(points[last]!.date)}
        </Text>
      </Group>
    </Box>
  );
}

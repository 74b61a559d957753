import type { ReportStatus, Timeliness } from '@dx/domain';
import { Badge, NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { listPlans } from '../../api/reports';
import { formatNumber, formatPercent } from '../../lib/format';
import { useReportLabels } from '../../locales/reports';

// Dark shades with white text: Mantine's light badges fail axe colour contrast (docs/design.md § Traps).
const STATUS_COLOR: Record<ReportStatus | 'none', string> = {
  none: 'gray.8',
  draft: 'blue.9',
  submitted: '#7a4b00',
  returned: 'red.9',
  accepted: '#1b6b2f',
};
const CLASS_COLOR: Record<Timeliness, string> = {
  on_time: '#1b6b2f',
  late: '#7a4b00',
  missing: 'red.9',
  pending: 'gray.8',
  not_required: 'gray.7',
};

export function ReportStatusBadge({ status }: { status: ReportStatus | null }) {
  const L = useReportLabels();
  return (
    <Badge color={STATUS_COLOR[status ?? 'none']} variant="filled" tt="none">
      {status ? L.statuses[status] : L.notStarted}
    </Badge>
  );
}

export function TimelinessBadge({ value }: { value: Timeliness }) {
  const L = useReportLabels();
  return (
    <Badge color={CLASS_COLOR[value]} variant="filled" tt="none">
      {L.timeliness[value]}
    </Badge>
  );
}

/** A rate in percent; `none` is the catalogue's "not applicable" in the user's language. */
export const formatRate = (r: number | null, none: string) => formatPercent(r, none);
/** A count in the reader's language (lib/format.ts). */
export const formatCount = (n: number) => formatNumber(n, 0);

const PLAN_KEY = 'dx.reports.planId';

/** The plan the reports screens work on (remembered), defaulting to the latest. */
export function usePlanChoice(provinceId: string | null) {
  const plans = useQuery({
    queryKey: ['plans', 'list', provinceId ?? ''],
    queryFn: () => listPlans(provinceId),
    enabled: !!provinceId,
  });
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(PLAN_KEY));
  const items = plans.data?.items ?? [];
  const planId = items.some((p) => p.id === chosen) ? chosen : (items[0]?.id ?? null);
  const setPlanId = (id: string) => {
    localStorage.setItem(PLAN_KEY, id);
    setChosen(id);
  };
  return { plans, items, planId, setPlanId };
}

export function PlanSelect({
  items,
  planId,
  onChange,
}: {
  items: { id: string; number: string | null; year: number; title: string }[];
  planId: string | null;
  onChange: (id: string) => void;
}) {
  const L = useReportLabels();
  if (items.length < 2) return null;
  return (
    <NativeSelect
      label={L.plan}
      value={planId ?? ''}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={items.map((p) => ({ value: p.id, label: `${p.number ?? L.draftPlan} (${p.year}) — ${p.title}` }))}
    />
  );
}

import { Alert, Badge, Button, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { fetchPlanTasks } from '../../../api/budget';
import { ApiError, get } from '../../../lib/api';
import { useSession } from '../../../lib/session';
import { ErrorAlert } from '../../../lib/ui';
import { useBudgetLabels } from '../../../locales/budget';

// Dark shades with white text: Mantine's light badges fail axe colour contrast (docs/design.md § Traps).
export const STATUS_COLOR: Record<string, string> = {
  draft: 'gray.8',
  in_review: 'blue.9',
  returned: '#a33a05',
  approved: '#1b6b2f',
};

export function StatusBadge({ status }: { status: string }) {
  const L = useBudgetLabels();
  return (
    <Badge color={STATUS_COLOR[status] ?? 'gray.8'} variant="filled" tt="none">
      {L.statuses[status] ?? status}
    </Badge>
  );
}

export function usePlans(provinceId: string | null) {
  return useQuery({
    queryKey: ['plans', 'list', provinceId ?? ''],
    queryFn: () =>
      get<{ items: { id: string; number: string | null; year: number; title: string }[] }>('/plans', {
        provinceId,
      }),
    enabled: !!provinceId,
  });
}

/** The user's own unit (first unit-officer grant), the default for a new estimate. */
export function useOwnUnit() {
  const { me } = useSession();
  const g = me?.user.grants.find((x) => x.role === 'unit_officer' && x.unitId);
  return g ? { unitId: g.unitId!, name: g.unitName ?? '' } : null;
}

export function useTasks(planId: string) {
  return useQuery({
    queryKey: ['budget', 'tasks', planId],
    queryFn: () => fetchPlanTasks(planId),
    staleTime: 60_000,
  });
}

/** 409: someone else saved first. What the user typed stays on screen; they choose to reload. */
export function ConflictAlert({ error, onReload }: { error: unknown; onReload: () => void }) {
  const L = useBudgetLabels();
  if (!(error instanceof ApiError) || error.code !== 'RESOURCE.VERSION_CONFLICT')
    return <ErrorAlert error={error} />;
  return (
    <Alert color="orange" title={L.conflictTitle} role="alert" styles={{ title: { color: '#8a3004' } }}>
      <Text size="sm">{L.conflictKept}</Text>
      <Button mt="xs" size="xs" variant="default" onClick={onReload}>
        {L.reload}
      </Button>
    </Alert>
  );
}

export type AdjustState = {
  values: Record<string, { amount?: number; reason?: string }>;
  set: (lineId: string, v: { amount?: number; reason?: string }) => void;
};

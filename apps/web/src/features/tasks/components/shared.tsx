import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../../lib/api';
import type { TaskLabels } from '../../../locales/tasks';

// Dark shades with white text: Mantine's light badges fail axe colour contrast (docs/design.md § Traps).
export const STATUS_COLOR: Record<string, string> = {
  not_started: 'gray.8',
  in_progress: 'blue.9',
  done: '#1b6b2f',
  blocked: '#a33a05',
  overdue: 'red.9',
};

export function StatusBadge({ status, L }: { status: string; L: TaskLabels }) {
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

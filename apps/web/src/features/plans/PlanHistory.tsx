import { Paper, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { fetchRevisions, planKeys } from '../../api/plans';
import { formatDateTime } from '../../lib/dates';
import { ErrorAlert, Loading } from '../../lib/ui';
import { usePlanLabels } from '../../locales/plans';

/** Who changed which parts of the plan, and when (newest first). */
export function PlanHistory({ planId }: { planId: string }) {
  const L = usePlanLabels();
  const q = useQuery({ queryKey: planKeys.revisions(planId), queryFn: () => fetchRevisions(planId) });
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <Paper withBorder>
      <Table striped verticalSpacing="xs" aria-label={L.history}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{L.version}</Table.Th>
            <Table.Th>{L.when}</Table.Th>
            <Table.Th>{L.who}</Table.Th>
            <Table.Th>{L.action}</Table.Th>
            <Table.Th>{L.parts}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(q.data?.items ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.version}</Table.Td>
              <Table.Td>{formatDateTime(r.at)}</Table.Td>
              <Table.Td>{r.actorName ?? '—'}</Table.Td>
              <Table.Td>{r.action}</Table.Td>
              <Table.Td>{r.parts.join(', ') || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

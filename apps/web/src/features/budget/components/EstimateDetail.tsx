import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { budgetKeys, fetchEstimate } from '../../../api/budget';
import { formatMoney } from '../../../lib/format';
import { ErrorAlert, Loading } from '../../../lib/ui';
import { fill, useBudgetLabels } from '../../../locales/budget';
import { ActionsPanel } from './ActionsPanel';
import { Files } from './Files';
import { DiffView, History } from './History';
import { LinesEditor } from './LinesEditor';
import { LinesView } from './LinesView';
import { StatusBadge } from './shared';

export function EstimateDetail() {
  const L = useBudgetLabels();
  const { estimateId = '' } = useParams();
  const q = useQuery({ queryKey: budgetKeys.one(estimateId), queryFn: () => fetchEstimate(estimateId) });
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const e = q.data!;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="..">
        {L.backToList}
      </Anchor>
      <Group justify="space-between" wrap="wrap">
        <Stack gap={2}>
          <Title order={2}>{e.title}</Title>
          <Text size="sm">
            {e.unitName} · {L.kinds[e.kind]} · {fill(L.round, { round: e.round })}
            {e.stepLabel ? ` · ${fill(L.atStep, { step: e.stepLabel })}` : ''}
          </Text>
        </Stack>
        <StatusBadge status={e.status} />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Paper withBorder p="sm">
          <Text size="sm">{L.currentTotal}</Text>
          <Text fw={700} data-testid="estimate-total">
            {formatMoney(e.total)}
          </Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="sm">{L.requestedByUnit}</Text>
          <Text fw={700}>{formatMoney(e.requestedTotal)}</Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="sm">{L.approvedWithSupplements}</Text>
          <Text fw={700} data-testid="approved-total">
            {formatMoney(e.approvedTotal)}
          </Text>
        </Paper>
      </SimpleGrid>
      {e.status === 'returned' && e.returnReason && (
        <Alert color="orange" title={L.returnedTitle} styles={{ title: { color: '#8a3004' } }}>
          {e.returnReason}
        </Alert>
      )}
      <Tabs defaultValue="lines" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="lines">{L.tabLines}</Tabs.Tab>
          <Tabs.Tab value="history">{L.tabHistory}</Tabs.Tab>
          <Tabs.Tab value="diff">{L.tabDiff}</Tabs.Tab>
          <Tabs.Tab value="files">{fill(L.tabFiles, { count: e.attachments.length })}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="lines" pt="md">
          {e.canEdit ? <LinesEditor key={e.version} e={e} /> : <LinesView e={e} />}
          <ActionsPanel key={`actions-${e.version}`} e={e} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <History e={e} />
        </Tabs.Panel>
        <Tabs.Panel value="diff" pt="md">
          <DiffView e={e} />
        </Tabs.Panel>
        <Tabs.Panel value="files" pt="md">
          <Files e={e} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

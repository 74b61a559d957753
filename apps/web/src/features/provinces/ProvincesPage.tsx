import { addDays, foldVietnamese } from '@dx/domain';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { addProvince, listProvinceCatalogue, provinceKeys } from '../../api/provinces';
import { formatDate } from '../../lib/dates';
import { useSession } from '../../lib/session';
import { ErrorAlert, Loading } from '../../lib/ui';
import { fill, useUnitImportLabels } from '../../locales/unit-imports';

/** The 34 provinces in force from 01/07/2025 (Nghị quyết 202/2025/QH15), the catalogue's default view. */
const CURRENT = '2025-07-01';

/**
 * The national catalogue of provinces (issue 15): a system administrator adds a province from it instead of typing
 * it, then goes on to import its units.
 */
export function ProvincesPage() {
  const L = useUnitImportLabels();
  const qc = useQueryClient();
  const { me } = useSession();
  const isSystemAdmin = !!me?.user.grants.some((g) => g.role === 'administrator' && g.unitId === null);
  const [asOf, setAsOf] = useState<string | null>(CURRENT);
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: provinceKeys.catalogue(asOf),
    queryFn: () => listProvinceCatalogue(asOf),
  });
  const add = useMutation({
    mutationFn: addProvince,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['province-catalogue'] });
      void qc.invalidateQueries({ queryKey: ['provinces'] });
    },
  });
  const items = useMemo(
    () => (list.data?.items ?? []).filter((r) => !q || foldVietnamese(r.name).includes(foldVietnamese(q))),
    [list.data, q],
  );

  return (
    <Stack gap="md" maw={1000}>
      <div>
        <Title order={3} fz="lg">
          {L.catalogueTitle}
        </Title>
        <Text size="sm" c="dimmed">
          {L.catalogueIntro}
        </Text>
      </div>
      {!isSystemAdmin && <Alert color="gray">{L.onlySystemAdmin}</Alert>}
      {add.data && (
        <Alert color="green" title={fill(L.addedNotice, { name: add.data.name })}>
          <Anchor component={Link} to={`/unit-imports?provinceId=${add.data.provinceId}`}>
            {L.importUnits}
          </Anchor>
        </Alert>
      )}
      {add.error && <ErrorAlert error={add.error} />}
      <Paper withBorder p="md">
        <Group align="end" wrap="wrap">
          <SegmentedControl
            aria-label={L.asOf}
            value={asOf ?? 'all'}
            onChange={(v) => setAsOf(v === 'all' ? null : v)}
            data={[
              { value: CURRENT, label: '34 · 01/07/2025' },
              { value: '2025-06-30', label: '63 · 30/06/2025' },
              { value: 'all', label: L.allPeriods },
            ]}
          />
          <TextInput label={L.search} value={q} onChange={(e) => setQ(e.currentTarget.value)} maw={280} />
        </Group>
      </Paper>
      {list.isLoading && <Loading />}
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{L.code}</Table.Th>
              <Table.Th>{L.name}</Table.Th>
              <Table.Th>{L.from}</Table.Th>
              <Table.Th>{L.to}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.code}</Table.Td>
                <Table.Td>
                  {r.name}{' '}
                  <Badge color="gray.8" variant="filled" size="xs" tt="none">
                    {r.word}
                  </Badge>
                  {r.legalBasis && (
                    <Text size="xs" c="dimmed">
                      {r.legalBasis}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatDate(r.validFrom)}</Table.Td>
                <Table.Td>{r.validTo ? formatDate(addDays(r.validTo, -1)) : ''}</Table.Td>
                <Table.Td>
                  {r.provinceId ? (
                    <Group gap="xs" wrap="nowrap">
                      <Badge color="teal.9" variant="filled" tt="none">
                        {L.added}
                      </Badge>
                      {isSystemAdmin && (
                        <Anchor component={Link} to={`/unit-imports?provinceId=${r.provinceId}`} size="sm">
                          {L.importUnits}
                        </Anchor>
                      )}
                    </Group>
                  ) : (
                    isSystemAdmin && (
                      <Button
                        size="xs"
                        onClick={() => add.mutate(r.id)}
                        loading={add.isPending && add.variables === r.id}
                        aria-label={`${L.add} ${r.name}`}
                      >
                        {L.add}
                      </Button>
                    )
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

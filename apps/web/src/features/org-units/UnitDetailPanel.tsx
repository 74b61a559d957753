import { Anchor, Badge, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchUnit, orgKeys, type UnitLink } from '../../api/org-units';
import { formatDate } from '../../lib/dates';
import { ErrorAlert, Loading } from '../../lib/ui';

/** A unit through time: its versions, where it came from and what it became. */
export function UnitDetailPanel({
  unitId,
  onSelect,
}: {
  unitId: string;
  onSelect: (unitId: string) => void;
}) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: orgKeys.detail(unitId), queryFn: () => fetchUnit(unitId) });
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data!;
  const latest = d.versions.at(-1);
  const links = (items: UnitLink[], title: string) => (
    <section aria-label={title}>
      <Title order={4} size="h5" mb={4}>
        {title}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('org.none')}
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {items.map((l) => (
            <List.Item key={`${l.unitId}:${l.effectiveDate}`}>
              <Anchor component="button" type="button" size="sm" onClick={() => onSelect(l.unitId)}>
                {l.name}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed">
                ({l.share === 'partial' ? t('org.partial') : t('org.full')},{' '}
                {t('org.effective', { date: formatDate(l.effectiveDate) })}
                {l.receivesRecords ? '' : `, ${t('org.recordsStay')}`})
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
  return (
    <Stack gap="md">
      <div>
        <Title order={3} size="h4">
          {latest?.name}
        </Title>
        <Group gap={6} mt={4}>
          {latest && (
            <Badge variant="light" tt="none">
              {t(`kinds.${latest.kind}`)}
            </Badge>
          )}
          {latest?.code && (
            <Text size="sm" c="dimmed">
              {t('org.code')}: {latest.code}
            </Text>
          )}
        </Group>
      </div>
      <section aria-label={t('org.versions')}>
        <Title order={4} size="h5" mb={4}>
          {t('org.versions')}
        </Title>
        <Table.ScrollContainer minWidth={300}>
          <Table striped withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('org.from')}</Table.Th>
                <Table.Th>{t('org.to')}</Table.Th>
                <Table.Th>{t('org.name')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.versions.map((v) => (
                <Table.Tr key={v.versionId}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(v.validFrom, t('org.beforeData'))}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(v.validTo, t('org.now'))}</Table.Td>
                  <Table.Td>
                    {v.name}
                    {v.code ? ` (${v.code})` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
      {links(d.predecessors, t('org.predecessors'))}
      {links(d.successors, t('org.successors'))}
      {(d.source || d.confidence) && (
        <Text size="xs" c="dimmed">
          {t('org.source')}: {d.source ? t(`org.sourceValues.${d.source}`, { defaultValue: d.source }) : '—'}
          {d.sourceNote ? ` — ${d.sourceNote}` : ''}. {t('org.confidence')}:{' '}
          {d.confidence ? t(`org.confidenceValues.${d.confidence}`, { defaultValue: d.confidence }) : '—'}
        </Text>
      )}
    </Stack>
  );
}

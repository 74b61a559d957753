import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listUrgings, type Urging, urgingKeys } from '../../api/urging';
import { formatDate } from '../../lib/dates';
import { PageHeader } from '../../lib/PageHeader';
import { PlanSelect, usePlanChoice } from '../../lib/PlanChoice';
import { Empty, ErrorAlert, Loading } from '../../lib/ui';

/** The công văn đôn đốc issued for a plan (issue 19), newest first: number, date, subject, units, delivery, DOCX. */
export function UrgingsPage() {
  const { t } = useTranslation();
  const choice = usePlanChoice();
  const { planId } = choice;
  const q = useQuery({
    queryKey: urgingKeys.list(planId ?? ''),
    queryFn: () => listUrgings(planId!),
    enabled: !!planId,
  });
  const channel = (name: string, o: Urging['delivery']['zalo']) =>
    o ? `${name}: ${o.sent}/${o.sent + o.failed}` : null;
  return (
    <Stack gap="md">
      <PageHeader title={t('urging.pageTitle')} intro={t('urging.pageHint')} />
      <PlanSelect choice={choice} />
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {q.isLoading || choice.plans.isLoading ? (
        <Loading />
      ) : !q.data?.items.length ? (
        <Empty title={t('urging.empty')} hint={t('urging.pageHint')} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing={6} aria-label={t('urging.pageTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('urging.number')}</Table.Th>
                <Table.Th>{t('urging.date')}</Table.Th>
                <Table.Th>{t('urging.subject')}</Table.Th>
                <Table.Th ta="right">{t('urging.units')}</Table.Th>
                <Table.Th>{t('urging.sender')}</Table.Th>
                <Table.Th>{t('urging.delivery')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.items.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    <Anchor href={u.documentUrl} download fw={600}>
                      {u.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(u.issuedOn)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">V/v {u.subject}</Text>
                    <Text size="xs" c="dimmed">
                      {t(`urging.sources.${u.source}`)} ·{' '}
                      {u.lines
                        .map((l) => l.unitName)
                        .slice(0, 4)
                        .join(', ')}
                      {u.lines.length > 4 ? '…' : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{u.lines.length}</Table.Td>
                  <Table.Td>{u.createdByName ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {[channel(t('urging.zalo'), u.delivery.zalo), channel(t('urging.sms'), u.delivery.sms)]
                        .filter(Boolean)
                        .join(' · ') || '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

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
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type ConsolidatedSummary,
  fetchConsolidated,
  issueConsolidated,
  type ReportIssuer,
  reportKeys,
} from '../../api/reports';
import { formatDate, formatDateTime } from '../../lib/dates';
import { formatNumber } from '../../lib/format';
import { ErrorAlert, Loading } from '../../lib/ui';
import { fill, useReportLabels } from '../../locales/reports';

type TargetStatus = ConsolidatedSummary['targets'][number]['status'];

const STATUS_COLOR: Record<TargetStatus, string> = {
  achieved: '#1b6b2f',
  on_track: 'blue.9',
  at_risk: '#a33a05',
  behind: 'red.9',
  not_applicable: 'gray.8',
  not_defined: 'gray.8',
};

/**
 * The consolidated report of a reporting period (plan 54 V.1.a), generated live: the figures it states (as the
 * dashboard shows them at the period's end, or today while the period runs), issued by the People's Committee or the
 * DX office's agency, and the DOCX (Nghị định 30/2020), XLSX annex and PDF to download. The DX office issues it:
 * from then on the stored figures and words are shown and downloaded, whatever is recorded later (issue 11).
 */
export function ConsolidatedReportPanel({ periodId, canIssue }: { periodId: string; canIssue: boolean }) {
  const { t: translate } = useTranslation();
  const L = useReportLabels();
  const [issuer, setIssuer] = useState<ReportIssuer>('committee');
  const queryKey = reportKeys.consolidated(periodId, issuer);
  const q = useQuery({
    queryKey,
    queryFn: () => fetchConsolidated(periodId, issuer),
  });
  const client = useQueryClient();
  const issue = useMutation({
    mutationFn: () => issueConsolidated(periodId, issuer),
    onSuccess: (data) => client.setQueryData(queryKey, data),
  });
  const base = `/api/report-periods/${periodId}/consolidated`;
  const suffix = `?issuer=${issuer}`;
  return (
    <Paper withBorder p="md" component="section" aria-label={L.consolidated}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3}>{L.consolidated}</Title>
            {q.data && (
              <Text size="sm" c="dimmed">
                {q.data.subject} · {fill(L.figuresAsOf, { date: formatDate(q.data.figuresDate) })}
                {q.data.figuresDate < q.data.date ? ` ${L.endOfPeriod}` : ''}
              </Text>
            )}
          </div>
          <Group gap="xs">
            {canIssue && q.data && !q.data.issued && (
              <Button
                color="green"
                loading={issue.isPending}
                onClick={() => {
                  if (window.confirm(L.issueConfirm)) issue.mutate();
                }}
              >
                {L.issue}
              </Button>
            )}
            <Button component="a" href={`${base}.docx${suffix}`} download>
              {L.downloadDocx}
            </Button>
            <Button component="a" href={`${base}.xlsx${suffix}`} download variant="default">
              {L.downloadXlsx}
            </Button>
            <Button component="a" href={`${base}.pdf${suffix}`} download variant="default">
              {L.downloadPdf}
            </Button>
          </Group>
        </Group>
        <Group gap="xs">
          <Text size="sm" id={`issuer-${periodId}`}>
            {L.issuer}
          </Text>
          <SegmentedControl
            aria-labelledby={`issuer-${periodId}`}
            value={issuer}
            onChange={(v) => setIssuer(v as ReportIssuer)}
            data={[
              { value: 'committee', label: L.issuers.committee },
              { value: 'dx_office', label: L.issuers.dx_office },
            ]}
          />
          {q.data && (
            <Text size="sm" c="dimmed">
              {q.data.issuerLines.join(' – ')}
            </Text>
          )}
        </Group>
        {q.data?.issued ? (
          <Alert color="green" role="status" aria-label={L.issued}>
            {fill(L.issuedText, {
              at: formatDateTime(q.data.issued.at),
              name: q.data.issued.byName,
            })}
          </Alert>
        ) : (
          q.data && (
            <Text size="sm" c="dimmed">
              {L.draftNote}
            </Text>
          )
        )}
        {issue.error && <ErrorAlert error={issue.error} />}
        {q.isLoading && <Loading label={translate('wait.consolidated')} />}
        {q.error && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
        {q.data && (
          <>
            <Table.ScrollContainer minWidth={560}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{L.target}</Table.Th>
                    <Table.Th>{L.result}</Table.Th>
                    <Table.Th>{L.goal}</Table.Th>
                    <Table.Th>{L.assessment}</Table.Th>
                    <Table.Th>{L.achievedOfApplicable}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {q.data.targets.map((t) => (
                    <Table.Tr key={t.planTargetId}>
                      <Table.Td>
                        <Text size="sm" title={t.text}>
                          {t.code}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {t.value === null
                          ? '—'
                          : t.isCount
                            ? formatNumber(t.value)
                            : `${formatNumber(t.value)}%`}
                      </Table.Td>
                      <Table.Td>{t.goalText}</Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLOR[t.status]} variant="filled" tt="none">
                          {L.targetStatuses[t.status] ?? t.status}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {t.isCount
                          ? formatNumber(t.achieved)
                          : `${formatNumber(t.achieved)} / ${formatNumber(t.due)}`}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="sm">
              {fill(L.summaryLine, {
                publications: formatNumber(q.data.publications.total),
                dx: formatNumber(q.data.publications.dx),
                done: formatNumber(q.data.tasks.done),
                parts: formatNumber(q.data.tasks.parts),
                overdue: formatNumber(q.data.tasks.overdue),
                submitted: formatNumber(q.data.reports.submitted),
                required: formatNumber(q.data.reports.required),
              })}{' '}
              ·{' '}
              <Anchor component={Link} to="/obstacles">
                {fill(L.obstaclesLink, {
                  obstacles: formatNumber(q.data.obstacles.obstacles),
                  proposals: formatNumber(q.data.obstacles.proposals),
                })}
              </Anchor>
            </Text>
            <Text size="xs" c="dimmed">
              {fill(L.recipients, { list: q.data.recipients.join(' ') })}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}

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
import { formatDate } from '../../lib/dates';
import { ErrorAlert, Loading } from '../../lib/ui';

type TargetStatus = ConsolidatedSummary['targets'][number]['status'];

const STATUS_VI: Record<TargetStatus, string> = {
  achieved: 'Đã đạt',
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ chậm',
  behind: 'Chậm tiến độ',
  not_applicable: 'Không áp dụng',
  not_defined: 'Chưa định nghĩa',
};
const STATUS_COLOR: Record<TargetStatus, string> = {
  achieved: '#1b6b2f',
  on_track: 'blue.9',
  at_risk: '#a33a05',
  behind: 'red.9',
  not_applicable: 'gray.8',
  not_defined: 'gray.8',
};
const num = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/**
 * The consolidated report of a reporting period (plan 54 V.1.a), generated live: the figures it states (as the
 * dashboard shows them at the period's end, or today while the period runs), issued by the People's Committee or the
 * DX office's agency, and the DOCX (Nghị định 30/2020), XLSX annex and PDF to download. The DX office issues it:
 * from then on the stored figures and words are shown and downloaded, whatever is recorded later (issue 11).
 */
export function ConsolidatedReportPanel({ periodId, canIssue }: { periodId: string; canIssue: boolean }) {
  const { t: translate } = useTranslation();
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
    <Paper withBorder p="md" component="section" aria-label="Báo cáo tổng hợp">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3}>Báo cáo tổng hợp</Title>
            {q.data && (
              <Text size="sm" c="dimmed">
                {q.data.subject} · số liệu tính đến ngày {formatDate(q.data.figuresDate)}
                {q.data.figuresDate < q.data.date ? ' (ngày cuối kỳ)' : ''}
              </Text>
            )}
          </div>
          <Group gap="xs">
            {canIssue && q.data && !q.data.issued && (
              <Button
                color="green"
                loading={issue.isPending}
                onClick={() => {
                  if (
                    window.confirm(
                      'Ban hành báo cáo? Số liệu và lời văn sẽ được lưu lại và không thay đổi nữa.',
                    )
                  )
                    issue.mutate();
                }}
              >
                Ban hành báo cáo
              </Button>
            )}
            <Button component="a" href={`${base}.docx${suffix}`} download>
              Tải báo cáo (.docx)
            </Button>
            <Button component="a" href={`${base}.xlsx${suffix}`} download variant="default">
              Tải phụ lục (.xlsx)
            </Button>
            <Button component="a" href={`${base}.pdf${suffix}`} download variant="default">
              Tải PDF
            </Button>
          </Group>
        </Group>
        <Group gap="xs">
          <Text size="sm" id={`issuer-${periodId}`}>
            Cơ quan ban hành
          </Text>
          <SegmentedControl
            aria-labelledby={`issuer-${periodId}`}
            value={issuer}
            onChange={(v) => setIssuer(v as ReportIssuer)}
            data={[
              { value: 'committee', label: 'Ủy ban nhân dân' },
              { value: 'dx_office', label: 'Cơ quan chuyên trách chuyển đổi số' },
            ]}
          />
          {q.data && (
            <Text size="sm" c="dimmed">
              {q.data.issuerLines.join(' – ')}
            </Text>
          )}
        </Group>
        {q.data?.issued ? (
          <Alert color="green" role="status" aria-label="Đã ban hành">
            Đã ban hành lúc {new Date(q.data.issued.at).toLocaleString('vi-VN')} ({q.data.issued.byName}): số
            liệu được lưu tại thời điểm ban hành, không thay đổi theo dữ liệu nhập sau
          </Alert>
        ) : (
          q.data && (
            <Text size="sm" c="dimmed">
              Bản dự thảo: số liệu tính trực tiếp, còn thay đổi đến khi ban hành.
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
                    <Table.Th>Chỉ tiêu</Table.Th>
                    <Table.Th>Kết quả</Table.Th>
                    <Table.Th>Mục tiêu</Table.Th>
                    <Table.Th>Đánh giá</Table.Th>
                    <Table.Th>Đạt / thuộc diện</Table.Th>
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
                        {t.value === null ? '—' : t.isCount ? num(t.value) : `${num(t.value)}%`}
                      </Table.Td>
                      <Table.Td>{t.goalText}</Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLOR[t.status]} variant="filled" tt="none">
                          {STATUS_VI[t.status] ?? t.status}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {t.isCount ? num(t.achieved) : `${num(t.achieved)} / ${num(t.due)}`}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="sm">
              {num(q.data.publications.total)} tin, bài trong kỳ ({num(q.data.publications.dx)} về chuyển đổi
              số) · {num(q.data.tasks.done)}/{num(q.data.tasks.parts)} phần việc hoàn thành,{' '}
              {num(q.data.tasks.overdue)} quá hạn · {num(q.data.reports.submitted)}/
              {num(q.data.reports.required)} đơn vị đã gửi báo cáo ·{' '}
              <Anchor component={Link} to="/obstacles">
                {num(q.data.obstacles.obstacles)} khó khăn, {num(q.data.obstacles.proposals)} kiến nghị
              </Anchor>
            </Text>
            <Text size="xs" c="dimmed">
              Nơi nhận: {q.data.recipients.join(' ')}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}

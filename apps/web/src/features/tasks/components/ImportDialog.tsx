import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Modal,
  NativeSelect,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Answers, fileToBase64, type ImportReport, importAppendix, taskKeys } from '../../../api/tasks';
import { formatDate } from '../../../lib/dates';
import { ErrorAlert } from '../../../lib/ui';
import type { TaskLabels } from '../../../locales/tasks';

export function ImportDialog({
  opened,
  onClose,
  planId,
  L,
}: {
  opened: boolean;
  onClose: () => void;
  planId: string;
  L: TaskLabels;
}) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const run = useMutation({
    mutationFn: async (confirm: boolean) =>
      importAppendix(planId, {
        fileName: file!.name,
        contentBase64: await fileToBase64(file!),
        confirm,
        answers,
      }),
    onSuccess: (r) => {
      setReport(r);
      if (r.saved) qc.invalidateQueries({ queryKey: taskKeys.all });
    },
  });
  const close = () => {
    setReport(null);
    setFile(null);
    setAnswers({});
    onClose();
  };
  // "Ask when unsure": a name that fits several units is answered here once, then the dry run runs again.
  // A vague phrase ("các đơn vị có liên quan") is asked the same way, with the province's groups to choose from.
  const questions = new Map<string, { id: string; name: string; type?: 'unit' | 'group' }[]>();
  for (const r of report?.rows ?? []) {
    for (const q of [...r.leads.questions, ...r.coordinators.questions])
      if (q.options.length) questions.set(q.text, q.options);
  }
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={L.import}
      size="90%"
      closeButtonProps={{ 'aria-label': L.close }}
    >
      <Stack>
        <FileInput
          label={L.file}
          accept=".xlsx,.csv"
          value={file}
          onChange={(f) => {
            setFile(f);
            setReport(null);
          }}
          clearable
          clearButtonProps={{ 'aria-label': L.clearFile }}
        />
        <Group>
          <Button disabled={!file} loading={run.isPending} onClick={() => run.mutate(false)}>
            {L.dryRun}
          </Button>
          {report && !report.saved && report.valid > 0 && (
            <Button color="green" loading={run.isPending} onClick={() => run.mutate(true)}>
              {L.confirm(report.valid)}
            </Button>
          )}
        </Group>
        {run.error && <ErrorAlert error={run.error} />}
        {questions.size > 0 && !report?.saved && (
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <Text fw={600}>{L.questions}</Text>
              {[...questions].map(([text, options]) => (
                <NativeSelect
                  key={text}
                  label={L.whichUnit(text)}
                  value={answers[text]?.id ?? ''}
                  onChange={(e) => {
                    const id = e.currentTarget.value;
                    const next = { ...answers };
                    const chosen = options.find((o) => o.id === id);
                    if (chosen) next[text] = { type: chosen.type ?? 'unit', id };
                    else delete next[text];
                    setAnswers(next);
                  }}
                  data={[
                    { value: '', label: L.notChosen },
                    ...options.map((o) => ({ value: o.id, label: o.name })),
                  ]}
                />
              ))}
              <Group>
                <Button variant="light" loading={run.isPending} onClick={() => run.mutate(false)}>
                  {L.dryRun}
                </Button>
              </Group>
            </Stack>
          </Paper>
        )}
        {report?.fileIssues.map((m) => (
          <Alert key={m} color="red">
            {m}
          </Alert>
        ))}
        {report && (
          <Alert color={report.saved ? 'green' : report.valid === report.total ? 'blue' : 'yellow'}>
            {report.saved ? L.saved(report.saved) : L.summary(report.valid, report.total)}
          </Alert>
        )}
        {report && (
          <ScrollArea>
            <Table striped aria-label={L.dryRun}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{L.row}</Table.Th>
                  <Table.Th>{L.task}</Table.Th>
                  <Table.Th>{L.lead}</Table.Th>
                  <Table.Th>{L.coordinators}</Table.Th>
                  <Table.Th>{L.timeFrame}</Table.Th>
                  <Table.Th>{L.problems}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rows.map((r) =>
                  r.kind === 'group' ? (
                    <Table.Tr key={r.row}>
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td colSpan={5}>
                        <Text fw={700}>{r.section}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ) : (
                    <Table.Tr
                      key={r.row}
                      style={{ background: r.valid ? undefined : 'var(--mantine-color-red-0)' }}
                    >
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td>{r.title}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{r.leadText}</Text>
                        <Text size="xs" c="dimmed">
                          → {r.leads.matches.map((m) => m.name).join('; ') || '—'} ({L.units(r.leadUnits)})
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{r.coordinatorText}</Text>
                        {r.coordinatorText && (
                          <Text size="xs" c="dimmed">
                            → {r.coordinators.matches.map((m) => m.name).join('; ') || '—'} (
                            {L.units(r.coordinatorUnits)})
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{r.timeFrame.original}</Text>
                        {r.timeFrame.from && (
                          <Text size="xs" c="dimmed">
                            → {formatDate(r.timeFrame.from)}–{formatDate(r.timeFrame.to)}
                            {r.timeFrame.dueDate ? `, ${L.due} ${formatDate(r.timeFrame.dueDate)}` : ''}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {r.issues.length === 0 ? (
                          <Badge color="#1b6b2f" variant="filled" tt="none">
                            {L.ok}
                          </Badge>
                        ) : (
                          r.issues.map((i) => (
                            <Text key={i.message} size="sm" c={i.severity === 'error' ? 'red.8' : 'yellow.9'}>
                              {i.message}
                            </Text>
                          ))
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ),
                )}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Stack>
    </Modal>
  );
}

import { RECORD_ORDER } from '@dx/contracts/paths';
import { RECORD_IMPORT_SPECS, type RecordType } from '@dx/domain';
import {
  Alert,
  Button,
  FileInput,
  Group,
  NativeSelect,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type ImportReport, RECORD_PATHS, recordKeys, typeOfPath } from '../../api/records';
import { targetKeys } from '../../api/targets';
import { post, toQuery, upload } from '../../lib/api';
import { useProvince } from '../../lib/province';
import { readableAlert } from '../../lib/TargetBits';
import { ErrorAlert } from '../../lib/ui';
import { fill, useEvidenceLabels } from '../../locales/evidence';

/** Short column names (the template's header without its hint in brackets). */
const columnNames = (type: RecordType): Record<string, string> =>
  Object.fromEntries(RECORD_IMPORT_SPECS[type].columns.map((c) => [c.key, c.header.replace(/\s*\(.*$/, '')]));

/** A file's size as people read it (kB below a megabyte). */
const sizeOf = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} kB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Records of any type from Excel/CSV: template → dry run with each bad row explained → confirm → result. The file
 * goes up once, as multipart with its progress shown; the dry run's checked rows wait on the server (stageId) and
 * the confirm saves them without sending the file again (issue 12 "Imports that scale").
 */
export function ImportPage() {
  const L = useEvidenceLabels();
  const qc = useQueryClient();
  const { provinceId } = useProvince();
  const [params, setParams] = useSearchParams();
  const type: RecordType = typeOfPath(params.get('type') ?? '') ?? 'publication';
  const spec = RECORD_IMPORT_SPECS[type];
  const what = L.importWhat[type] ?? type;
  const templateUrl = `/api/imports/${RECORD_PATHS[type]}/template.xlsx${toQuery({ provinceId })}`;
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  // How far the upload is (0–1), or null when nothing is being sent.
  const [sent, setSent] = useState<number | null>(null);
  const run = useMutation({
    mutationFn: async (confirm: boolean) => {
      if (confirm && report?.stageId)
        return post<ImportReport>(`/imports/${RECORD_PATHS[type]}/confirm`, { stageId: report.stageId });
      setSent(0);
      try {
        return await upload<ImportReport>(
          `/imports/${RECORD_PATHS[type]}/file${toQuery({ provinceId: provinceId!, confirm: String(confirm) })}`,
          file!,
          setSent,
        );
      } finally {
        setSent(null);
      }
    },
    onSuccess: (r, confirm) => {
      if (confirm) {
        setDone(r);
        setReport(null);
        void qc.invalidateQueries({ queryKey: recordKeys.all });
        void qc.invalidateQueries({ queryKey: targetKeys.all });
      } else setReport(r);
    },
  });
  const badRows = useMemo(() => {
    const rows = new Map<number, { column: string | null; message: string }[]>();
    for (const i of report?.issues ?? []) rows.set(i.row, [...(rows.get(i.row) ?? []), i]);
    return [...rows.entries()].sort((a, b) => a[0] - b[0]);
  }, [report]);
  const columns = useMemo(() => columnNames(type), [type]);
  const choose = (f: File | null) => {
    setFile(f);
    setReport(null);
    setDone(null);
    run.reset();
  };

  return (
    <Stack gap="md" maw={960}>
      <div>
        <Title order={3} fz="lg">
          {fill(L.importTitle, { what })}
        </Title>
        <Text size="sm" c="dimmed">
          {L.importIntro}
        </Text>
      </div>
      <NativeSelect
        label={L.importKind}
        value={RECORD_PATHS[type]}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setParams(
            (p) => {
              p.set('type', v);
              return p;
            },
            { replace: true },
          );
          choose(null);
        }}
        data={RECORD_ORDER.map((k) => ({ value: RECORD_PATHS[k], label: L.kinds[k] ?? k }))}
        size="md"
        maw={360}
      />
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text fw={600}>{L.step1}</Text>
          <Group>
            <Button component="a" href={templateUrl} download={spec.fileName} variant="default" size="md">
              {L.downloadTemplate}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text fw={600}>{L.step2}</Text>
          <FileInput
            label={L.file}
            placeholder={L.filePlaceholder}
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            value={file}
            onChange={choose}
            clearable
            clearButtonProps={{ 'aria-label': L.clear }}
            size="md"
          />
          <Group>
            <Button
              onClick={() => run.mutate(false)}
              disabled={!file || !provinceId}
              loading={run.isPending && run.variables === false}
              size="md"
            >
              {L.check}
            </Button>
          </Group>
          {run.isPending && run.variables === false && file && (
            <Stack gap={4} role="status" aria-live="polite">
              {sent !== null && sent < 1 ? (
                <>
                  <Text size="sm">
                    {fill(L.uploading, { percent: Math.round(sent * 100), size: sizeOf(file.size) })}
                  </Text>
                  <Progress value={sent * 100} size="md" aria-label={L.check} />
                </>
              ) : (
                <>
                  <Text size="sm">{fill(L.reading, { size: sizeOf(file.size) })}</Text>
                  <Progress value={100} animated striped size="md" aria-label={L.check} />
                </>
              )}
            </Stack>
          )}
          {run.error && <ErrorAlert error={run.error} />}
        </Stack>
      </Paper>
      {report && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Text fw={600}>{L.step3}</Text>
            <Text role="status">
              {fill(L.summary, {
                total: report.total,
                valid: report.valid,
                bad: report.total - report.valid,
              })}
            </Text>
            {badRows.length === 0 ? (
              <Alert {...readableAlert} color="green">
                {L.allGood}
              </Alert>
            ) : (
              <>
                <Alert {...readableAlert} color="orange" variant="outline">
                  <Text size="sm" c="dark">
                    {L.badRowsHint}
                  </Text>
                </Alert>
                <Table.ScrollContainer minWidth={560}>
                  <Table withTableBorder withColumnBorders verticalSpacing={6} aria-label={L.step3}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={70}>{L.row}</Table.Th>
                        <Table.Th w={200}>{L.column}</Table.Th>
                        <Table.Th>{L.problem}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {badRows.flatMap(([row, issues]) =>
                        issues.map((i, k) => (
                          <Table.Tr key={`${row}-${i.column}-${i.message}`} data-row={row}>
                            {k === 0 && (
                              <Table.Td rowSpan={issues.length} fw={700} style={{ verticalAlign: 'top' }}>
                                {row}
                              </Table.Td>
                            )}
                            <Table.Td>{i.column ? (columns[i.column] ?? i.column) : '—'}</Table.Td>
                            <Table.Td>{i.message}</Table.Td>
                          </Table.Tr>
                        )),
                      )}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </>
            )}
            {report.valid > 0 ? (
              <Stack gap={4}>
                <Group>
                  <Button
                    onClick={() => run.mutate(true)}
                    loading={run.isPending && run.variables === true}
                    size="md"
                  >
                    {fill(L.confirmImport, { count: report.valid })}
                  </Button>
                </Group>
                {run.isPending && run.variables === true && (
                  <Text size="sm" role="status" aria-live="polite">
                    {fill(L.saving, { count: report.valid })}
                  </Text>
                )}
              </Stack>
            ) : (
              <Text>{L.nothingValid}</Text>
            )}
          </Stack>
        </Paper>
      )}
      {done && (
        <Alert
          {...readableAlert}
          color="green"
          role="status"
          title={fill(L.imported, { count: done.saved, what, batch: done.batchId ?? '—' })}
        >
          <Group gap="sm" mt="xs">
            <Button component={Link} to={`/records/${RECORD_PATHS[type]}`} variant="default">
              {L.kinds[type]}
            </Button>
            <Button variant="default" onClick={() => choose(null)}>
              {L.importAnother}
            </Button>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}

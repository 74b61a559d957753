import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  List,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { importUnitsFile, UNIT_IMPORT_TEMPLATE_URL, type UnitImportReport } from '../../api/unit-imports';
import { DateField } from '../../lib/DateField';
import { formatDate } from '../../lib/dates';
import { useProvince } from '../../lib/province';
import { ErrorAlert } from '../../lib/ui';
import { fill, useUnitImportLabels } from '../../locales/unit-imports';

/** Dark shades: a filled badge must pass the contrast check (axe) on a striped row. */
const STATUS_COLOR = { ok: 'teal.9', skipped: 'gray.8', error: 'red.9' } as const;

/**
 * A province's units from a file (issue 15): choose the file → dry run, each row understood or explained → fix and
 * upload again → choose the effective date → confirm (all or nothing). For the province's administrator and the
 * system administrator; one column on a phone, the table scrolls sideways.
 */
export function UnitImportPage() {
  const L = useUnitImportLabels();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const { provinceId: current, provinces, setProvinceId } = useProvince();
  const provinceId = params.get('provinceId') ?? current;
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<UnitImportReport | null>(null);
  const [done, setDone] = useState<UnitImportReport | null>(null);
  const [effectiveDate, setEffectiveDate] = useState('');
  const [onlyErrors, setOnlyErrors] = useState(false);

  const run = useMutation({
    mutationFn: (confirm: boolean) =>
      importUnitsFile(file!, {
        provinceId: provinceId!,
        confirm,
        effectiveDate: confirm ? effectiveDate : effectiveDate || undefined,
      }),
    onSuccess: (r, confirm) => {
      if (confirm && r.created > 0) {
        setDone(r);
        setReport(null);
        void qc.invalidateQueries();
      } else setReport(r);
    },
  });
  // The date offered by the dry run (1 January of the earliest plan year), until the user picks another.
  useEffect(() => {
    if (report && !effectiveDate) setEffectiveDate(report.defaultEffectiveDate);
  }, [report, effectiveDate]);

  const choose = (f: File | null) => {
    setFile(f);
    setReport(null);
    setDone(null);
    run.reset();
  };
  const okRows = report ? report.rows.filter((r) => r.status === 'ok').length : 0;
  const rows = useMemo(
    () => (report ? report.rows.filter((r) => !onlyErrors || r.status === 'error') : []),
    [report, onlyErrors],
  );

  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Title order={3} fz="lg">
          {L.title}
        </Title>
        <Text size="sm" c="dimmed">
          {L.intro}
        </Text>
      </div>
      <Paper withBorder p="md">
        <Stack gap="sm">
          {!params.get('provinceId') && provinces.length > 1 && (
            <NativeSelect
              label={L.province}
              value={provinceId ?? ''}
              onChange={(e) => {
                setProvinceId(e.currentTarget.value);
                choose(null);
              }}
              data={provinces.map((p) => ({ value: p.provinceId, label: p.name }))}
            />
          )}
          <Anchor href={UNIT_IMPORT_TEMPLATE_URL} download size="sm">
            {L.template}
          </Anchor>
          <FileInput
            label={L.file}
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={choose}
          />
          <Group>
            <Button
              onClick={() => run.mutate(false)}
              disabled={!file || !provinceId}
              loading={run.isPending && run.variables === false}
            >
              {L.check}
            </Button>
          </Group>
          {run.error && <ErrorAlert error={run.error} />}
        </Stack>
      </Paper>

      {done && (
        <Alert color="green" title={fill(L.done, { n: done.created, date: formatDate(done.effectiveDate) })}>
          <Anchor component={Link} to="/org-units">
            {L.openTree}
          </Anchor>
        </Alert>
      )}

      {report && (
        <Stack gap="sm">
          <Text fw={600}>
            {fill(L.summary, { total: report.rows.length, ok: okRows, errors: report.errors })} ·{' '}
            {L.format[report.format]}
          </Text>
          {report.errors > 0 ? (
            <Alert color="red">{L.fixAndRetry}</Alert>
          ) : (
            <Alert color="green">{L.allGood}</Alert>
          )}
          {report.errors > 0 && (
            <Checkbox
              label={L.onlyErrors}
              checked={onlyErrors}
              onChange={(e) => setOnlyErrors(e.currentTarget.checked)}
            />
          )}
          <Table.ScrollContainer minWidth={720}>
            <Table striped withTableBorder aria-label={L.title}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{L.row}</Table.Th>
                  <Table.Th>{L.code}</Table.Th>
                  <Table.Th>{L.name}</Table.Th>
                  <Table.Th>{L.kind}</Table.Th>
                  <Table.Th>{L.parent}</Table.Th>
                  <Table.Th>{L.result}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={`${r.row}-${r.name}`} data-status={r.status}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.code}</Table.Td>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td>{r.kind ? L.kinds[r.kind] : r.adminType}</Table.Td>
                    <Table.Td>{r.parentName}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[r.status]} variant="filled" tt="none">
                        {L[r.status]}
                      </Badge>
                      {r.messages.length > 0 && (
                        <List size="xs" mt={4}>
                          {r.messages.map((m) => (
                            <List.Item key={m}>{m}</List.Item>
                          ))}
                        </List>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {report.errors === 0 && okRows > 0 && (
            <Paper withBorder p="md">
              <Stack gap="sm">
                <DateField
                  label={L.effectiveDate}
                  description={fill(L.effectiveHint, { date: formatDate(report.defaultEffectiveDate) })}
                  value={effectiveDate}
                  onChange={setEffectiveDate}
                  required
                  maw={260}
                />
                <Group>
                  <Button
                    color="green"
                    onClick={() => run.mutate(true)}
                    disabled={!effectiveDate}
                    loading={run.isPending && run.variables === true}
                  >
                    {fill(L.confirm, { n: okRows })}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          )}
        </Stack>
      )}
    </Stack>
  );
}

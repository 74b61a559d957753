import { PLAN_DOCUMENT_KINDS, PLAN_KIND_NAMES, type PlanDocument } from '@dx/domain';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Grid,
  Group,
  List,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router';
import {
  confirmPlanImport,
  type DraftField,
  fetchPlanImport,
  importKeys,
  uploadPlanDocument,
} from '../../api/plan-imports';
import { ApiError } from '../../lib/api';
import { useProvince } from '../../lib/province';
import { ErrorAlert, Loading } from '../../lib/ui';
import { type ImportLabels, useImportLabels } from '../../locales/plan-imports';

/** Import a plan document into a draft, review it field by field beside its source text, confirm (issue 17). */
export function PlanImportPage() {
  return (
    <Routes>
      <Route index element={<UploadForm />} />
      <Route path=":importId" element={<Review />} />
    </Routes>
  );
}

const toBase64 = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

function UploadForm() {
  const L = useImportLabels();
  const { provinceId } = useProvince();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const upload = useMutation({
    mutationFn: async () =>
      uploadPlanDocument({
        provinceId: provinceId!,
        ...(file
          ? { fileName: file.name, contentBase64: await toBase64(file) }
          : { text, fileName: 'van-ban-dan.txt' }),
      }),
    onSuccess: (d) => navigate(d.id),
  });
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{L.title}</Title>
        <Text size="sm" c="dimmed">
          {L.intro}
        </Text>
      </div>
      <Paper withBorder p="md">
        <Stack>
          <FileInput label={L.file} value={file} onChange={setFile} clearable accept=".docx,.pdf,.txt,.md" />
          <Textarea
            label={L.paste}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={6}
            maxRows={16}
            disabled={!!file}
          />
          {upload.error && <ErrorAlert error={upload.error} />}
          <Group>
            <Button
              onClick={() => upload.mutate()}
              loading={upload.isPending}
              disabled={!provinceId || (!file && !text.trim())}
            >
              {L.read}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

const pathKey = (p: (string | number)[]) => p.join('.');

function Review() {
  const L = useImportLabels();
  const { importId } = useParams();
  const q = useQuery({ queryKey: importKeys.detail(importId!), queryFn: () => fetchPlanImport(importId!) });
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Loading />;
  return <ReviewForm key={q.data.id} data={q.data} L={L} />;
}

function ReviewForm({
  data,
  L,
}: {
  data: NonNullable<Awaited<ReturnType<typeof fetchPlanImport>>>;
  L: ImportLabels;
}) {
  const navigate = useNavigate();
  const [doc, setDoc] = useState<PlanDocument>(data.draft.document);
  const fields = new Map<string, DraftField>(data.draft.fields.map((f) => [pathKey(f.path), f]));
  const confirm = useMutation({
    mutationFn: () => confirmPlanImport(data.id, doc),
    onSuccess: (done) => navigate(`/plans/${done.planId}`),
  });
  const errors = confirm.error instanceof ApiError ? confirm.error.fieldErrors : {};
  const set = (patch: Partial<PlanDocument>) => setDoc((d) => ({ ...d, ...patch }));

  const row = (path: (string | number)[], label: string, value: string, onChange: (v: string) => void) => {
    const f = fields.get(pathKey(path));
    const confidence = f ? Math.round(f.confidence * 100) : null;
    return (
      <Grid key={pathKey(path)} align="flex-start">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TextInput
            label={
              <Group gap={6} component="span">
                <span>{label}</span>
                {confidence !== null && (
                  <Badge
                    size="sm"
                    variant="filled"
                    // Dark shades keep white text above 4.5:1 (axe colour-contrast).
                    color={confidence >= 90 ? '#0b5e4f' : confidence >= 70 ? '#7a3500' : '#9b1c1c'}
                    aria-label={`${L.confidence} ${confidence}%`}
                  >
                    {confidence}%
                  </Badge>
                )}
              </Group>
            }
            value={value}
            onChange={(e) => onChange(e.currentTarget.value)}
            error={errors[pathKey(path)]}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Text size="xs" c="dimmed">
            {L.source}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {f?.source?.text ?? L.noSource}
          </Text>
        </Grid.Col>
      </Grid>
    );
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{L.review}</Title>
        <Text size="sm" c="dimmed">
          {data.fileName ?? ''} · {L.kind}: {data.draft.kind} ·{' '}
          {L.counts(
            doc.targets.length,
            doc.themes.length,
            doc.responsibilities.length,
            doc.recipients.length,
          )}
        </Text>
      </div>
      {data.status === 'confirmed' && data.planId && (
        <Alert color="teal" title={L.confirmed}>
          <Anchor component={Link} to={`/plans/${data.planId}`}>
            {L.openPlan}
          </Anchor>
        </Alert>
      )}
      {data.draft.warnings.length > 0 && (
        <Alert color="yellow" title={L.warnings}>
          <List size="sm">
            {data.draft.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Paper withBorder p="md">
        <Stack gap="sm">
          <NativeSelect
            label={L.kind}
            value={doc.kind}
            onChange={(e) => set({ kind: e.currentTarget.value as PlanDocument['kind'] })}
            data={PLAN_DOCUMENT_KINDS.map((k) => ({ value: k, label: `${PLAN_KIND_NAMES[k]} (${k})` }))}
            error={errors.kind}
            style={{ maxWidth: 360 }}
          />
          {row(['parentIssuerName'], L.parentIssuerName, doc.parentIssuerName ?? '', (v) =>
            set({ parentIssuerName: v.trim() ? v : null }),
          )}
          {row(['issuerName'], L.issuerName, doc.issuerName, (v) => set({ issuerName: v }))}
          {row(['number'], L.number, doc.number ?? '', (v) => set({ number: v.trim() ? v : null }))}
          {row(['place'], L.place, doc.place, (v) => set({ place: v }))}
          {row(['date'], L.date, doc.date ?? '', (v) => set({ date: v.trim() ? v : null }))}
          {row(['year'], L.year, String(doc.year), (v) => set({ year: Number(v) || 0 }))}
          {row(['yearTo'], L.yearTo, doc.yearTo === null ? '' : String(doc.yearTo), (v) =>
            set({ yearTo: v.trim() ? Number(v) || 0 : null }),
          )}
          {row(['title'], L.docTitle, doc.title, (v) => set({ title: v }))}
          {doc.targets.map((t, i) =>
            row(['targets', i], `${L.target} ${t.letter})`, t.text, (v) =>
              set({ targets: doc.targets.map((x, j) => (j === i ? { ...x, text: v } : x)) }),
            ),
          )}
          {row(['signature', 'position'], L.position, doc.signature.position, (v) =>
            set({ signature: { ...doc.signature, position: v } }),
          )}
          {row(['signature', 'signer'], L.signer, doc.signature.signer, (v) =>
            set({ signature: { ...doc.signature, signer: v } }),
          )}
        </Stack>
      </Paper>
      {confirm.error && <ErrorAlert error={confirm.error} />}
      {data.status === 'draft' && (
        <Group>
          <Button onClick={() => confirm.mutate()} loading={confirm.isPending}>
            {L.confirm}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

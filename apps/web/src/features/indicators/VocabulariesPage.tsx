import { VOCABULARIES } from '@dx/domain';
import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fetchVocabularies,
  indicatorKeys,
  saveVocabularies,
  type Vocabulary,
  type VocabularyTerm,
  type VocabularyTermInput,
} from '../../api/indicators';
import { formatDate, todayIso } from '../../lib/dates';
import { useProvince } from '../../lib/province';
import { Empty, ErrorAlert, Loading } from '../../lib/ui';
import { fill } from '../../locales/fill';
import { useIndicatorLabels } from '../../locales/indicators';

type L = ReturnType<typeof useIndicatorLabels>;

/** A code from a Vietnamese label: no marks, lower case, words joined by "_" (codes are what records store). */
export function codeFromLabel(label: string, taken: string[]): string {
  const base =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 50) || 'muc';
  let code = base;
  for (let i = 2; taken.includes(code); i++) code = `${base}_${i}`;
  return code;
}

const inputOf = (t: VocabularyTerm): VocabularyTermInput => ({
  vocabulary: t.vocabulary,
  code: t.code,
  labelVi: t.labelVi,
  labelEn: t.labelEn,
  position: t.position,
  validFrom: t.validFrom,
  validTo: t.validTo,
});

/**
 * "Danh mục dùng chung" (issue 16): a province's vocabularies — people's roles, training subjects, event kinds and
 * levels, model and channel kinds — with Vietnamese and English names. A term is added or renamed, never deleted:
 * retiring it (validTo) keeps older records' labels. Codes are made from the name and shown only in small print.
 */
export function VocabulariesPage() {
  const L = useIndicatorLabels();
  const { provinceId } = useProvince();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: indicatorKeys.vocabularies(provinceId ?? ''),
    queryFn: () => fetchVocabularies(provinceId!),
    enabled: !!provinceId,
  });
  const save = useMutation({
    mutationFn: (terms: VocabularyTermInput[]) => saveVocabularies(provinceId!, terms),
    onSuccess: (data) => {
      qc.setQueryData(indicatorKeys.vocabularies(provinceId!), data);
      notifications.show({
        color: 'green',
        message: L.termSaved,
        closeButtonProps: { 'aria-label': L.close },
      });
    },
  });
  if (!provinceId) return <Empty title={L.noProvince} />;
  const terms = q.data?.items ?? [];
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{L.vocabTitle}</Title>
        <Text size="sm" c="dimmed">
          {L.vocabIntro}
        </Text>
      </div>
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {save.error && <ErrorAlert error={save.error} />}
      {q.isLoading ? (
        <Loading label={L.vocabLoading} />
      ) : (
        VOCABULARIES.map((v) => (
          <VocabularySection
            key={v}
            L={L}
            vocabulary={v}
            terms={terms.filter((t) => t.vocabulary === v)}
            saving={save.isPending}
            onSave={(list) => save.mutateAsync(list)}
          />
        ))
      )}
    </Stack>
  );
}

function VocabularySection({
  L,
  vocabulary,
  terms,
  saving,
  onSave,
}: {
  L: L;
  vocabulary: Vocabulary;
  terms: VocabularyTerm[];
  saving: boolean;
  onSave: (terms: VocabularyTermInput[]) => Promise<unknown>;
}) {
  const name = L.vocabularies[vocabulary];
  const headingId = `vocab-${vocabulary}`;
  const [labelVi, setLabelVi] = useState('');
  const [labelEn, setLabelEn] = useState('');
  const code = codeFromLabel(
    labelVi,
    terms.map((t) => t.code),
  );
  const add = async () => {
    await onSave([
      {
        vocabulary,
        code,
        labelVi: labelVi.trim(),
        labelEn: labelEn.trim(),
        position: Math.max(-1, ...terms.map((t) => t.position)) + 1,
        validFrom: null,
        validTo: null,
      },
    ]);
    setLabelVi('');
    setLabelEn('');
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} fz="lg" id={headingId}>
          {name}
        </Title>
        {terms.length === 0 ? (
          <Text size="sm" c="dimmed">
            {L.noTerms}
          </Text>
        ) : (
          <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {terms.map((t) => (
              <TermRow key={t.code} L={L} term={t} saving={saving} onSave={onSave} />
            ))}
          </Stack>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void add().catch(() => {});
          }}
          aria-label={fill(L.addTo, { name })}
        >
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {fill(L.addTo, { name })}
            </Text>
            <Group grow align="flex-start" wrap="wrap">
              <TextInput
                label={L.labelVi}
                value={labelVi}
                onChange={(e) => setLabelVi(e.currentTarget.value)}
                required
                miw={200}
              />
              <TextInput
                label={L.labelEn}
                value={labelEn}
                onChange={(e) => setLabelEn(e.currentTarget.value)}
                miw={200}
              />
            </Group>
            <Group justify="space-between" wrap="wrap">
              <Text size="xs" c="dimmed">
                {labelVi.trim() ? `${L.codeShort}: ${code}` : ''}
              </Text>
              <Button type="submit" variant="light" disabled={!labelVi.trim()} loading={saving}>
                {L.addTerm}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

function TermRow({
  L,
  term: t,
  saving,
  onSave,
}: {
  L: L;
  term: VocabularyTerm;
  saving: boolean;
  onSave: (terms: VocabularyTermInput[]) => Promise<unknown>;
}) {
  const { i18n } = useTranslation();
  const en = i18n.language?.startsWith('en');
  const [editing, setEditing] = useState(false);
  const [vi, setVi] = useState(t.labelVi);
  const [eng, setEng] = useState(t.labelEn);
  const today = todayIso();
  const retired = !!t.validTo && t.validTo <= today;
  const main = (en && t.labelEn) || t.labelVi;
  const other = en ? t.labelVi : t.labelEn;
  return (
    <li style={{ borderTop: '1px solid var(--mantine-color-gray-3)', padding: '8px 0' }}>
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void onSave([{ ...inputOf(t), labelVi: vi.trim(), labelEn: eng.trim() }])
              .then(() => setEditing(false))
              .catch(() => {});
          }}
        >
          <Stack gap="xs">
            <Group grow align="flex-start" wrap="wrap">
              <TextInput
                label={L.labelVi}
                value={vi}
                onChange={(e) => setVi(e.currentTarget.value)}
                miw={200}
              />
              <TextInput
                label={L.labelEn}
                value={eng}
                onChange={(e) => setEng(e.currentTarget.value)}
                miw={200}
              />
            </Group>
            <Group gap="xs">
              <Button type="submit" size="xs" loading={saving} disabled={!vi.trim()}>
                {L.saveTerm}
              </Button>
              <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                {L.cancel}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Group justify="space-between" wrap="wrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={500} td={retired ? 'line-through' : undefined}>
              {main}
            </Text>
            <Text size="xs" c="dimmed">
              {other ? `${other} · ` : ''}
              {L.codeShort}: {t.code}
            </Text>
            {t.validTo && (
              <Badge tt="none" variant="outline" color="dark" mt={2}>
                {fill(L.retired, { date: formatDate(t.validTo) })}
              </Badge>
            )}
          </div>
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              onClick={() => setEditing(true)}
              aria-label={`${L.editTerm}: ${main}`}
            >
              {L.editTerm}
            </Button>
            {t.validTo ? (
              <Button
                size="xs"
                variant="default"
                loading={saving}
                onClick={() => void onSave([{ ...inputOf(t), validTo: null }]).catch(() => {})}
                aria-label={`${L.restore}: ${main}`}
              >
                {L.restore}
              </Button>
            ) : (
              <Button
                size="xs"
                variant="default"
                loading={saving}
                // Retired from today: records dated before keep the term (valid_to is exclusive).
                onClick={() => void onSave([{ ...inputOf(t), validTo: today }]).catch(() => {})}
                aria-label={`${L.retire}: ${main}`}
              >
                {L.retire}
              </Button>
            )}
          </Group>
        </Group>
      )}
    </li>
  );
}

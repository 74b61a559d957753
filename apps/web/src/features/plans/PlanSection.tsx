import { type DocumentReference, formatCitation, type PlanDocument } from '@dx/domain';
import { Accordion, Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { planKeys, type StoredPlan, updatePlan } from '../../api/plans';
import { ApiError } from '../../lib/api';
import { usePlanLabels } from '../../locales/plans';

export type PartKey = keyof PlanDocument;
export type Part<K extends PartKey> = Pick<PlanDocument, K>;
/** The server's error for a field (dotted path below the document), or for the object it sits in. */
export type FieldError = (...path: (string | number)[]) => string | undefined;
export type SectionEditor<K extends PartKey> = (p: {
  value: Part<K>;
  set: (patch: Partial<Part<K>>) => void;
  err: FieldError;
}) => ReactNode;

/** A draft: what the user typed, and the part as the server had it when they started (to detect conflicts). */
type Draft<K extends PartKey> = { value: Part<K>; base: Part<K>; baseVersion: number };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
export function pick<K extends PartKey>(doc: PlanDocument, keys: readonly K[]): Part<K> {
  const out = {} as Part<K>;
  for (const k of keys) out[k] = doc[k];
  return out;
}
const storageKey = (planId: string, section: string) => `dx.planDraft:${planId}:${section}`;

function readDraft<K extends PartKey>(planId: string, section: string): Draft<K> | null {
  try {
    const raw = localStorage.getItem(storageKey(planId, section));
    return raw ? (JSON.parse(raw) as Draft<K>) : null;
  } catch {
    return null;
  }
}
function writeDraft(planId: string, section: string, draft: Draft<PartKey> | null) {
  try {
    if (draft) localStorage.setItem(storageKey(planId, section), JSON.stringify(draft));
    else localStorage.removeItem(storageKey(planId, section));
  } catch {
    // storage full or disabled: the draft lives only in memory
  }
}

/** Lines that show a part of the plan as the document words it (for the "current server values" of a 409). */
export function describe(v: unknown): string[] {
  if (v === null || v === undefined || v === '') return ['—'];
  if (typeof v === 'string' || typeof v === 'number') return [String(v)];
  if (Array.isArray(v)) return v.length ? v.flatMap(describe) : ['—'];
  const o = v as Record<string, unknown>;
  if ('kind' in o && 'number' in o && 'title' in o) return [formatCitation(o as DocumentReference)];
  if ('letter' in o && 'text' in o) return [`${o.letter}) ${o.text}`];
  if ('heading' in o)
    return [String(o.heading), ...(o.paragraphs as string[]), ...describe(o.items ?? [])].filter(
      (s) => s !== '—',
    );
  return Object.values(o).flatMap(describe);
}

/**
 * One part of the plan in the editor's accordion: its own draft (kept in localStorage per plan and part), its
 * own "Lưu" sending only that part with the plan's version, the server's field errors beside the inputs, and on
 * a 409 the part as the server has it now, with "áp dụng lại thay đổi của tôi" (as the users screen does).
 */
export function PlanSection<K extends PartKey>({
  plan,
  id,
  title,
  keys,
  clean = (v) => v,
  check,
  children,
}: {
  plan: StoredPlan;
  id: string;
  title: string;
  keys: readonly K[];
  /** Tidies the draft before it is sent (e.g. drops empty lines). */
  clean?: (v: Part<K>) => Part<K>;
  /** The domain's rules checked before sending (dotted path → message), to spare a round trip. */
  check?: (v: Part<K>) => Record<string, string>;
  children: SectionEditor<K>;
}) {
  const L = usePlanLabels();
  const qc = useQueryClient();
  const server = pick(plan.document, keys);
  const [draft, setDraft] = useState<Draft<K> | null>(() => readDraft<K>(plan.id, id));
  const [restored] = useState(() => draft !== null);
  useEffect(() => writeDraft(plan.id, id, draft as Draft<PartKey> | null), [plan.id, id, draft]);
  const value = draft?.value ?? server;
  const dirty = draft !== null && !same(draft.value, server);

  const save = useMutation({
    mutationFn: (version: number) => updatePlan(plan.id, { version, ...clean(value) }),
    onSuccess: (saved) => {
      qc.setQueryData(planKeys.detail(plan.id), saved);
      void qc.invalidateQueries({ queryKey: planKeys.revisions(plan.id) });
      void qc.invalidateQueries({ queryKey: planKeys.list(plan.provinceId) });
      setDraft(null);
      notifications.show({
        color: 'green',
        message: `${title}: ${L.saved}`,
        closeButtonProps: { 'aria-label': L.close },
      });
    },
    onError: (e) => {
      const current = e instanceof ApiError && e.code === 'RESOURCE.VERSION_CONFLICT' && e.details?.current;
      if (current) qc.setQueryData(planKeys.detail(plan.id), current as StoredPlan);
    },
  });
  const error = save.error instanceof ApiError ? save.error : null;
  const conflict =
    error?.code === 'RESOURCE.VERSION_CONFLICT'
      ? (error.details?.current as StoredPlan | undefined)
      : undefined;
  const [local, setLocal] = useState<Record<string, string>>({});
  const fe = { ...(error && !conflict ? error.fieldErrors : {}), ...local };
  const err: FieldError = (...path) => {
    for (let n = path.length; n > 0; n--) {
      const e = fe[path.slice(0, n).join('.')];
      if (e) return e;
    }
    return undefined;
  };
  const elsewhere = error && !conflict ? error.issues.filter((i) => !keys.includes(i.path[0] as K)) : [];

  const set = (patch: Partial<Part<K>>) =>
    setDraft((d) => {
      const cur = d ?? { value: server, base: server, baseVersion: plan.version };
      const value = { ...cur.value, ...patch };
      // Typed back to what the server has: nothing to keep.
      return same(value, server) ? null : { ...cur, value };
    });
  const onSave = () => {
    if (!draft) return;
    const found = check?.(value) ?? {};
    setLocal(found);
    if (Object.keys(found).length > 0) return save.reset();
    // Someone changed this very part since the draft began: send the old version so the server answers 409.
    save.mutate(same(draft.base, server) ? plan.version : draft.baseVersion);
  };
  const reapply = () => {
    if (!conflict || !draft) return;
    setDraft({ ...draft, base: pick(conflict.document, keys), baseVersion: conflict.version });
    save.mutate(conflict.version);
  };
  const takeServer = () => {
    setDraft(null);
    setLocal({});
    save.reset();
  };

  return (
    <Accordion.Item value={id}>
      <Accordion.Control>
        <Group gap="xs" wrap="nowrap">
          <Text fw={600}>{title}</Text>
          {dirty && (
            <Badge color="orange" variant="light" size="sm" styles={{ label: { color: '#8a3100' } }}>
              {L.unsaved}
            </Badge>
          )}
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="sm">
          {restored && dirty && (
            <Alert color="blue" variant="light" p="xs">
              <Group justify="space-between" gap="xs">
                <Text size="sm">{L.draftRestored}</Text>
                <Button size="compact-sm" variant="subtle" onClick={takeServer}>
                  {L.discardDraft}
                </Button>
              </Group>
            </Alert>
          )}
          {children({ value, set, err })}
          {conflict ? (
            <Alert color="orange" title={L.conflictTitle} role="alert">
              <Text size="sm">{L.conflictText}</Text>
              <Stack gap={2} mt={6} style={{ maxHeight: 240, overflow: 'auto' }}>
                {keys.flatMap((k) =>
                  describe(conflict.document[k]).map((line, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: fixed read-only rendering
                    <Text size="sm" key={`${k}-${i}`}>
                      {line}
                    </Text>
                  )),
                )}
              </Stack>
              <Group mt="sm">
                <Button onClick={reapply} loading={save.isPending}>
                  {L.reapply}
                </Button>
                <Button variant="default" onClick={takeServer}>
                  {L.takeServer}
                </Button>
              </Group>
            </Alert>
          ) : (
            save.error && (
              <Alert color="red" role="alert" title={save.error.message}>
                {elsewhere.length > 0 && (
                  <>
                    <Text size="sm">{L.otherErrors}</Text>
                    <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                      {elsewhere.map((i) => (
                        <li key={`${i.path.join('.')}:${i.message}`}>
                          <Text size="sm">
                            {i.path.join('.')}: {i.message}
                          </Text>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </Alert>
            )
          )}
          <Group>
            <Button onClick={onSave} loading={save.isPending} disabled={!dirty}>
              {L.saveSection}
            </Button>
          </Group>
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

import type { RecordOutOf } from '@dx/contracts';
import { Button, Checkbox, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useState } from 'react';
import { createRecord, recordKeys } from '../../api/records';
import { ApiError } from '../../lib/api';
import { useProvince } from '../../lib/province';
import { UnitPicker } from '../../lib/UnitPicker';
import { ErrorAlert } from '../../lib/ui';
import { fill, useEvidenceLabels } from '../../locales/evidence';
import { CHANNEL_LABELS, RECORD_SPECS } from './recordSpecs';

const FIELD = Object.fromEntries(RECORD_SPECS.channel.fields.map((f) => [f.key, f.label]));

/**
 * A channel declared inside the publication form (issue 19: a commune officer with no channel took 24 steps,
 * through the "Kênh" tab, before recording one news item). Kind, a name proposed from the kind and the unit,
 * and the "Chuyển đổi số" section ticked: the officer is recording a DX item on it, and an unticked box is
 * reported as a shortfall of Plan 54 I.2.b. The full channel form (address, section URL, dates) stays on the
 * "Kênh" tab.
 */
export function InlineChannel({
  unitId,
  unitName,
  lang,
  intro,
  onCreated,
  onCancel,
}: {
  unitId: string | null;
  unitName: string | null;
  lang: 0 | 1;
  /** Shown when the unit has no channel at all. */
  intro: boolean;
  onCreated: (channel: RecordOutOf<'channel'>) => void;
  onCancel: (() => void) | null;
}) {
  const L = useEvidenceLabels();
  const qc = useQueryClient();
  const { provinceId } = useProvince();
  const [owner, setOwner] = useState<string | null>(unitId);
  const [ownerName, setOwnerName] = useState<string | null>(unitName);
  const [kind, setKind] = useState<string>('portal');
  const proposed = (k: string, unit: string | null) =>
    [L.channelNamePrefix[k] ?? CHANNEL_LABELS[k]?.[lang] ?? '', unit ?? ''].join(' ').trim();
  const [name, setName] = useState(() => proposed('portal', unitName));
  // The proposed name follows the kind and the unit until the officer types one.
  const [typed, setTyped] = useState(false);
  const [dx, setDx] = useState(true);
  const create = useMutation({
    mutationFn: async () =>
      (await createRecord('channel', {
        ownerUnitId: owner ?? undefined,
        kind,
        name: name.trim(),
        hasDxSection: dx,
      })) as RecordOutOf<'channel'>,
    onSuccess: (channel) => {
      notifications.show({
        color: 'green',
        closeButtonProps: { 'aria-label': L.close },
        message: fill(L.channelCreated, { name: String(channel.name) }),
      });
      // The form's channel list (useLookups) holds the new channel at once, so the picker shows it chosen.
      qc.setQueryData(
        recordKeys.list('channel', provinceId ?? '', unitId),
        (old: { items: unknown[]; total: number } | undefined) =>
          old && { ...old, items: [...old.items, channel], total: old.total + 1 },
      );
      void qc.invalidateQueries({ queryKey: recordKeys.all });
      onCreated(channel);
    },
  });
  const fe: Record<string, string> = {};
  if (create.error instanceof ApiError)
    for (const i of create.error.issues) fe[String(i.path[0] ?? '')] ??= i.message;
  // Enter in the name creates the channel, not the publication around it.
  const onEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      create.mutate();
    }
  };
  return (
    <Paper withBorder p="sm" bg="gray.0" role="group" aria-label={L.newChannelTitle}>
      <Stack gap="xs">
        <Text fw={600}>{L.newChannelTitle}</Text>
        {intro && <Text size="sm">{L.newChannelIntro}</Text>}
        {!unitId && (
          <UnitPicker
            label={FIELD.ownerUnitId?.[lang]}
            required
            provinceId={provinceId}
            value={owner}
            initialLabel={null}
            onChange={(id, unit) => {
              setOwner(id);
              setOwnerName(unit?.name ?? null);
              if (!typed) setName(proposed(kind, unit?.name ?? null));
            }}
            error={fe.ownerUnitId}
            size="md"
          />
        )}
        <Select
          label={FIELD.kind?.[lang]}
          required
          size="md"
          data={Object.entries(CHANNEL_LABELS).map(([value, w]) => ({ value, label: w[lang] }))}
          value={kind}
          allowDeselect={false}
          onChange={(k) => {
            if (!k) return;
            setKind(k);
            if (!typed) setName(proposed(k, ownerName));
          }}
          error={fe.kind}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={FIELD.name?.[lang]}
          required
          size="md"
          value={name}
          onChange={(e) => {
            setTyped(true);
            setName(e.currentTarget.value);
          }}
          onKeyDown={onEnter}
          error={fe.name}
        />
        <Checkbox
          label={FIELD.hasDxSection?.[lang]}
          size="md"
          checked={dx}
          onChange={(e) => setDx(e.currentTarget.checked)}
          error={fe.hasDxSection}
        />
        {create.error && !Object.keys(fe).length && <ErrorAlert error={create.error} />}
        <Group gap="xs">
          <Button type="button" size="md" loading={create.isPending} onClick={() => create.mutate()}>
            {L.createChannel}
          </Button>
          {onCancel && (
            <Button type="button" size="md" variant="default" onClick={onCancel}>
              {L.cancelNewChannel}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

import { ORG_UNIT_KINDS, type OrgUnitKind } from '@dx/domain';
import {
  Button,
  Checkbox,
  Drawer,
  Group,
  Modal,
  Paper,
  Pill,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createGroup, deleteGroup, fetchGroup, groupKeys, listGroups } from '../../api/unit-groups';
import { ApiError } from '../../lib/api';
import { DateField } from '../../lib/DateField';
import { formatDate, todayIso } from '../../lib/dates';
import { PageHeader } from '../../lib/PageHeader';
import { useProvince } from '../../lib/province';
import { useSession } from '../../lib/session';
import { UnitPicker } from '../../lib/UnitPicker';
import { Empty, ErrorAlert, Loading } from '../../lib/ui';

/** Groups of units (by kind and/or picked units): list, members as of a date, create, delete. */
export function UnitGroupsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { provinceId, provinces } = useProvince();
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const groups = useQuery({
    queryKey: groupKeys.list(provinceId ?? ''),
    queryFn: () => listGroups(provinceId!),
    enabled: !!provinceId,
  });
  const items = groups.data?.items ?? [];
  const provinceName = provinces.find((p) => p.provinceId === provinceId)?.name;
  return (
    <Stack gap="md">
      <PageHeader
        title={t('groups.title')}
        intro={
          <>
            {t('groups.intro')} {provinceName ? `(${provinceName})` : ''}
          </>
        }
      >
        {can('unit_group.write') && <Button onClick={() => setCreating(true)}>{t('groups.create')}</Button>}
      </PageHeader>
      {groups.error && <ErrorAlert error={groups.error} onRetry={() => void groups.refetch()} />}
      <Paper withBorder>
        {groups.isLoading || !provinceId ? (
          <Loading />
        ) : items.length === 0 ? (
          <Empty title={t('groups.empty')} />
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('groups.name')}</Table.Th>
                  <Table.Th>{t('groups.kindRule')}</Table.Th>
                  <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {t('groups.memberCount')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((g) => (
                  <Table.Tr key={g.id}>
                    <Table.Td>
                      <Button
                        variant="subtle"
                        px={4}
                        onClick={() => setOpenId(g.id)}
                        aria-label={t('groups.open', { name: g.name })}
                        style={{ whiteSpace: 'normal', height: 'auto', textAlign: 'left' }}
                      >
                        {g.name}
                      </Button>
                      <Text size="xs" c="dimmed" px={4}>
                        {g.code} · {g.isSystem ? t('groups.system') : t('groups.custom')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {g.kinds.map((k) => (
                          <Pill key={k}>{t(`kinds.${k}`)}</Pill>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">{g.memberCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {openId && (
        <GroupDrawer groupId={openId} onClose={() => setOpenId(null)} canWrite={can('unit_group.write')} />
      )}
      {creating && provinceId && (
        <CreateGroupModal provinceId={provinceId} onClose={() => setCreating(false)} />
      )}
    </Stack>
  );
}

function GroupDrawer({
  groupId,
  onClose,
  canWrite,
}: {
  groupId: string;
  onClose: () => void;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [asOf, setAsOf] = useState(todayIso());
  const q = useQuery({ queryKey: groupKeys.detail(groupId, asOf), queryFn: () => fetchGroup(groupId, asOf) });
  const remove = useMutation({
    mutationFn: () => deleteGroup(groupId),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: groupKeys.all });
      notifications.show({ color: 'green', message: t('groups.deleted') });
      onClose();
    },
  });
  const g = q.data;
  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={g?.name ?? t('groups.title')}>
      <Stack gap="sm">
        <DateField
          label={t('groups.membersAsOf')}
          value={asOf}
          onChange={(v) => setAsOf(v || todayIso())}
          maw={180}
        />
        {q.isLoading && <Loading />}
        {q.error && <ErrorAlert error={q.error} />}
        {g && (
          <>
            <Text size="sm">
              {t('groups.memberCount')}: <b>{g.members.length}</b> ({formatDate(g.asOf)})
            </Text>
            {g.members.length === 0 ? (
              <Empty title={t('groups.noMembers')} />
            ) : (
              <Table striped fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('org.name')}</Table.Th>
                    <Table.Th>{t('org.kind')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {g.members.map((m) => (
                    <Table.Tr key={m.unitId}>
                      <Table.Td>{m.name}</Table.Td>
                      <Table.Td>{t(`kinds.${m.kind}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {canWrite && !g.isSystem && (
              <Button
                variant="outline"
                color="red.9"
                loading={remove.isPending}
                style={{ alignSelf: 'flex-start' }}
                onClick={() => window.confirm(t('groups.deleteConfirm', { name: g.name })) && remove.mutate()}
              >
                {t('common.delete')}
              </Button>
            )}
            {remove.error && <ErrorAlert error={remove.error} />}
          </>
        )}
      </Stack>
    </Drawer>
  );
}

function CreateGroupModal({ provinceId, onClose }: { provinceId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [kinds, setKinds] = useState<OrgUnitKind[]>([]);
  const [members, setMembers] = useState<{ unitId: string; name: string }[]>([]);
  const [pickerKey, setPickerKey] = useState(0);
  const m = useMutation({
    mutationFn: () => createGroup({ provinceId, name, code, kinds, memberIds: members.map((x) => x.unitId) }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: groupKeys.all });
      notifications.show({ color: 'green', message: t('groups.created') });
      onClose();
    },
  });
  const fe = m.error instanceof ApiError ? m.error.fieldErrors : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('groups.create')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('groups.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fe.name}
          />
          <TextInput
            label={t('groups.code')}
            description={t('groups.codeHint')}
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={fe.code}
          />
          <Checkbox.Group
            label={t('groups.kinds')}
            value={kinds}
            onChange={(v) => setKinds(v as OrgUnitKind[])}
            error={fe.kinds}
          >
            <Group gap="sm" mt={4}>
              {ORG_UNIT_KINDS.filter((k) => k !== 'province').map((k) => (
                <Checkbox key={k} value={k} label={t(`kinds.${k}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <UnitPicker
            key={pickerKey}
            label={t('groups.members')}
            provinceId={provinceId}
            value={null}
            onChange={(v, unit) => {
              if (v && unit && !members.some((x) => x.unitId === v)) setMembers([...members, unit]);
              setPickerKey((k) => k + 1);
            }}
            error={fe.memberIds}
            comboboxProps={{ withinPortal: true }}
          />
          {members.length > 0 && (
            <Group gap={6}>
              {members.map((x) => (
                <Pill
                  key={x.unitId}
                  withRemoveButton
                  removeButtonProps={{ 'aria-label': `${t('reorg.remove')} ${x.name}` }}
                  onRemove={() => setMembers(members.filter((y) => y.unitId !== x.unitId))}
                >
                  {x.name}
                </Pill>
              ))}
            </Group>
          )}
          {m.error && <ErrorAlert error={m.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={m.isPending}>
              {t('groups.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

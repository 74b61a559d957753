import { ROLES, type Role } from '@dx/domain';
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createUser,
  type GrantInput,
  type User,
  type UserPatch,
  updateUser,
  userKeys,
} from '../../api/users';
import { ApiError } from '../../lib/api';
import { DateField } from '../../lib/DateField';
import { todayIso } from '../../lib/dates';
import { useProvinces } from '../../lib/province';
import { useSession } from '../../lib/session';
import { UnitPicker } from '../../lib/UnitPicker';
import { ErrorAlert } from '../../lib/ui';

type GrantRow = { key: number; role: Role | null; unitId: string | null; unitName: string | null };
let nextKey = 1;
const rowsOf = (u: User | null): GrantRow[] =>
  u
    ? u.grants.map((g) => ({ key: nextKey++, ...g }))
    : [{ key: nextKey++, role: null, unitId: null, unitName: null }];

/** Create an account, or edit one (PATCH with its version; on 409 show the current values and re-apply). */
export function UserFormModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { me } = useSession();
  const isNew = user === null;
  const [base, setBase] = useState<User | null>(user);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [password, setPassword] = useState('');
  const [grants, setGrants] = useState<GrantRow[]>(() => rowsOf(user));
  const [missingRole, setMissingRole] = useState(false);
  const [unitAsOf, setUnitAsOf] = useState(todayIso());
  // Units that ended (merged away, dissolved) take no new grant unless the administrator says so (issue 15): the
  // choice shows once the picker looks at an earlier date, where such units are found.
  const [allowEnded, setAllowEnded] = useState(false);
  const pastUnits = unitAsOf < todayIso();
  // The unit picker searches every province the administrator manages (issue 15), as they stood on the date
  // chosen: all of them for a system administrator, else those of its administrator grants.
  const { data: visible = [] } = useProvinces(unitAsOf);
  const adminGrants = (me?.user.grants ?? []).filter((g) => g.role === 'administrator');
  const managed = visible
    .filter((p) => adminGrants.some((g) => g.unitId === null || g.provinceId === p.provinceId))
    .map((p) => ({ provinceId: p.provinceId, name: p.name }));

  const grantsInput = (): GrantInput[] => grants.map((g) => ({ role: g.role as Role, unitId: g.unitId }));
  const done = (message: string) => {
    void qc.invalidateQueries({ queryKey: userKeys.all });
    notifications.show({ color: 'green', message });
    onClose();
  };
  const create = useMutation({
    mutationFn: () =>
      createUser({
        username,
        displayName,
        email: email.trim() || null,
        password,
        grants: grantsInput(),
        ...(pastUnits && allowEnded && { allowEndedUnits: true }),
      }),
    onSuccess: (u) => done(t('users.created', { username: u.username })),
  });
  const update = useMutation({
    mutationFn: (p: UserPatch) => updateUser(user!.id, p),
    onSuccess: () => done(t('users.updated')),
  });
  const m = isNew ? create : update;
  const conflict =
    m.error instanceof ApiError && m.error.code === 'RESOURCE.VERSION_CONFLICT'
      ? (m.error.details?.current as User | undefined)
      : undefined;
  const fe = m.error instanceof ApiError ? m.error.fieldErrors : {};

  /** Only the fields that changed: sending grants, a password or isActive ends the user's sessions. */
  const patchFrom = (version: number, against: User): UserPatch => {
    const p: UserPatch = { version };
    if (displayName !== against.displayName) p.displayName = displayName;
    const mail = email.trim() || null;
    if (mail !== against.email) p.email = mail;
    const key = (gs: GrantInput[]) =>
      gs
        .map((g) => `${g.role}:${g.unitId}`)
        .sort()
        .join('|');
    if (key(grantsInput()) !== key(against.grants)) {
      p.grants = grantsInput();
      if (pastUnits && allowEnded) p.allowEndedUnits = true;
    }
    if (password) p.password = password;
    return p;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (grants.some((g) => !g.role)) {
      setMissingRole(true);
      return;
    }
    setMissingRole(false);
    if (isNew) create.mutate();
    else update.mutate(patchFrom(base!.version, user));
  };
  const reapply = () => {
    if (!conflict) return;
    setBase(conflict);
    // Re-apply what this form changed compared with what the user first saw, on top of the latest version.
    update.mutate({ ...patchFrom(conflict.version, user!), version: conflict.version });
  };
  const setActive = (isActive: boolean) => {
    if (!isActive && !window.confirm(t('users.deactivateConfirm', { username: user!.username }))) return;
    update.mutate({ version: (conflict ?? base!).version, isActive });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={isNew ? t('users.create') : `${t('users.edit')}: ${user.username}`}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {isNew && (
            <TextInput
              label={t('users.username')}
              required
              autoComplete="off"
              autoCapitalize="none"
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              error={fe.username}
            />
          )}
          <TextInput
            label={t('users.displayName')}
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={fe.displayName}
          />
          <TextInput
            label={t('users.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fe.email}
          />
          <PasswordInput
            label={isNew ? t('users.initialPassword') : t('users.resetPassword')}
            description={t('users.initialPasswordHint')}
            required={isNew}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fe.password}
          />
          <Fieldset legend={t('users.grants')}>
            <Stack gap="xs">
              <DateField
                label={t('users.unitAsOf')}
                description={t('users.unitAsOfHint')}
                value={unitAsOf}
                onChange={(v) => setUnitAsOf(v || todayIso())}
                maw={260}
              />
              {pastUnits && (
                <Checkbox
                  label={t('users.allowEndedUnits')}
                  description={t('users.allowEndedUnitsHint')}
                  checked={allowEnded}
                  onChange={(e) => setAllowEnded(e.currentTarget.checked)}
                />
              )}
              {fe.grants && (
                <Text c="red.8" size="sm" role="alert">
                  {fe.grants}
                </Text>
              )}
              {grants.map((g, i) => (
                <Group key={g.key} align="flex-start" gap="xs" wrap="wrap">
                  <Select
                    label={`${t('users.role')} ${grants.length > 1 ? i + 1 : ''}`.trim()}
                    required
                    data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                    value={g.role}
                    onChange={(v) =>
                      setGrants(grants.map((x) => (x.key === g.key ? { ...x, role: v as Role | null } : x)))
                    }
                    error={
                      fe[`grants.${i}.role`] ?? (missingRole && !g.role ? t('common.required') : undefined)
                    }
                    w={{ base: '100%', xs: 230 }}
                    comboboxProps={{ withinPortal: true }}
                  />
                  <UnitPicker
                    label={`${t('users.unit')} ${grants.length > 1 ? i + 1 : ''}`.trim()}
                    description={t('users.unitGlobal')}
                    provinceId={null}
                    provinces={managed}
                    asOf={unitAsOf}
                    value={g.unitId}
                    initialLabel={g.unitName}
                    onChange={(v, unit) =>
                      setGrants(
                        grants.map((x) =>
                          x.key === g.key ? { ...x, unitId: v, unitName: unit?.name ?? null } : x,
                        ),
                      )
                    }
                    error={fe[`grants.${i}.unitId`]}
                    style={{ flex: '1 1 220px' }}
                    comboboxProps={{ withinPortal: true }}
                  />
                  {grants.length > 1 && (
                    <Button
                      variant="subtle"
                      color="red.9"
                      mt={{ base: 0, xs: 24 }}
                      onClick={() => setGrants(grants.filter((x) => x.key !== g.key))}
                      aria-label={t('users.removeGrant', { n: i + 1 })}
                    >
                      {t('reorg.remove')}
                    </Button>
                  )}
                </Group>
              ))}
              <Button
                variant="default"
                style={{ alignSelf: 'flex-start' }}
                onClick={() =>
                  setGrants([...grants, { key: nextKey++, role: null, unitId: null, unitName: null }])
                }
              >
                {t('users.addGrant')}
              </Button>
            </Stack>
          </Fieldset>

          {conflict ? (
            <Alert color="orange" title={t('users.conflictTitle')} role="alert">
              <Text size="sm">{t('users.conflictText')}</Text>
              <Text size="sm" mt={6}>
                <b>{t('users.displayName')}:</b> {conflict.displayName}
                <br />
                <b>{t('users.email')}:</b> {conflict.email ?? '—'}
                <br />
                <b>{t('users.status')}:</b> {conflict.isActive ? t('users.active') : t('users.inactive')}
                <br />
                <b>{t('users.grants')}:</b>{' '}
                {conflict.grants
                  .map((g) => `${t(`roles.${g.role}`)} — ${g.unitName ?? t('users.global')}`)
                  .join('; ')}
              </Text>
              <Group mt="sm">
                <Button onClick={reapply} loading={update.isPending}>
                  {t('users.reapply')}
                </Button>
                <Button variant="default" onClick={onClose}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Alert>
          ) : (
            m.error && <ErrorAlert error={m.error} />
          )}

          <Group justify="space-between">
            {!isNew ? (
              base?.isActive ? (
                <Button variant="outline" color="red.9" onClick={() => setActive(false)}>
                  {t('users.deactivate')}
                </Button>
              ) : (
                <Button variant="outline" onClick={() => setActive(true)}>
                  {t('users.activate')}
                </Button>
              )
            ) : (
              <span />
            )}
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={m.isPending}>
                {isNew ? t('users.create') : t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

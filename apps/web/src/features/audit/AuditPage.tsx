import { compareVi } from '@dx/domain';
import { Button, Code, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditFilter, fetchAudit } from '../../api/audit';
import { DateField } from '../../lib/DateField';
import { formatDateTime } from '../../lib/dates';
import { Empty, ErrorAlert, Loading } from '../../lib/ui';
import { actionWords, useAuditWords } from '../../locales/audit';

/** "kênh" → "Kênh": a kind of object in words, as a label above its name. */
const capitalised = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** Audit trail, newest first, with filters and "load more" (beforeId). */
export function AuditPage() {
  const { t } = useTranslation();
  const words = useAuditWords();
  const [draft, setDraft] = useState<AuditFilter>({});
  const [filter, setFilter] = useState<AuditFilter>({});
  const [open, setOpen] = useState<Set<number>>(new Set());
  const q = useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam }) => fetchAudit(filter, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter({
      entityType: draft.entityType || undefined,
      action: draft.action?.trim() || undefined,
      from: draft.from || undefined,
      to: draft.to || undefined,
    });
  };
  const toggle = (id: number) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('audit.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('audit.intro')}
        </Text>
      </div>
      <Paper withBorder p="sm">
        <form onSubmit={apply}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={t('audit.entityType')}
              placeholder={t('audit.all')}
              // Every kind of object the log records, in words and in Vietnamese order (issue 19).
              data={Object.entries(words.objects)
                .map(([value, label]) => ({ value, label: capitalised(label) }))
                .sort((a, b) => compareVi(a.label, b.label))}
              searchable
              value={draft.entityType ?? null}
              onChange={(v) => setDraft({ ...draft, entityType: v ?? undefined })}
              clearable
              w={{ base: '100%', xs: 180 }}
            />
            <TextInput
              label={t('audit.action')}
              placeholder="user.create"
              value={draft.action ?? ''}
              onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })}
              w={{ base: '100%', xs: 180 }}
            />
            <DateField
              label={t('audit.from')}
              value={draft.from ?? ''}
              onChange={(v) => setDraft({ ...draft, from: v })}
              w={{ base: '100%', xs: 140 }}
            />
            <DateField
              label={t('audit.to')}
              value={draft.to ?? ''}
              onChange={(v) => setDraft({ ...draft, to: v })}
              w={{ base: '100%', xs: 140 }}
            />
            <Button type="submit">{t('audit.apply')}</Button>
            <Button
              variant="default"
              onClick={() => {
                setDraft({});
                setFilter({});
              }}
            >
              {t('audit.reset')}
            </Button>
          </Group>
        </form>
      </Paper>
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <Paper withBorder>
        {q.isLoading ? (
          <Loading />
        ) : items.length === 0 ? (
          <Empty title={t('audit.empty')} />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="xs" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('audit.at')}</Table.Th>
                  <Table.Th>{t('audit.actor')}</Table.Th>
                  <Table.Th>{t('audit.action')}</Table.Th>
                  <Table.Th>{t('audit.entity')}</Table.Th>
                  <Table.Th>{t('audit.details')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((e) => {
                  const isOpen = open.has(e.id);
                  const hasDetails = e.before != null || e.after != null;
                  return (
                    <Fragment key={e.id}>
                      <Table.Tr>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                        <Table.Td>{e.actorName ?? '—'}</Table.Td>
                        <Table.Td>
                          {actionWords(words, e.action, e.entityType)}
                          <Text size="xs" c="dimmed">
                            {e.action}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {/* The kind of object in words, then the object by name; its id only when it has none (issue 19). */}
                          {e.entityName ? (
                            <>
                              <Text size="xs" c="dimmed">
                                {capitalised(words.objects[e.entityType] ?? e.entityType)}
                              </Text>
                              {e.entityName}
                            </>
                          ) : (
                            capitalised(words.objects[e.entityType] ?? e.entityType)
                          )}
                          {!e.entityName && e.entityId && (
                            <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                              {e.entityId}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {hasDetails && (
                            <Button
                              size="xs"
                              variant="default"
                              aria-expanded={isOpen}
                              aria-controls={`audit-${e.id}`}
                              onClick={() => toggle(e.id)}
                            >
                              {isOpen ? t('audit.hide') : t('audit.show')}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                      {isOpen && (
                        <Table.Tr id={`audit-${e.id}`}>
                          <Table.Td colSpan={5}>
                            <Group align="flex-start" grow wrap="wrap">
                              <div>
                                <Text size="xs" fw={700}>
                                  {t('audit.before')}
                                </Text>
                                <Code block>{JSON.stringify(e.before, null, 2)}</Code>
                              </div>
                              <div>
                                <Text size="xs" fw={700}>
                                  {t('audit.after')}
                                </Text>
                                <Code block>{JSON.stringify(e.after, null, 2)}</Code>
                              </div>
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {q.hasNextPage ? (
        <Button
          variant="default"
          onClick={() => void q.fetchNextPage()}
          loading={q.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('common.loadMore')}
        </Button>
      ) : (
        items.length > 0 && (
          <Text size="sm" c="dimmed" ta="center">
            {t('audit.noMore')}
          </Text>
        )
      )}
    </Stack>
  );
}

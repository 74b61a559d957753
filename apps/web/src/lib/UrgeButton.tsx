import { Alert, Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type IssuedUrging, issueUrging, type UrgingRequest, urgingKeys } from '../api/urging';
import { useSession } from './session';
import { ErrorAlert } from './ui';

/**
 * "Tạo công văn đôn đốc" beside a who-is-behind list (issue 19): confirms, issues the numbered dispatch for the
 * units behind (or those ticked), then says what was sent where and links the DOCX. Shown only to those who may urge.
 */
export function UrgeButton({
  planId,
  request,
  disabled = false,
}: {
  planId: string;
  /** `unitIds` = the units ticked; without them the letter names every unit behind in the list. */
  request: UrgingRequest;
  /** Nothing behind in the list. */
  disabled?: boolean;
}) {
  const count = request.unitIds?.length ?? 0;
  const { t } = useTranslation();
  const { can } = useSession();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<IssuedUrging | null>(null);
  const issue = useMutation({
    mutationFn: () => issueUrging(planId, request),
    onSuccess: (r) => {
      setDone(r);
      setOpen(false);
      void qc.invalidateQueries({ queryKey: urgingKeys.all });
    },
  });
  if (!can('target.remind')) return null;
  return (
    <>
      <Button color="orange" onClick={() => setOpen(true)} disabled={disabled}>
        {count > 0 ? t('urging.createFor', { count }) : t('urging.create')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('urging.title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('urging.confirm')}</Text>
          <Text size="sm" fw={600}>
            {request.unitIds?.length
              ? t('urging.picked', { count: request.unitIds.length })
              : t('urging.allBehind')}
          </Text>
          {issue.error && <ErrorAlert error={issue.error} />}
          <Group gap="sm">
            <Button onClick={() => issue.mutate()} loading={issue.isPending}>
              {t('urging.issue')}
            </Button>
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {done && <UrgingIssued result={done} />}
    </>
  );
}

/** What an issued dispatch did: its number, the DOCX, and each channel's outcome. */
export function UrgingIssued({ result }: { result: IssuedUrging }) {
  const { t } = useTranslation();
  const u = result.urging;
  const channel = (name: string, o: IssuedUrging['urging']['delivery']['zalo']) =>
    o
      ? t('urging.channel', { name, sent: o.sent, failed: o.failed, noAddress: o.noAddress })
      : t('urging.channelOff', { name });
  return (
    <Alert
      color="green"
      role="status"
      w="100%"
      variant="light"
      title={t('urging.issued', { number: u.number, count: u.lines.length })}
      styles={{ title: { color: 'var(--mantine-color-green-9)' } }}
    >
      <Stack gap={4}>
        <Anchor href={u.documentUrl} download fw={600}>
          {t('urging.download')}
        </Anchor>
        <Text size="sm">
          {result.email.emailStatus === 'not_configured'
            ? t('urging.emailNotConfigured')
            : t('urging.emailQueued', { count: result.email.emailQueued })}
        </Text>
        <Text size="sm">{channel(t('urging.zalo'), u.delivery.zalo)}</Text>
        <Text size="sm">{channel(t('urging.sms'), u.delivery.sms)}</Text>
        <Anchor component={Link} to={`/urgings?plan=${u.planId}`} size="sm">
          {t('urging.seeAll')}
        </Anchor>
      </Stack>
    </Alert>
  );
}

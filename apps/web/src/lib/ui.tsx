import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';

/** Shows what went wrong and what to do; the server's message is already in Vietnamese. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <Alert color="red" title={t('common.errorTitle')} role="alert">
      <Text size="sm">{message}</Text>
      {issues.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
          {issues.map((i) => (
            <li key={`${i.path.join('.')}:${i.message}`}>
              <Text size="sm">{i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message}</Text>
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <Text size="sm" mt={4}>
          <button
            type="button"
            onClick={onRetry}
            style={{ all: 'unset', cursor: 'pointer', textDecoration: 'underline' }}
          >
            {t('common.retry')}
          </button>
        </Text>
      )}
    </Alert>
  );
}

/** After this long a wait also says that the server is still at it (a large city's figures can take a while). */
const STILL_WORKING_MS = 8000;

/** A wait that says what it waits for (issue 12: not a bare spinner); the default text is "Đang tải…". */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  const [long, setLong] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setLong(true), STILL_WORKING_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <Stack py="lg" gap={4} align="center" role="status" aria-live="polite">
      <Group gap="xs" wrap="nowrap">
        <Loader size="sm" aria-hidden />
        <Text size="sm">{label ?? t('common.loading')}</Text>
      </Group>
      {long && (
        <Text size="sm" ta="center">
          {t('wait.stillWorking')}
        </Text>
      )}
    </Stack>
  );
}

/** An empty list says how to fill it. */
export function Empty({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <Stack align="center" gap={4} py="lg">
      <Text fw={600}>{title}</Text>
      {hint && (
        <Text size="sm" c="dimmed" ta="center">
          {hint}
        </Text>
      )}
      {action}
    </Stack>
  );
}

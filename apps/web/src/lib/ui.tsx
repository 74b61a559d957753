import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
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

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    // The text lives in the status region, not as aria-label on the spinner's span (axe: aria-prohibited-attr).
    <Center py="lg" role="status" aria-live="polite" aria-label={label ?? t('common.loading')}>
      <Loader size="sm" aria-hidden />
    </Center>
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

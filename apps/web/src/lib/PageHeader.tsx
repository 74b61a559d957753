import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The head of a screen: its title (the page's one h2, under the shell's h1), an optional line saying what the screen
 * is for, and its main actions on the right (wrapping under the title on a phone). One look for every page.
 */
export function PageHeader({
  title,
  intro,
  children,
}: {
  title: ReactNode;
  intro?: ReactNode;
  /** The page's actions or pickers (a Button, a Group of them, a select). */
  children?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap">
      <div>
        <Title order={2}>{title}</Title>
        {intro && (
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
        )}
      </div>
      {children}
    </Group>
  );
}

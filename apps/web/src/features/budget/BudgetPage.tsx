import { Title } from '@mantine/core';

/** Budget estimates and their approval road (issue #6). */
export function BudgetPage() {
  return <Title order={2}>Dự toán kinh phí</Title>;
}

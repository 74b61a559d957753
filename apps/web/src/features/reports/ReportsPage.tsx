import { Title } from '@mantine/core';

/** Periodic reports, obstacles and the consolidated report (issue #7). */
export function ReportsPage() {
  return <Title order={2}>Báo cáo định kỳ</Title>;
}

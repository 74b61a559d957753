import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { fetchHome, homeKeys } from '../../api/home';
import { useProvince } from '../../lib/province';
import { useSession } from '../../lib/session';
import { Empty, ErrorAlert, Loading } from '../../lib/ui';
import { useHomeLabels } from '../../locales/home';

/** The landing page after sign-in (issue 19): per role, what needs the user today, each item one click from action. */
export function HomePage() {
  const { provinceId } = useProvince();
  const l = useHomeLabels();
  const { can } = useSession();
  const q = useQuery({
    queryKey: homeKeys.one(provinceId ?? ''),
    queryFn: () => fetchHome(provinceId!),
    enabled: !!provinceId,
  });
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Loading />;
  const home = q.data;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {l.title}
      </Title>
      {home.plan ? (
        <Text c="dimmed">
          {home.plan.code ? `${home.plan.code} · ` : ''}
          {home.plan.title}
        </Text>
      ) : (
        <Empty title={l.noPlan} />
      )}
      {home.sections.some((s) => s.section === 'unit') && can('record.write') && (
        <section aria-labelledby="home-quick">
          <Title order={2} size="h4" id="home-quick" mb="xs">
            {l.quick}
          </Title>
          <Button component={Link} to="/records/publications?new=1" size="md">
            {l.addPublication}
          </Button>
        </section>
      )}
      {home.targets && <Text>{l.targets(home.targets.behind, home.targets.atRisk, home.targets.total)}</Text>}
      {home.plan && home.sections.every((s) => s.items.every((i) => i.count === 0)) && (
        <Text>{l.nothing}</Text>
      )}
      {home.sections.map((s) => (
        <section key={s.section} aria-labelledby={`home-${s.section}`}>
          <Title order={2} size="h4" id={`home-${s.section}`} mb="xs">
            {l.sections[s.section]}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            {s.items.map((item) => (
              <Card key={item.key} withBorder padding="sm">
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text fw={500} style={{ minWidth: 0 }}>
                    {l.items[item.key]}
                  </Text>
                  <Badge size="lg" color={item.count > 0 ? 'orange' : 'gray'} aria-hidden>
                    {item.count}
                  </Badge>
                </Group>
                <Button
                  component={Link}
                  to={item.href}
                  variant={item.count > 0 ? 'filled' : 'default'}
                  mt="xs"
                  fullWidth
                  aria-label={`${l.open}: ${l.items[item.key]} (${item.count})`}
                >
                  {l.open}
                </Button>
              </Card>
            ))}
          </SimpleGrid>
        </section>
      ))}
    </Stack>
  );
}

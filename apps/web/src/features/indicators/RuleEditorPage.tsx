import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { dataKeys, listDataItems } from '../../api/data-items';
import { fetchDefinition, fetchVocabularies, indicatorKeys } from '../../api/indicators';
import { fetchPlan, listUnitGroups, planKeys } from '../../api/plans';
import { todayIso } from '../../lib/dates';
import { useSession } from '../../lib/session';
import { ErrorAlert, Loading } from '../../lib/ui';
import { useIndicatorLabels } from '../../locales/indicators';
import { RuleEditor } from './RuleEditor';

/**
 * "Cách tính chỉ tiêu" (issue 16): the rule of one plan target, reached from its card on the dashboard. The code
 * lists come from the plan's province: its vocabularies, its unit groups, the plan's themes.
 */
export function RuleEditorPage() {
  const L = useIndicatorLabels();
  const { can } = useSession();
  const { planId = '', planTargetId = '' } = useParams();
  const def = useQuery({
    queryKey: indicatorKeys.definition(planId, planTargetId),
    queryFn: () => fetchDefinition(planId, planTargetId),
  });
  const plan = useQuery({ queryKey: planKeys.detail(planId), queryFn: () => fetchPlan(planId) });
  const provinceId = plan.data?.provinceId ?? '';
  const terms = useQuery({
    queryKey: indicatorKeys.vocabularies(provinceId),
    queryFn: () => fetchVocabularies(provinceId),
    enabled: !!provinceId,
  });
  const items = useQuery({
    queryKey: dataKeys.items(provinceId),
    queryFn: () => listDataItems(provinceId),
    enabled: !!provinceId,
  });
  const groups = useQuery({
    queryKey: ['unit-groups', 'list', provinceId],
    queryFn: () => listUnitGroups(provinceId),
    enabled: !!provinceId,
  });
  const error = def.error ?? plan.error ?? terms.error ?? groups.error ?? items.error;
  const ready = def.data && plan.data && terms.data && groups.data && items.data;
  return (
    <Stack gap="md">
      <div>
        <Group justify="space-between" align="baseline" wrap="wrap">
          <Title order={2}>{L.editorTitle}</Title>
          <Group gap="md">
            {can('unit_group.write') && (
              <Anchor component={Link} to="/vocabularies" size="sm">
                {L.manageVocab}
              </Anchor>
            )}
            <Anchor component={Link} to={`/dashboard?plan=${planId}`} size="sm">
              {L.back}
            </Anchor>
          </Group>
        </Group>
        {def.data && (
          <Text fw={600} mt={4}>
            {L.targetWord} {def.data.letter} ({def.data.code}): {def.data.text}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {L.editorIntro}
        </Text>
      </div>
      {error ? (
        <ErrorAlert error={error} onRetry={() => void Promise.all([def.refetch(), plan.refetch()])} />
      ) : !ready ? (
        <Loading label={L.loading} />
      ) : (
        <RuleEditor
          key={`${planTargetId}:${def.data.version ?? 'new'}`}
          planId={planId}
          definition={def.data}
          choices={{
            terms: terms.data.items,
            items: items.data,
            groups: groups.data.items.map((g) => ({ code: g.code, name: g.name })),
            themes: plan.data.themeIndex.map((t) => ({ code: t.code, title: t.title })),
            today: todayIso(),
          }}
        />
      )}
    </Stack>
  );
}

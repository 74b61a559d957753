import { OBSTACLE_ACTION_LABELS_VI, OBSTACLE_KIND_LABELS_VI, OBSTACLE_STATUS_LABELS_VI } from '@dx/domain';
import { useTranslation } from 'react-i18next';

const EN = {
  title: 'Obstacles and proposals',
  raise: 'Raise an obstacle or proposal',
  kinds: { obstacle: 'Obstacle', proposal: 'Proposal' } as Record<string, string>,
  statuses: {
    raised: 'Awaiting DX office',
    forwarded: 'With leadership',
    directed: 'Directed, in progress',
    resolved: 'Answered',
    merged: 'Merged into another',
    declined: 'Not forwarded',
    overdue: 'Overdue',
  } as Record<string, string>,
  actions: {
    raise: 'Raised',
    forward: 'DX office forwarded to leadership',
    merge: 'Merged',
    decline: 'Not forwarded',
    direct: 'Leadership directed',
    answer: 'Answered',
  } as Record<string, string>,
};
const VI = {
  title: 'Khó khăn, kiến nghị',
  raise: 'Nêu khó khăn, kiến nghị',
  kinds: OBSTACLE_KIND_LABELS_VI as Record<string, string>,
  statuses: OBSTACLE_STATUS_LABELS_VI as Record<string, string>,
  actions: OBSTACLE_ACTION_LABELS_VI as Record<string, string>,
};
export type ObstacleLabels = typeof VI;

/** Labels in the user's language (Vietnamese first; the Vietnamese ones come from the domain package). */
export function useObstacleLabels(): ObstacleLabels {
  const { i18n } = useTranslation();
  return i18n.language?.startsWith('en') ? EN : VI;
}

/** This feature's namespace in the catalogue (locales/index.ts). */
export const obstaclesText = { vi: VI, en: EN };

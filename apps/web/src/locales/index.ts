import { auditText } from './audit';
import { budgetText } from './budget';
import { en } from './common.en';
import { vi } from './common.vi';
import { dataItemsText } from './data-items';
import { evidenceText } from './evidence';
import { homeText } from './home';
import { indicatorsText } from './indicators';
import { messagesText } from './messages';
import { nationalText } from './national';
import { obstaclesText } from './obstacles';
import { planImportsText } from './plan-imports';
import { plansText } from './plans';
import { provinceSettingsText } from './province-settings';
import { reportsText } from './reports';
import { tasksText } from './tasks';
import { unitImportsText } from './unit-imports';

/**
 * The one catalogue of the web's words: a namespace per feature, each in Vietnamese (first, the default) and English.
 * `common` is i18next's default namespace (t('nav.orgUnits')); the others are read through their feature's hook
 * (useTaskLabels…). To add words: add them to the feature's file here in both languages; to add a feature: a file
 * `locales/<feature>.ts` exporting `{ vi, en }` and one line below. locales/catalogue.test.ts refuses a namespace whose
 * English lacks a Vietnamese key (or the reverse), an empty word, or a {{placeholder}} one language lacks.
 */
export const catalogue = {
  common: { vi, en },
  audit: auditText,
  budget: budgetText,
  'data-items': dataItemsText,
  evidence: evidenceText,
  home: homeText,
  indicators: indicatorsText,
  messages: messagesText,
  national: nationalText,
  obstacles: obstaclesText,
  'plan-imports': planImportsText,
  plans: plansText,
  'province-settings': provinceSettingsText,
  reports: reportsText,
  tasks: tasksText,
  'unit-imports': unitImportsText,
} as const;
export type NamespaceName = keyof typeof catalogue;

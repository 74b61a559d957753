import { MASS_MEDIA_CHANNEL_KINDS } from '../records/kinds';
import type { IndicatorRuleInput } from './parts';

/**
 * Target texts of the kinds next year's plans state (issue 16), each with its expression in parts. Codes of new
 * roles and tags (commune_official, leader, digital_skills …) are vocabulary terms a province adds; the tests give
 * each a known value on generated data (packages/db/src/queries/indicators.test.ts).
 */
export const INDICATOR_FIXTURES: { key: string; text: string; rule: IndicatorRuleInput }[] = [
  {
    key: 'commune-officials-digital-skills',
    text: '100% cán bộ, công chức cấp xã được tập huấn kỹ năng số',
    rule: {
      population: { record: 'person', filters: [{ field: 'role', in: ['commune_official'] }] },
      condition: {
        type: 'linked',
        link: 'attended_trainings',
        filters: [{ field: 'tag', in: ['digital_skills'] }],
      },
      value: { type: 'share' },
      goal: { comparator: 'eq', value: 100, unit: 'percent' },
    },
  },
  {
    key: 'leaders-data-skills',
    text: '100% lãnh đạo các cơ quan, đơn vị được bồi dưỡng kỹ năng về dữ liệu',
    rule: {
      population: { record: 'person', filters: [{ field: 'role', in: ['leader'] }] },
      condition: {
        type: 'linked',
        link: 'attended_trainings',
        filters: [{ field: 'tag', in: ['data_skills'] }],
      },
      value: { type: 'share' },
      goal: { comparator: 'eq', value: 100, unit: 'percent' },
    },
  },
  {
    key: 'commune-radio-operators',
    text: '100% nhân viên đài truyền thanh cấp xã được tập huấn viết tin về chuyển đổi số',
    rule: {
      population: {
        record: 'person',
        filters: [
          { field: 'role', in: ['commune_radio_operator'] },
          { field: 'ownerKind', in: ['commune'] },
        ],
      },
      condition: {
        type: 'linked',
        link: 'attended_trainings',
        filters: [{ field: 'tag', in: ['dx_writing'] }],
      },
      value: { type: 'share' },
      goal: { comparator: 'eq', value: 100, unit: 'percent' },
    },
  },
  {
    key: 'models-per-year',
    text: 'Mỗi năm có từ 2 đến 3 mô hình chuyển đổi số được công nhận',
    rule: {
      population: {
        record: 'dx_model',
        filters: [
          { field: 'kind', in: ['model'] },
          { field: 'recognisedInPeriod', is: true },
        ],
      },
      value: { type: 'count' },
      goal: { comparator: 'between', value: 2, max: 3, unit: 'count' },
    },
  },
  {
    key: 'portal-news-per-month',
    text: 'Mỗi cổng/trang thông tin điện tử đăng ít nhất 4 tin, bài về chuyển đổi số mỗi tháng',
    rule: {
      population: { record: 'channel', filters: [{ field: 'kind', in: ['portal'] }] },
      condition: {
        type: 'linked',
        link: 'publications',
        filters: [{ field: 'isDx', is: true }],
        atLeast: 4,
        every: 'month',
      },
      value: { type: 'share' },
      goal: { comparator: 'eq', value: 100, unit: 'percent' },
    },
  },
  {
    key: 'commune-radio-weekly',
    text: 'Hệ thống truyền thanh cơ sở của mỗi xã phát tin về chuyển đổi số ít nhất hằng tuần',
    rule: {
      population: {
        record: 'channel',
        filters: [
          { field: 'kind', in: ['commune_loudspeaker'] },
          { field: 'ownerKind', in: ['commune'] },
        ],
      },
      condition: {
        type: 'linked',
        link: 'publications',
        filters: [{ field: 'isDx', is: true }],
        every: 'week',
      },
      value: { type: 'share' },
      goal: { comparator: 'eq', value: 100, unit: 'percent' },
    },
  },
  {
    key: 'citizens-reached',
    text: '70% người dân được tiếp cận chiến dịch truyền thông về chuyển đổi số',
    rule: {
      population: { record: 'unit', filters: [{ field: 'kind', in: ['commune'] }] },
      value: { type: 'ratio', numerator: { item: 'people_reached' }, denominator: { item: 'population' } },
      goal: { comparator: 'gte', value: 70, unit: 'percent' },
    },
  },
  {
    key: 'households-visited',
    text: '80% hộ gia đình được Tổ công nghệ số cộng đồng đến hướng dẫn',
    rule: {
      population: { record: 'unit', filters: [{ field: 'kind', in: ['commune'] }] },
      value: {
        type: 'ratio',
        numerator: { item: 'households_visited' },
        denominator: { item: 'households' },
      },
      goal: { comparator: 'gte', value: 80, unit: 'percent' },
    },
  },
  {
    key: 'people-reached-total',
    text: 'Ít nhất 10.000 lượt người dân được tiếp cận chiến dịch',
    rule: {
      population: { record: 'unit', filters: [{ field: 'kind', in: ['commune'] }] },
      value: { type: 'figure', item: 'people_reached' },
      goal: { comparator: 'gte', value: 10_000, unit: 'people' },
    },
  },
  {
    key: 'mass-media-publications',
    text: 'Ít nhất 1.000 tin, bài về chuyển đổi số trên báo chí trong năm',
    rule: {
      population: {
        record: 'publication',
        filters: [
          { field: 'isDx', is: true },
          { field: 'channelKind', in: [...MASS_MEDIA_CHANNEL_KINDS] },
        ],
      },
      value: { type: 'count' },
      goal: { comparator: 'gte', value: 1000, unit: 'count' },
    },
  },
  {
    key: 'communes-with-dx-section',
    text: '100% xã, phường có chuyên mục "Chuyển đổi số" trên trang thông tin điện tử',
    rule: {
      population: { record: 'unit', filters: [{ field: 'kind', in: ['commune'] }] },
      condition: {
        type: 'linked',
        link: 'channels',
        filters: [
          { field: 'kind', in: ['portal'] },
          { field: 'hasDxSection', is: true },
        ],
      },
      value: { type: 'share' },
      goal: { comparator: 'eq', value: 100, unit: 'percent' },
    },
  },
  {
    key: 'departments-workshop',
    text: '100% sở, ban, ngành tổ chức ít nhất 1 hội thảo về chuyển đổi số',
    rule: {
      population: { record: 'unit', filters: [{ field: 'kind', in: ['department'] }] },
      condition: {
        type: 'linked',
        link: 'organised_events',
        filters: [
          { field: 'kind', in: ['workshop'] },
          { field: 'isDx', is: true },
        ],
      },
      value: { type: 'share' },
      goal: { comparator: 'eq', value: 100, unit: 'percent' },
    },
  },
  {
    key: 'digital-skills-trainings',
    text: 'Tổ chức ít nhất 20 lớp tập huấn kỹ năng số trong năm',
    rule: {
      population: { record: 'training', filters: [{ field: 'tag', in: ['digital_skills'] }] },
      value: { type: 'count' },
      goal: { comparator: 'gte', value: 20, unit: 'count' },
    },
  },
  {
    key: 'districts-two-contests',
    text: 'Mỗi quận, huyện tổ chức ít nhất 2 cuộc thi hoặc hội thảo cấp huyện về chuyển đổi số',
    rule: {
      population: { record: 'unit', filters: [{ field: 'kind', in: ['district'] }] },
      condition: {
        type: 'linked',
        link: 'organised_events',
        filters: [
          { field: 'kind', in: ['contest', 'workshop'] },
          { field: 'level', in: ['district'] },
          { field: 'isDx', is: true },
        ],
        atLeast: 2,
      },
      value: { type: 'share' },
      goal: { comparator: 'eq', value: 100, unit: 'percent' },
    },
  },
  {
    key: 'mass-organisations-plan',
    text: '100% tổ chức chính trị - xã hội có kế hoạch truyền thông năm được chấp nhận',
    rule: {
      population: { record: 'unit', filters: [{ field: 'kind', in: ['mass_organisation'] }] },
      condition: {
        type: 'linked',
        link: 'unit_plans',
        filters: [
          { field: 'kind', in: ['communication_plan'] },
          { field: 'status', in: ['accepted'] },
        ],
      },
      value: { type: 'share' },
      goal: { comparator: 'eq', value: 100, unit: 'percent' },
    },
  },
  {
    key: 'people-trained',
    text: 'Ít nhất 500 người được tập huấn về chuyển đổi số',
    rule: {
      population: { record: 'person', filters: [] },
      condition: { type: 'linked', link: 'attended_trainings', filters: [] },
      value: { type: 'count' },
      goal: { comparator: 'gte', value: 500, unit: 'people' },
    },
  },
  {
    key: 'trainings-30-attendees',
    text: 'Mỗi lớp tập huấn kỹ năng số có ít nhất 30 học viên',
    rule: {
      population: { record: 'training', filters: [{ field: 'tag', in: ['digital_skills'] }] },
      condition: { type: 'linked', link: 'attendees', filters: [], atLeast: 30 },
      value: { type: 'share' },
      goal: { comparator: 'eq', value: 100, unit: 'percent' },
    },
  },
  {
    key: 'commune-level-units-plan',
    text: '100% đơn vị cấp xã có kế hoạch hoặc chương trình công tác có lồng ghép truyền thông chuyển đổi số',
    rule: {
      population: { record: 'unit', filters: [{ field: 'level', in: ['commune'] }] },
      condition: {
        type: 'linked',
        link: 'unit_plans',
        filters: [{ field: 'kind', in: ['communication_plan', 'dx_plan', 'work_programme'] }],
      },
      value: { type: 'share' },
      goal: { comparator: 'eq', value: 100, unit: 'percent' },
    },
  },
];

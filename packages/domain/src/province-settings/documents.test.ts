import { describe, expect, it } from 'vitest';
import { issuerOn, layoutConsolidatedReport } from '../consolidated/report';
import { DEFAULT_BUDGET_CHAIN } from '../workflow/approval';
import { bodyCode, consolidatedSettingsOf, defaultBudgetChainOf, settingsInForce } from './documents';

const rows = [
  { key: 'province_word', value: 'tỉnh' },
  { key: 'peoples_committee_name', value: 'Ủy ban nhân dân tỉnh Sông Xanh' },
  { key: 'dx_office_agency', value: { name: 'Sở Khoa học và Công nghệ', shortName: 'Sở KH&CN' } },
  { key: 'default_recipients', value: ['Thường trực Tỉnh ủy;', 'Các sở, ban, ngành;'] },
  { key: 'signature_block', value: { title: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH', name: 'Nguyễn Văn A' } },
  { key: 'report_defaults', value: { place: 'Sông Xanh', issuer: 'committee' } },
  { key: 'funding_source_names', value: { city_budget: 'incomplete' } },
  { key: 'retired_key', value: 'x' },
];

describe('settingsInForce', () => {
  it('keeps the values that fit their key and drops stale or unknown ones', () => {
    const s = settingsInForce(rows);
    expect(s.province_word).toBe('tỉnh');
    expect(s.funding_source_names).toBeUndefined();
    expect(Object.keys(s)).not.toContain('retired_key');
  });
});

describe('bodyCode', () => {
  it('abbreviates a short name as document numbers do', () => {
    expect(bodyCode('Sở TT&TT')).toBe('STTTT');
    expect(bodyCode('Sở KH&CN')).toBe('SKHCN');
    expect(bodyCode('Sở Nội vụ')).toBe('SNV');
  });
});

describe('consolidatedSettingsOf', () => {
  const settings = consolidatedSettingsOf(settingsInForce(rows), 'Tỉnh Sông Xanh');
  const data = { settings, date: '2025-09-01', provinceName: 'Tỉnh Sông Xanh' };
  it("makes the province's committee and DX office agency the issuers, with its signature and place", () => {
    expect(issuerOn(data, 'committee')).toEqual({
      name: 'Ủy ban nhân dân tỉnh Sông Xanh',
      header: ['ỦY BAN NHÂN DÂN', 'TỈNH SÔNG XANH'],
      code: 'BC-UBND',
      signature: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
      signer: 'Nguyễn Văn A',
    });
    expect(issuerOn(data, 'dx_office')).toEqual({
      name: 'Sở Khoa học và Công nghệ',
      header: ['UBND TỈNH SÔNG XANH', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ'],
      code: 'BC-SKHCN',
      signature: ['GIÁM ĐỐC'],
    });
    expect(settings.place).toBe('Sông Xanh');
  });
  it('gives the default recipients to the committee only; no DX office when none is recorded', () => {
    const layout = layoutConsolidatedReport({
      ...data,
      issuer: 'committee',
      national: { ministries: [{ name: 'Bộ Khoa học và Công nghệ' }] },
      plan: { number: '1/KH-UBND', title: 'Kế hoạch truyền thông', year: 2025 },
      period: { label: 'quý III năm 2025', from: '2025-07-01', to: '2025-09-30', dueDate: '2025-10-05' },
      figuresDate: '2025-09-01',
      targets: [],
      publications: { total: 0, dx: 0, byTheme: [] },
      trainings: { count: 0, peopleTrained: 0, attendances: 0 },
      events: { dx: 0, dxParticipants: 0 },
      models: { recognisedInPeriod: 0, featuredInPeriod: 0 },
      tasks: { total: 0, parts: 0, done: 0, inProgress: 0, notStarted: 0, blocked: 0, overdue: 0 },
      reports: { required: 0, submitted: 0, accepted: 0, returned: 0, missing: 0 },
      obstacles: [],
      units: [],
    });
    expect(layout.recipients).toEqual([
      'Bộ Khoa học và Công nghệ (để báo cáo);',
      'Thường trực Tỉnh ủy;',
      'Các sở, ban, ngành;',
      'Lưu: VT.',
    ]);
    expect(layout.placeAndDate).toMatch(/^Sông Xanh, ngày 01 tháng 9 năm 2025$/);
    const bare = consolidatedSettingsOf({}, 'Tỉnh Sông Xanh');
    expect(issuerOn({ ...data, settings: bare }, 'dx_office')).toBeNull();
    expect(issuerOn({ ...data, settings: bare }, 'committee')?.name).toBe('Ủy ban nhân dân tỉnh Sông Xanh');
  });
});

describe('defaultBudgetChainOf', () => {
  it("names the steps in the province's words, else the neutral ones", () => {
    const chain = defaultBudgetChainOf(settingsInForce(rows));
    expect(chain.map((s) => s.label)).toEqual([
      'Sở KH&CN tổng hợp',
      DEFAULT_BUDGET_CHAIN[1]!.label,
      'UBND tỉnh phê duyệt',
    ]);
    expect(defaultBudgetChainOf({})).toEqual(DEFAULT_BUDGET_CHAIN);
  });
});

import { describe, expect, it } from 'vitest';
import { resolveLeads } from './lead-resolution';

// Units and groups as Hải Phòng's catalogue names them (packages/db/data/units).
const candidates = {
  units: [
    { id: 'stttt', name: 'Sở Thông tin và Truyền thông' },
    { id: 'stc', name: 'Sở Tài chính' },
    { id: 'sgddt', name: 'Sở Giáo dục và Đào tạo' },
    { id: 'bhp', name: 'Báo Hải Phòng' },
    { id: 'thp', name: 'Đài Phát thanh và Truyền hình Hải Phòng (THP)' },
    { id: 'hongbang', name: 'Quận Hồng Bàng' },
    { id: 'ubnd-hb', name: 'Phường Hoàng Văn Thụ' },
    { id: 'an-lao-h', name: 'Huyện An Lão' },
    { id: 'an-lao-t', name: 'Thị trấn An Lão' },
    { id: 'thuy', name: 'Huyện Thuỷ Nguyên' },
  ],
  groups: [
    { id: 'g-dep', code: 'all-departments', name: 'Các sở, ban, ngành' },
    { id: 'g-dis', code: 'all-districts', name: 'UBND các quận, huyện' },
    { id: 'g-com', code: 'all-communes', name: 'UBND các xã, phường, thị trấn' },
  ],
};
const ids = (text: string) => resolveLeads(text, candidates).matches.map((m) => m.id);

describe('resolveLeads (plan 54 III: cơ quan chủ trì / phối hợp)', () => {
  it.each([
    ['Sở Thông tin và Truyền thông', ['stttt']],
    ['sở thông tin và truyền thông', ['stttt']],
    ['Sở TT&TT', ['stttt']],
    ['Sở TTTT', ['stttt']],
    ['Sở TT và TT', ['stttt']],
    ['Sở GD&ĐT', ['sgddt']],
    ['Báo Hải Phòng, Đài PT&TH Hải Phòng', ['bhp', 'thp']],
    ['Báo Hải Phòng; Đài Phát thanh và Truyền hình Hải Phòng', ['bhp', 'thp']],
    ['Các sở, ban, ngành; UBND các quận, huyện', ['g-dep', 'g-dis']],
    ['UBND các xã, phường, thị trấn', ['g-com']],
    ['UBND các quận, huyện, xã, phường, thị trấn', ['g-dis', 'g-com']],
    ['Các Sở, ngành thành phố', ['g-dep']],
    ['Sở TT&TT; các sở, ban, ngành', ['g-dep', 'stttt']],
    ['Huyện Thủy Nguyên', ['thuy']], // new tone placement against the catalogue's old one
    ['Sở Tài chính.', ['stc']],
  ])('"%s"', (text, expected) => {
    const r = resolveLeads(text, candidates);
    expect(r.questions).toEqual([]);
    expect(r.matches.map((m) => m.id).sort()).toEqual([...expected].sort());
  });

  it('says how sure it is', () => {
    const [m] = resolveLeads('Sở TT&TT', candidates).matches;
    expect(m).toMatchObject({
      confidence: 'abbreviation',
      text: 'Sở TT&TT',
      name: 'Sở Thông tin và Truyền thông',
    });
    expect(resolveLeads('Sở Tài chính', candidates).matches[0]!.confidence).toBe('exact');
    expect(resolveLeads('Hồng Bàng', candidates).matches[0]).toMatchObject({
      id: 'hongbang',
      confidence: 'partial',
    });
  });

  it('asks when a name fits several units', () => {
    const r = resolveLeads('An Lão', candidates);
    expect(r.matches).toEqual([]);
    expect(r.questions).toHaveLength(1);
    expect(r.questions[0]).toMatchObject({ kind: 'ambiguous', text: 'An Lão' });
    expect(r.questions[0]!.options.map((o) => o.id).sort()).toEqual(['an-lao-h', 'an-lao-t']);
  });

  it('says what it does not know, and keeps what it does', () => {
    const r = resolveLeads('Sở TT&TT, Hội Nhà báo thành phố', candidates);
    expect(r.matches.map((m) => m.id)).toEqual(['stttt']);
    expect(r.questions).toEqual([
      expect.objectContaining({ kind: 'unknown', text: 'Hội Nhà báo thành phố' }),
    ]);
    expect(r.questions[0]!.reason).toMatch(/Không tìm thấy/);
  });

  it('reports a group phrase the province has no group for', () => {
    const r = resolveLeads('UBND các quận, huyện', { units: candidates.units, groups: [] });
    expect(r.questions[0]).toMatchObject({ kind: 'unknown' });
  });

  it('ignores empty pieces and repeated units', () => {
    expect(ids('Sở TT&TT;; Sở Thông tin và Truyền thông')).toEqual(['stttt']);
  });

  it('asks about a vague phrase, offering the groups, and never expands it (issue 19)', () => {
    for (const text of [
      'Các sở ngành liên quan',
      'các đơn vị có liên quan',
      'Các cơ quan, đơn vị liên quan',
    ]) {
      const r = resolveLeads(text, candidates);
      expect(r.matches, text).toEqual([]);
      expect(r.questions, text).toEqual([expect.objectContaining({ kind: 'vague', text })]);
      expect(r.questions[0]!.options.map((o) => o.type)).toEqual(['group', 'group', 'group']);
    }
    // "sở ngành" puts the departments first; nothing chosen for the user.
    expect(resolveLeads('Các sở ngành liên quan', candidates).questions[0]!.options[0]!.id).toBe('g-dep');
    // What the cell names besides the vague phrase is still read.
    const r = resolveLeads('Sở TT&TT và các đơn vị có liên quan', candidates);
    expect(r.matches.map((m) => m.id)).toEqual(['stttt']);
    expect(r.questions.map((q) => q.kind)).toEqual(['vague']);
  });

  it('understands the groups the province has by their names, with or without the explanation (issue 19)', () => {
    const province = {
      units: candidates.units,
      groups: [
        { id: 'g-dep', code: 'all-departments', name: 'Các sở, ban, ngành' },
        { id: 'g-com', code: 'all-communes', name: 'UBND cấp xã' },
        {
          id: 'g-rep',
          code: 'all-reporting-units',
          name: 'Các cơ quan, đơn vị, địa phương (sở, ban, ngành; UBND quận, huyện, xã; tổ chức chính trị - xã hội)',
        },
        { id: 'g-loc', code: 'all-local-government', name: 'Các sở, ban, ngành; UBND cấp xã' },
      ],
    };
    const read = (text: string) => resolveLeads(text, province);
    expect(read('Các cơ quan, đơn vị, địa phương')).toMatchObject({
      matches: [{ id: 'g-rep' }],
      questions: [],
    });
    expect(read('Các sở, ban, ngành; UBND cấp xã')).toMatchObject({
      matches: [{ id: 'g-loc' }],
      questions: [],
    });
    expect(read('UBND cấp xã')).toMatchObject({ matches: [{ id: 'g-com' }], questions: [] });
    // A province without the reporting units group: its departments and People's Committees.
    const noReporting = { units: [], groups: province.groups.filter((g) => g.id !== 'g-rep') };
    expect(resolveLeads('Các cơ quan, đơn vị, địa phương', noReporting).matches.map((m) => m.id)).toEqual([
      'g-loc',
    ]);
  });

  it('reads "xã/phường/thị trấn" however it is written as the communes group, and advises on a level alone (issue 19)', () => {
    for (const text of [
      'UBND các xã/phường/thị trấn',
      'UBND xã, phường, thị trấn',
      'xã/phường/thị trấn',
      'Các phường, xã',
      'UBND các xã, phường, thị trấn, đặc khu',
    ])
      expect(resolveLeads(text, candidates), text).toMatchObject({
        matches: [{ id: 'g-com' }],
        questions: [],
      });
    expect(ids('UBND các quận/huyện/xã/phường/thị trấn').sort()).toEqual(['g-com', 'g-dis']);
    const level = resolveLeads('Sở Tài chính, UBND xã', candidates);
    expect(level.matches.map((m) => m.id)).toEqual(['stc']);
    expect(level.questions).toEqual([
      expect.objectContaining({
        text: 'UBND xã',
        options: [{ id: 'g-com', name: 'UBND các xã, phường, thị trấn', type: 'group' }],
      }),
    ]);
    expect(level.questions[0]!.reason).toMatch(/tên một cấp, không phải một đơn vị: chọn nhóm "UBND các xã/);
  });
});

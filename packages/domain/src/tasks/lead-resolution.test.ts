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
});

import { describe, expect, it } from 'vitest';
import { checkPublicationRows } from './import';
import { checkRecordRows, type RecordImportLookups } from './import-specs';

/* Cells as imports meet them: numbers typed as numbers, text in legacy fonts, decomposed (NFD) text. */

const UNIT = '10000000-0000-4000-8000-000000000001';
const CHANNEL = '40000000-0000-4000-8000-000000000001';
const lookups: RecordImportLookups = {
  units: [{ id: UNIT, name: 'Quận Hải An', parentName: 'Thành phố Hải Phòng' }],
  channels: [{ id: CHANNEL, name: 'Cổng TTĐT quận Hải An', ownerUnitId: UNIT }],
  themes: [],
  models: [],
  people: [],
  existing: new Set(),
  canWriteFor: () => true,
};
const event = (cells: Record<string, unknown>) => ({
  row: 2,
  cells: {
    unit: 'Quận Hải An',
    kind: 'hội thảo',
    level: 'đơn vị',
    title: 'Hội thảo',
    heldOn: '10/10/2023',
    ...cells,
  },
});

describe('imported cells', () => {
  it('a number cell 1.5 in "Số người tham gia" is refused as not whole, never stored as 15', () => {
    const r = checkRecordRows('event', [event({ participants: 1.5 }) as never], lookups);
    expect(r.valid).toEqual([]);
    expect(r.issues).toEqual([
      { row: 2, column: 'participants', message: 'Số người phải là số nguyên; "1,5" có phần thập phân' },
    ]);
    const ok = checkRecordRows(
      'event',
      [
        event({ participants: 1250 }) as never,
        { ...event({ participants: '1.250', title: 'Khác' }), row: 3 } as never,
      ],
      lookups,
    );
    expect(ok.valid.map((v) => v.input.participants)).toEqual([1250, 1250]);
  });

  it('text typed in TCVN3 or VNI is refused with its Unicode reading offered, never stored as is', () => {
    const r = checkRecordRows('event', [event({ title: 'Héi th¶o chuyÓn ®æi sè' }) as never], lookups);
    expect(r.valid).toEqual([]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]!.column).toBe('title');
    expect(r.issues[0]!.message).toContain('TCVN3');
    expect(r.issues[0]!.message).toContain('"Hội thảo chuyển đổi số"');
    const p = checkPublicationRows(
      [
        {
          row: 2,
          cells: {
            channel: 'Cổng TTĐT quận Hải An',
            title: 'Chuyeån ñoåi soá cho chôï truyeàn thoáng',
            url: 'https://example.vn/tin/1',
            publishedOn: '15/03/2023',
            format: 'tin/bài',
          },
        },
      ],
      lookups,
    );
    expect(p.valid).toEqual([]);
    expect(p.issues[0]!.message).toContain('"Chuyển đổi số cho chợ truyền thống"');
  });

  it('decomposed (NFD) text is stored as NFC and matches names', () => {
    const r = checkRecordRows(
      'event',
      [event({ unit: 'Quận Hải An'.normalize('NFD'), title: 'Hội thảo số'.normalize('NFD') }) as never],
      lookups,
    );
    expect(r.issues).toEqual([]);
    expect(r.valid[0]!.input.title).toBe('Hội thảo số'.normalize('NFC'));
    expect(r.valid[0]!.unitId).toBe(UNIT);
  });
});

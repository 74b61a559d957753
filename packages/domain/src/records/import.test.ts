import { describe, expect, it } from 'vitest';
import { checkPublicationRows, parseImportDate, publicationKey } from './import';

describe('parseImportDate', () => {
  it('reads Vietnamese dates, ISO dates, Excel dates and serials; refuses impossible days', () => {
    expect(parseImportDate('5/3/2023')).toBe('2023-03-05');
    expect(parseImportDate('2023-03-05')).toBe('2023-03-05');
    expect(parseImportDate(new Date(Date.UTC(2023, 2, 5)))).toBe('2023-03-05');
    expect(parseImportDate(44990)).toBe('2023-03-05');
    expect(parseImportDate('30/02/2023')).toBeNull();
    expect(parseImportDate('03-05-23')).toBeNull();
  });
});

describe('checkPublicationRows', () => {
  const channel = {
    id: '11111111-1111-4111-8111-111111111111',
    name: 'Cổng TTĐT quận Thuỷ Nguyên',
    ownerUnitId: 'u1',
  };
  const lookups = {
    channels: [channel],
    themes: [
      { id: '22222222-2222-4222-8222-222222222222', code: 'II.4.a', title: 'Chuyển đổi số trong y tế' },
    ],
    models: [],
    existing: new Set([publicationKey(channel.id, '2023-01-02', 'Tin cũ')]),
    canWriteFor: () => true,
  };
  it('matches names accent-insensitively and with either tone placement (Thuỷ/Thủy)', () => {
    const r = checkPublicationRows(
      [
        {
          row: 2,
          cells: {
            channel: 'cổng ttđt quận thủy nguyên',
            title: 'Tin mới',
            publishedOn: '01/02/2023',
            format: 'Phóng sự',
            themes: 'chuyen doi so trong y te',
          },
        },
      ],
      lookups,
    );
    expect(r.issues).toEqual([]);
    expect(r.valid[0]!.input).toMatchObject({
      channelId: channel.id,
      format: 'report',
      themeIds: [lookups.themes[0]!.id],
    });
  });
  it('reports duplicates of stored records and of earlier rows', () => {
    const cells = { channel: channel.name, title: 'Tin cũ', publishedOn: '02/01/2023', format: 'tin' };
    const r = checkPublicationRows(
      [
        { row: 2, cells },
        { row: 3, cells: { ...cells, title: 'Tin khác' } },
        { row: 4, cells: { ...cells, title: 'Tin khác' } },
      ],
      lookups,
    );
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [2, 'title'],
      [4, 'title'],
    ]);
    expect(r.valid.map((v) => v.row)).toEqual([3]);
  });
});

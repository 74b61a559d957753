import { describe, expect, it } from 'vitest';
import {
  CHANNEL_KIND_CHOICES,
  checkRecordRows,
  EVENT_LEVEL_CHOICES,
  importColumnChoices,
  mapImportColumns,
  RECORD_IMPORT_SPECS,
  type RecordImportLookups,
  readChoice,
  recordImportKey,
  unknownVocabularyCodes,
} from './import-specs';
import { RECORD_INPUTS } from './inputs';

const RECORD_TYPES_FOR_TEST = Object.keys(RECORD_INPUTS) as (keyof typeof RECORD_INPUTS)[];

const U = {
  haiAn: '10000000-0000-4000-8000-000000000001',
  dangLam: '10000000-0000-4000-8000-000000000002',
  anHoaAnLao: '10000000-0000-4000-8000-000000000003',
  anHoaVinhBao: '10000000-0000-4000-8000-000000000004',
  thuyNguyen: '10000000-0000-4000-8000-000000000005',
  so: '10000000-0000-4000-8000-000000000006',
  leChan: '10000000-0000-4000-8000-000000000007',
  school: '10000000-0000-4000-8000-000000000008',
};
const THEME = '20000000-0000-4000-8000-000000000001';
const P = {
  ha: '30000000-0000-4000-8000-000000000001',
  nam1: '30000000-0000-4000-8000-000000000002',
  nam2: '30000000-0000-4000-8000-000000000003',
};

const lookups = (over: Partial<RecordImportLookups> = {}): RecordImportLookups => ({
  units: [
    { id: U.haiAn, name: 'Quận Hải An', parentName: 'Thành phố Hải Phòng' },
    { id: U.dangLam, name: 'Phường Đằng Lâm', parentName: 'Quận Hải An' },
    { id: U.anHoaAnLao, name: 'Xã An Hòa', parentName: 'Huyện An Lão' },
    { id: U.anHoaVinhBao, name: 'Xã An Hòa', parentName: 'Huyện Vĩnh Bảo' },
    { id: U.thuyNguyen, name: 'Huyện Thuỷ Nguyên', parentName: 'Thành phố Hải Phòng' },
    { id: U.so, name: 'Sở Thông tin và Truyền thông', parentName: 'Thành phố Hải Phòng' },
    { id: U.leChan, name: 'Quận Lê Chân', parentName: 'Thành phố Hải Phòng' },
    { id: U.school, name: 'Trường THCS Chu Văn An', parentName: 'Quận Ngô Quyền' },
  ],
  channels: [],
  themes: [{ id: THEME, code: 'II.4.a', title: 'Chuyển đổi số trong y tế' }],
  models: [],
  people: [
    { id: P.ha, fullName: 'Nguyễn Thị Thu Hà', unitId: U.dangLam },
    { id: P.nam1, fullName: 'Trần Văn Nam', unitId: U.dangLam },
    { id: P.nam2, fullName: 'Trần Văn Nam', unitId: U.haiAn },
  ],
  existing: new Set(),
  canWriteFor: (id) => id !== U.leChan,
  ...over,
});
const cols = (r: { issues: { row: number; column: string | null }[] }) =>
  r.issues.map((i) => `${i.row}:${i.column}`);

describe('import specs', () => {
  it('every column of every spec feeds a field of the record input, and templates differ per type', () => {
    for (const type of RECORD_TYPES_FOR_TEST) {
      const spec = RECORD_IMPORT_SPECS[type];
      expect(spec.type).toBe(type);
      expect(new Set(spec.columns.map((c) => c.key)).size).toBe(spec.columns.length);
      expect(spec.columns[0]!.required).toBe(true);
      expect(RECORD_INPUTS[type]).toBeDefined();
    }
    expect(new Set(RECORD_TYPES_FOR_TEST.map((t) => RECORD_IMPORT_SPECS[t].fileName)).size).toBe(7);
  });
  it('finds columns by header without accents or hints, else by position', () => {
    const m = mapImportColumns('person', ['VAI TRO', 'ho va ten', 'Đơn vị (tên)']);
    expect(m.get('role')).toBe(0);
    expect(m.get('fullName')).toBe(1);
    expect(m.get('unit')).toBe(2);
    expect(m.get('email')).toBe(3); // not found: its template position
  });
  it('reads the words units write for choices', () => {
    expect(readChoice(CHANNEL_KIND_CHOICES, 'Cổng TTĐT')).toBe('portal');
    expect(readChoice(CHANNEL_KIND_CHOICES, 'loa truyen thanh')).toBe('commune_loudspeaker');
    expect(readChoice(EVENT_LEVEL_CHOICES, 'Cấp huyện')).toBe('district');
    expect(readChoice(EVENT_LEVEL_CHOICES, 'quốc tế')).toBeUndefined();
  });
});

describe('checkRecordRows: people', () => {
  it('reads real-looking rows, matching units without accents and through abbreviations', () => {
    const r = checkRecordRows(
      'person',
      [
        {
          row: 2,
          cells: { unit: 'phuong dang lam', fullName: 'Phạm Thị  Lan', role: 'Cán bộ thông tin cơ sở' },
        },
        {
          row: 3,
          cells: {
            unit: 'Huyện Thủy Nguyên',
            fullName: 'Vũ Đức Minh',
            role: 'phóng viên',
            email: 'minh@tn.vn',
          },
        },
        { row: 4, cells: { unit: 'Sở TT&TT', fullName: 'Lê Hoàng', role: 'BTV', phone: '0912 345 678' } },
      ],
      lookups(),
    );
    expect(r.issues).toEqual([]);
    expect(r.valid.map((v) => [v.row, v.unitId, v.input.role])).toEqual([
      [2, U.dangLam, 'grassroots_officer'],
      [3, U.thuyNguyen, 'reporter'],
      [4, U.so, 'editor'],
    ]);
    expect(r.valid[0]!.input.fullName).toBe('Phạm Thị Lan');
  });
  it('reports each problem by column: unknown and ambiguous unit, unit of someone else, role, e-mail', () => {
    const r = checkRecordRows(
      'person',
      [
        { row: 2, cells: { unit: 'Phường Không Có', fullName: 'A', role: 'phóng viên' } },
        { row: 3, cells: { unit: 'Xã An Hòa', fullName: 'B', role: 'phóng viên' } },
        {
          row: 4,
          cells: { unit: 'Xã An Hoà (Huyện Vĩnh Bảo)', fullName: 'C', role: 'nhà thơ', email: 'sai@' },
        },
        { row: 5, cells: { unit: 'Quận Lê Chân', fullName: '', role: 'phóng viên' } },
      ],
      lookups(),
    );
    expect(cols(r)).toEqual(['2:unit', '3:unit', '4:role', '4:email', '5:unit', '5:fullName']);
    expect(r.issues[0]!.message).toContain('Không tìm thấy đơn vị "Phường Không Có"');
    expect(r.issues[1]!.message).toContain('Có 2 đơn vị tên "Xã An Hòa"');
    expect(r.issues[2]!.message).toContain('"nhà thơ" không có trong danh sách');
    expect(r.issues[4]!.message).toContain('Bạn không được nhập hồ sơ cho "Quận Lê Chân"');
    expect(r.valid).toEqual([]);
    expect(r.unitIds).toEqual(new Set([U.anHoaVinhBao, U.leChan]));
  });
  it('an empty unit cell means the user’s only unit; duplicates in the database and in the file', () => {
    const existing = new Set([
      recordImportKey('person', { unitId: U.dangLam, fullName: 'Nguyễn Thị Thu Hà' }),
    ]);
    const r = checkRecordRows(
      'person',
      [
        { row: 2, cells: { fullName: 'nguyen thi thu ha', role: 'phóng viên' } },
        { row: 3, cells: { fullName: 'Đỗ Văn Tâm', role: 'phóng viên' } },
        { row: 4, cells: { unit: 'Phường Đằng Lâm', fullName: 'Đỗ Văn Tâm', role: 'biên tập viên' } },
      ],
      lookups({ defaultUnitId: U.dangLam, existing }),
    );
    expect(cols(r)).toEqual(['2:fullName', '4:fullName']);
    expect(r.issues[0]!.message).toContain('Trùng người đã có');
    expect(r.issues[1]!.message).toBe('Trùng với dòng 3 trong tệp');
    expect(r.valid.map((v) => v.row)).toEqual([3]);
  });
});

describe('checkRecordRows: events, trainings, channels, models, plans', () => {
  it('events: dates in every form, themes by code or name, bad date and unknown theme by column', () => {
    const r = checkRecordRows(
      'event',
      [
        {
          row: 2,
          cells: {
            unit: 'Trường THCS Chu Văn An',
            kind: 'Ngoại khoá',
            level: 'đơn vị',
            title: 'Ngoại khóa "Em tìm hiểu chuyển đổi số"',
            heldOn: new Date(Date.UTC(2023, 9, 10)),
            participants: '1.250',
            themes: 'II.4.a; chuyen doi so trong y te',
          },
        },
        {
          row: 3,
          cells: {
            unit: 'Quận Hải An',
            kind: 'cuộc thi',
            level: 'cấp huyện',
            title: 'Cuộc thi',
            heldOn: '31/04/2023',
          },
        },
        {
          row: 4,
          cells: {
            unit: 'Quận Hải An',
            kind: 'hội thảo',
            level: 'quốc tế',
            title: 'Hội thảo',
            heldOn: 45_000,
            themes: 'II.99',
            isDx: 'không',
          },
        },
      ],
      lookups(),
    );
    expect(cols(r)).toEqual(['3:heldOn', '4:level', '4:themes']);
    expect(r.issues[0]!.message).toBe('Ngày "31/04/2023" không hợp lệ; ghi theo dạng dd/mm/yyyy');
    expect(r.issues[2]!.message).toContain('Không có chủ đề "II.99"');
    expect(r.valid[0]!.input).toMatchObject({
      organiserUnitId: U.school,
      kind: 'extracurricular',
      level: 'unit',
      heldOn: '2023-10-10',
      participants: 1250,
      themeIds: [THEME],
      isDx: true,
    });
  });
  it('trainings: tags and attendees by name, a namesake told apart by unit', () => {
    const r = checkRecordRows(
      'training',
      [
        {
          row: 2,
          cells: {
            unit: 'Sở Thông tin và Truyền thông',
            title: 'Tập huấn viết tin, bài về chuyển đổi số',
            heldOn: '12/06/2023',
            tags: 'viết tin, bài về CĐS; CĐS chung',
            attendees: 'nguyen thi thu ha; Trần Văn Nam (Quận Hải An)',
          },
        },
        {
          row: 3,
          cells: {
            unit: 'Sở Thông tin và Truyền thông',
            title: 'Lớp 2',
            heldOn: '13/06/2023',
            tags: 'nấu ăn',
            attendees: 'Trần Văn Nam; Người Lạ',
          },
        },
      ],
      lookups(),
    );
    expect(r.valid[0]!.input).toMatchObject({
      tags: ['dx_writing', 'dx_general'],
      attendeeIds: [P.ha, P.nam2],
    });
    expect(cols(r)).toEqual(['3:tags', '3:attendees']);
    expect(r.issues[1]!.message).toContain('Có 2 người tên "Trần Văn Nam"');
  });
  it('channels: kind words, DX section and its URL; a URL without http is refused', () => {
    const r = checkRecordRows(
      'channel',
      [
        {
          row: 2,
          cells: {
            unit: 'Quận Hải An',
            kind: 'Cổng TTĐT',
            name: 'Cổng TTĐT quận Hải An',
            address: 'https://haian.haiphong.gov.vn',
            hasDxSection: 'có',
            dxSectionSince: '01/03/2023',
          },
        },
        {
          row: 3,
          cells: { unit: 'Quận Hải An', kind: 'Zalo', name: 'Zalo OA Hải An', address: 'zalo.me/haian' },
        },
        {
          row: 4,
          cells: { unit: 'Quận Hải An', kind: 'loa', name: 'Loa phường', dxSectionSince: '01/03/2023' },
        },
      ],
      lookups(),
    );
    expect(cols(r)).toEqual(['3:address', '4:hasDxSection']);
    expect(r.valid[0]!.input).toMatchObject({ ownerUnitId: U.haiAn, kind: 'portal', hasDxSection: true });
  });
  it('models: recognition needs both who and when', () => {
    const r = checkRecordRows(
      'dx_model',
      [
        {
          row: 2,
          cells: {
            unit: 'Quận Hải An',
            kind: 'mô hình',
            name: 'Chợ 4.0',
            recognisedBy: 'UBND thành phố',
            recognisedOn: '30/08/2023',
          },
        },
        {
          row: 3,
          cells: {
            unit: 'Quận Hải An',
            kind: 'gương điển hình',
            name: 'Ông Nguyễn Văn Bình',
            recognisedBy: 'UBND quận',
          },
        },
      ],
      lookups(),
    );
    expect(cols(r)).toEqual(['3:recognisedOn']);
    expect(r.valid[0]!.input).toMatchObject({ kind: 'model', recognisedOn: '2023-08-30' });
  });
  it('unit plans: year, kind, number and date', () => {
    const r = checkRecordRows(
      'unit_plan',
      [
        {
          row: 2,
          cells: {
            unit: 'Quận Hải An',
            year: 2023,
            kind: 'Kế hoạch truyền thông',
            documentNumber: '125/KH-UBND',
            documentDate: '20/02/2023',
          },
        },
        {
          row: 3,
          cells: {
            unit: 'Quận Hải An',
            year: 'hai nghìn',
            kind: 'kế hoạch CĐS',
            documentNumber: '',
            documentDate: '2023-02-30',
          },
        },
      ],
      lookups(),
    );
    expect(r.valid[0]!.input).toMatchObject({ unitId: U.haiAn, year: 2023, kind: 'communication_plan' });
    expect(cols(r)).toEqual(['3:year', '3:documentNumber', '3:documentDate']);
  });
});

describe("vocabulary columns read the province's terms (issue 16)", () => {
  const term = (code: string, labelVi: string, labelEn = '') => ({ code, labelVi, labelEn });
  const vocabularies = {
    person_role: [
      term('reporter', 'phóng viên', 'reporter'),
      term('commune_official', 'cán bộ, công chức cấp xã', 'commune official'),
    ],
    training_tag: [term('data_skills', 'kỹ năng dữ liệu', 'data skills')],
  };
  it('maps a role by its Vietnamese or English label (or the usual short forms of a shared code); refuses others', () => {
    const row = (n: number, role: string) => ({
      row: n,
      cells: { unit: 'Phường Đằng Lâm', fullName: `Người ${n}`, role },
    });
    const r = checkRecordRows(
      'person',
      [row(2, 'Can bo, cong chuc cap xa'), row(3, 'commune official'), row(4, 'pv'), row(5, 'biên tập viên')],
      lookups({ vocabularies }),
    );
    expect(r.valid.map((v) => v.input.role)).toEqual(['commune_official', 'commune_official', 'reporter']);
    expect(r.issues).toEqual([
      {
        row: 5,
        column: 'role',
        message: '"biên tập viên" không có trong danh sách (phóng viên / cán bộ, công chức cấp xã)',
      },
    ]);
    // A province that has never set its roles keeps the built-in three.
    const builtIn = checkRecordRows('person', [row(2, 'biên tập viên')], lookups());
    expect(builtIn.valid.map((v) => v.input.role)).toEqual(['editor']);
  });
  it('training tags and the template lists come from the vocabulary too', () => {
    const r = checkRecordRows(
      'training',
      [
        {
          row: 2,
          cells: {
            unit: 'Phường Đằng Lâm',
            title: 'Lớp dữ liệu',
            heldOn: '12/06/2023',
            tags: 'kỹ năng dữ liệu; viết tin',
          },
        },
      ],
      lookups({ vocabularies }),
    );
    expect(r.issues.map((i) => i.message)).toEqual([
      'Nội dung "viết tin" không có trong danh sách (kỹ năng dữ liệu)',
    ]);
    const column = RECORD_IMPORT_SPECS.training.columns.find((c) => c.key === 'tags')!;
    expect(importColumnChoices('training', column, vocabularies)?.map((c) => c.label)).toEqual([
      'kỹ năng dữ liệu',
    ]);
  });
  it('a written record’s codes are checked against the terms in force, or the defaults of a vocabulary never set', () => {
    const terms = { event_kind: ['forum'], event_level: [] as string[] };
    expect(unknownVocabularyCodes('event', { kind: 'forum', level: 'city' }, terms)).toEqual([
      { path: ['level'], vocabulary: 'event_level', code: 'city' },
    ]);
    expect(unknownVocabularyCodes('training', { tags: ['dx_writing', 'x'] }, {})).toEqual([
      { path: ['tags', 1], vocabulary: 'training_tag', code: 'x' },
    ]);
    expect(unknownVocabularyCodes('publication', { format: 'article' }, {})).toEqual([]);
  });
  it('an update keeps a code the record already holds after its term was retired, and refuses a new one', () => {
    const terms = { training_tag: ['data_skills'] };
    const stored = { tags: ['dx_writing'] };
    expect(
      unknownVocabularyCodes('training', { tags: ['dx_writing', 'data_skills'] }, terms, stored),
    ).toEqual([]);
    expect(unknownVocabularyCodes('training', { tags: ['dx_writing', 'old'] }, terms, stored)).toEqual([
      { path: ['tags', 1], vocabulary: 'training_tag', code: 'old' },
    ]);
    expect(
      unknownVocabularyCodes(
        'event',
        { kind: 'forum', level: 'city' },
        { event_kind: ['forum'], event_level: [] },
        { level: 'city' },
      ),
    ).toEqual([]);
  });
});

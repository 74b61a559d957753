import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  layoutPlanAppendix,
  type PlanDocument,
  type PrintedAppendixTask,
  parsePlanMarkdown,
  validatePlanDocument,
} from '@dx/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlanDocx } from './plan-docx';
import { renderPlanPdf } from './plan-pdf';

const SEED = resolve(import.meta.dirname, '../../../../packages/db/data/plans/54-KH-UBND-2023.vi.md');
const has = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
// Checking what a PDF shows needs poppler-utils (pdftotext, pdftoppm); converting DOCX needs LibreOffice Writer.
const HAS_POPPLER = has('pdftotext') && has('pdftoppm');
const LIBREOFFICE = ['libreoffice', 'soffice'].find(has);

const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * What the signed plan says, read from the seed transcription independently of the plan parser: every
 * part and item heading, every target, every theme and bullet, and the Decree 30 header lines.
 */
function expectedFromSeed(md: string): string[] {
  const body = md.slice(md.indexOf('\n---\n') + 5);
  const expected: string[] = [
    'Số: 54/KH-UBND',
    'Hải Phòng, ngày 22 tháng 02 năm 2023',
    'KẾ HOẠCH',
    'Nơi nhận:',
  ];
  expected.push(
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'TM. ỦY BAN NHÂN DÂN',
    'KT. CHỦ TỊCH',
  );
  let part = '';
  for (const para of body.split(/\n\s*\n/)) {
    const text = para.trim();
    const heading = /^#{2,3}\s+(.*)$/.exec(text);
    if (heading) {
      part = text.startsWith('## ') ? heading[1]!.split('.')[0]! : part;
      expected.push(squash(heading[1]!));
      continue;
    }
    if (part === 'I' && /^[a-zđ]\) /.test(text)) expected.push(squash(text)); // objectives and the six targets
    if (part === 'II') {
      // Themes "1." … "6.", sub-themes "a)" … "h)" and their bullets.
      const [head, ...bullets] = text.split(/\n- /);
      expected.push(squash(head!), ...bullets.map((b) => `- ${squash(b)}`));
    }
  }
  return expected;
}

/** Text of a PDF as poppler reads it, without the page numbers printed at the top of pages 2+. */
function pdfText(pdfPath: string): string {
  const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  return squash(
    raw
      .split('\n')
      .filter((line) => !/^\f?\s*\d{1,3}\s*$/.test(line))
      .join('\n'),
  );
}

describe('plan 54 exported as the official document (Nghị định 30/2020/NĐ-CP)', () => {
  let dir: string;
  let doc: PlanDocument;
  let expected: string[];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-export-'));
    const md = readFileSync(SEED, 'utf8');
    const checked = validatePlanDocument(parsePlanMarkdown(md).document);
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
    doc = checked.value;
    expected = expectedFromSeed(md);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the seed headings, targets and themes to compare with', () => {
    // 7 headings (I, I.1, I.2, II–V) + 3 in V, 2 objectives + 6 targets, 6 themes + 8 sub-themes + 22 bullets.
    expect(expected.filter((e) => e.startsWith('- ')).length).toBe(22);
    expect(expected).toContain('đ) Tổ chức 01-02 cuộc thi, Hội thảo cấp thành phố về Chuyển đổi số.');
  });

  it.skipIf(!HAS_POPPLER)(
    'PDF: A4, fonts embedded, every heading, target and theme reads back (needs poppler-utils)',
    async () => {
      const pdf = join(dir, 'plan54.pdf');
      writeFileSync(pdf, await renderPlanPdf(doc));
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
      expect(fonts).toMatch(/LiberationSerif/);
      expect(fonts).not.toMatch(/\bno\s+no\b/); // every font embedded
      const text = pdfText(pdf);
      const missing = expected.filter((e) => !text.includes(squash(e)));
      expect(missing).toEqual([]);
      // Vietnamese letters that fonts without U+1EA0–U+1EF9 lose: ư ơ đ ế ộ ạ ỹ ự.
      for (const word of [
        'Ủy ban nhân dân',
        'Độc lập',
        'tuyên truyền',
        'Hoàng Minh Cường',
        'chỉ đạo./.',
        'Thành ủy',
        'Lưu: VT.',
      ]) {
        expect(text).toContain(word);
      }
      // Page numbers: none on page 1, "2" at the top of page 2.
      const page1 = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
      const page2 = execFileSync('pdftotext', ['-f', '2', '-l', '2', pdf, '-'], { encoding: 'utf8' });
      expect(page1.trimStart().startsWith('ỦY BAN NHÂN DÂN')).toBe(true);
      expect(page2.trimStart().split('\n')[0]).toBe('2');
      // It renders to images (the quality bar: look at ư ơ đ ế ộ on a page; done by hand once, see the report).
      execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '1', pdf, join(dir, 'page')]);
      expect(readdirSync(dir).some((f) => f.startsWith('page') && f.endsWith('.png'))).toBe(true);
    },
  );

  it.skipIf(!LIBREOFFICE || !HAS_POPPLER)(
    'DOCX: opens in LibreOffice, names Times New Roman, and reads back every heading, target and theme (needs libreoffice-writer)',
    async () => {
      const docx = join(dir, 'plan54.docx');
      const bytes = await renderPlanDocx(doc);
      writeFileSync(docx, bytes);
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
      if (has('unzip'))
        expect(execFileSync('unzip', ['-p', docx, 'word/styles.xml'], { encoding: 'utf8' })).toContain(
          'Times New Roman',
        );
      execFileSync(
        LIBREOFFICE!,
        [
          `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          join(dir, 'lo'),
          docx,
        ],
        { timeout: 120_000, stdio: 'pipe' },
      );
      const pdf = join(dir, 'lo', 'plan54.pdf');
      // Word and LibreOffice pick the font by name: the DOCX asks for Times New Roman (Nghị định 30/2020, Phụ lục I).
      expect(execFileSync('pdffonts', [pdf], { encoding: 'utf8' })).toMatch(/Times|Liberation ?Serif/);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      // LibreOffice's justified lines read back with stray spaces ("tri ển"), and the DOCX writes the hyphens of
      // document numbers as non-breaking hyphens, which pdftotext drops ("QĐUBND"): compare without spaces and hyphens.
      const bare = (s: string) => squash(s).replace(/[ \-\u2011]/g, '');
      const text = bare(pdfText(pdf));
      const missing = expected.filter((e) => !text.includes(bare(e)));
      expect(missing).toEqual([]);
    },
    180_000,
  );
});

/** Two groups of tasks as provinces write the appendix (group rows in Roman numerals). */
const TASKS: PrintedAppendixTask[] = [
  {
    section: 'I. Tuyên truyền trên báo chí',
    stt: '1',
    title: 'Mở chuyên mục "Chuyển đổi số" trên Báo Hải Phòng',
    leadText: 'Sở Thông tin và Truyền thông',
    coordinatorText: 'Báo Hải Phòng',
    timeFrameText: 'Quý I/2023',
    output: 'Chuyên mục định kỳ hằng tuần',
  },
  {
    section: 'I. Tuyên truyền trên báo chí',
    stt: '2',
    title: 'Phóng sự về mô hình chợ 4.0',
    leadText: 'Đài Phát thanh và Truyền hình Hải Phòng',
    coordinatorText: 'UBND các quận, huyện',
    timeFrameText: 'Thường xuyên',
    output: 'Phóng sự phát sóng',
  },
  {
    section: 'II. Tuyên truyền trên hệ thống thông tin cơ sở',
    stt: '3',
    title: 'Tập huấn viết tin về chuyển đổi số cho cán bộ thông tin cơ sở',
    leadText: 'Sở Thông tin và Truyền thông',
    coordinatorText: 'UBND các xã, phường, thị trấn',
    timeFrameText: 'Tháng 6/2023',
    output: 'Lớp tập huấn',
  },
];

describe('plan exports carry the appendix of tasks (Phụ lục) in landscape when the plan has tasks', () => {
  let dir: string;
  let doc: PlanDocument;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-appendix-'));
    const checked = validatePlanDocument(parsePlanMarkdown(readFileSync(SEED, 'utf8')).document);
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
    doc = checked.value;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lays out the title, columns, group rows and task rows; none without tasks', () => {
    expect(layoutPlanAppendix(doc, [])).toBeNull();
    const A = layoutPlanAppendix(doc, TASKS)!;
    expect([A.title, A.subtitle, A.attachedTo]).toEqual([
      'PHỤ LỤC',
      'DANH MỤC NHIỆM VỤ',
      '(Kèm theo Kế hoạch số 54/KH-UBND ngày 22/02/2023)',
    ]);
    expect(A.columns).toEqual([
      'STT',
      'Nhiệm vụ',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Thời gian thực hiện',
      'Sản phẩm',
    ]);
    expect(A.rows.map((r) => (r.kind === 'group' ? r.text : r.cells[0]))).toEqual([
      'I. Tuyên truyền trên báo chí',
      '1',
      '2',
      'II. Tuyên truyền trên hệ thống thông tin cơ sở',
      '3',
    ]);
    expect(A.widths.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it.skipIf(!HAS_POPPLER)(
    'PDF: the plan in portrait, then the appendix on landscape pages with every cell',
    async () => {
      const pdf = join(dir, 'plan-appendix.pdf');
      writeFileSync(pdf, await renderPlanPdf(doc, layoutPlanAppendix(doc, TASKS)));
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      const sizeOf = (n: number) =>
        /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/.exec(
          execFileSync('pdfinfo', ['-f', String(n), '-l', String(n), pdf], { encoding: 'utf8' }),
        )!;
      expect(Number(sizeOf(1)[1])).toBeLessThan(Number(sizeOf(1)[2])); // portrait
      const last = sizeOf(pages);
      expect(Number(last[1])).toBeGreaterThan(Number(last[2])); // landscape
      const lastText = squash(
        execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), '-enc', 'UTF-8', pdf, '-'], {
          encoding: 'utf8',
        }),
      );
      for (const line of [
        'PHỤ LỤC',
        'DANH MỤC NHIỆM VỤ',
        '(Kèm theo Kế hoạch số 54/KH-UBND ngày 22/02/2023)',
        'STT',
        'Cơ quan chủ trì',
        'Cơ quan phối hợp',
        'Thời gian thực hiện',
        'Sản phẩm',
        'I. Tuyên truyền trên báo chí',
        'II. Tuyên truyền trên hệ thống thông tin cơ sở',
        'Quý I/2023',
        'Thường xuyên',
        'Lớp tập huấn',
      ])
        expect(lastText, line).toContain(line);
      // The plan's signature block stays before the appendix.
      const before = squash(
        execFileSync('pdftotext', ['-l', String(pages - 1), '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }),
      );
      expect(before).toContain('Hoàng Minh Cường');
      expect(before).not.toContain('DANH MỤC NHIỆM VỤ');
      // Without tasks there is no appendix page.
      const plain = join(dir, 'plan-plain.pdf');
      writeFileSync(plain, await renderPlanPdf(doc, null));
      expect(execFileSync('pdftotext', [plain, '-'], { encoding: 'utf8' })).not.toContain(
        'DANH MỤC NHIỆM VỤ',
      );
      execFileSync('pdftoppm', [
        '-r',
        '40',
        '-png',
        '-f',
        String(pages),
        '-l',
        String(pages),
        pdf,
        join(dir, 'appx'),
      ]);
      expect(readdirSync(dir).some((f) => f.startsWith('appx') && f.endsWith('.png'))).toBe(true);
    },
  );

  it('DOCX: a second section, landscape A4, holding the table with its group rows spanning every column', async () => {
    const bytes = await renderPlanDocx(doc, layoutPlanAppendix(doc, TASKS));
    const JSZip = (await import('jszip')).default;
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    const sections = [...xml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1]!);
    expect(sections).toHaveLength(2);
    const dims = (a: string) => [Number(/w:w="(\d+)"/.exec(a)![1]), Number(/w:h="(\d+)"/.exec(a)![1])];
    expect(dims(sections[0]!)[0]).toBeLessThan(dims(sections[0]!)[1]!);
    expect(dims(sections[1]!)[0]).toBeGreaterThan(dims(sections[1]!)[1]!);
    expect(sections[1]).toContain('w:orient="landscape"');
    expect(xml).toContain('<w:gridSpan w:val="6"/>');
    const plain = await renderPlanDocx(doc, null);
    const plainXml = await (await JSZip.loadAsync(plain)).file('word/document.xml')!.async('string');
    expect([...plainXml.matchAll(/<w:pgSz /g)]).toHaveLength(1);
  });

  it.skipIf(!LIBREOFFICE)(
    'DOCX: LibreOffice reads the appendix back as text (needs libreoffice-writer)',
    async () => {
      const docx = join(dir, 'plan-appendix.docx');
      writeFileSync(docx, await renderPlanDocx(doc, layoutPlanAppendix(doc, TASKS)));
      execFileSync(
        LIBREOFFICE!,
        [
          `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
          '--headless',
          '--convert-to',
          'txt:Text (encoded):UTF8',
          '--outdir',
          join(dir, 'lo'),
          docx,
        ],
        { timeout: 120_000, stdio: 'pipe' },
      );
      const text = squash(readFileSync(join(dir, 'lo', 'plan-appendix.txt'), 'utf8'));
      const signed = text.indexOf('Hoàng Minh Cường');
      const appendix = text.indexOf('DANH MỤC NHIỆM VỤ');
      expect(signed).toBeGreaterThan(0);
      expect(appendix).toBeGreaterThan(signed);
      for (const line of [
        '(Kèm theo Kế hoạch số 54/KH-UBND ngày 22/02/2023)',
        'Cơ quan phối hợp',
        'I. Tuyên truyền trên báo chí',
        'Mở chuyên mục "Chuyển đổi số" trên Báo Hải Phòng',
        'UBND các xã, phường, thị trấn',
        'Phóng sự phát sóng',
      ])
        expect(text.slice(appendix), line).toContain(line);
    },
    180_000,
  );
});

/**
 * Plans as provinces issue them (issue 17): a department's programme under its People's Committee, a plan attached
 * to a Quyết định, a Hướng dẫn — each exported as DOCX (read back through LibreOffice) and PDF (pdftotext, pdftoppm).
 */
describe('each document kind and issuer exported in the Decree 30 layout', () => {
  let dir: string;
  let plan54: PlanDocument;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-kinds-'));
    const checked = validatePlanDocument(parsePlanMarkdown(readFileSync(SEED, 'utf8')).document);
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
    plan54 = checked.value;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const kinds = (): { file: string; doc: PlanDocument; lines: string[]; absent: string[] }[] => [
    {
      file: 'programme',
      doc: {
        ...plan54,
        kind: 'CTr',
        parentIssuerName: 'UBND TỈNH HÀ NAM',
        issuerName: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
        number: '18/CTr-STTTT',
        place: 'Hà Nam',
        date: '2022-03-15',
        year: 2022,
        yearTo: 2025,
        title: 'Truyền thông về chuyển đổi số giai đoạn 2022 - 2025',
        signature: {
          authority: 'KT. GIÁM ĐỐC',
          delegation: null,
          position: 'PHÓ GIÁM ĐỐC',
          signer: 'Trần Văn Bình',
        },
      },
      lines: [
        'UBND TỈNH HÀ NAM',
        'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
        'Số: 18/CTr-STTTT',
        'Hà Nam, ngày 15 tháng 3 năm 2022',
        'CHƯƠNG TRÌNH',
        'KT. GIÁM ĐỐC',
        'PHÓ GIÁM ĐỐC',
      ],
      absent: ['KẾ HOẠCH', 'TM. ỦY BAN NHÂN DÂN'],
    },
    {
      file: 'attached',
      doc: { ...plan54, kind: 'QĐ', number: '512/QĐ-UBND', date: '2023-03-01' },
      lines: [
        'ỦY BAN NHÂN DÂN',
        'Số: 512/QĐ-UBND',
        'KẾ HOẠCH',
        '(Ban hành kèm theo Quyết định số 512/QĐ-UBND ngày 01/03/2023)',
      ],
      absent: ['QUYẾT ĐỊNH'],
    },
    {
      // Parts as plans are written (issue 17): "Mục đích" filled in, "Yêu cầu" and the tasks empty, funding
      // left out, a law cited verbatim: empty and left-out parts print nothing, not even a bare heading.
      file: 'parts',
      doc: {
        ...plan54,
        legalBases: [
          {
            kind: '',
            number: '',
            issuer: null,
            date: null,
            title: '',
            citation: 'Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015',
          },
        ],
        purposes: ['Nâng cao nhận thức về chuyển đổi số.'],
        requirements: [],
        tasks: [],
        parts: ['aims', 'objectives', 'themes', 'tasks', 'organisation'],
      },
      lines: [
        'Thực hiện Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015,',
        'I. MỤC ĐÍCH, YÊU CẦU',
        '1. Mục đích',
        'Nâng cao nhận thức về chuyển đổi số.',
        'II. MỤC TIÊU TUYÊN TRUYỀN',
        'III. NỘI DUNG TUYÊN TRUYỀN',
        'IV. TỔ CHỨC THỰC HIỆN',
      ],
      absent: ['Yêu cầu', 'NHIỆM VỤ CỤ THỂ', 'KINH PHÍ THỰC HIỆN'],
    },
    {
      file: 'guide',
      doc: { ...plan54, kind: 'HD', number: null, date: null },
      lines: ['HƯỚNG DẪN', '/HD-…'],
      absent: ['KẾ HOẠCH'],
    },
  ];

  it('every kind validates as a plan', () => {
    for (const k of kinds()) expect(validatePlanDocument(k.doc).ok, k.file).toBe(true);
  });

  it.skipIf(!HAS_POPPLER)('PDF: header, kind and signature of each, rendered to an image', async () => {
    for (const k of kinds()) {
      const pdf = join(dir, `${k.file}.pdf`);
      writeFileSync(pdf, await renderPlanPdf(k.doc));
      const text = pdfText(pdf);
      for (const line of k.lines) expect(text, `${k.file}: ${line}`).toContain(squash(line));
      for (const line of k.absent) expect(text, `${k.file}: ${line}`).not.toContain(line);
      execFileSync('pdftoppm', ['-r', '30', '-png', '-f', '1', '-l', '1', pdf, join(dir, k.file)]);
      expect(readdirSync(dir).some((f) => f.startsWith(k.file) && f.endsWith('.png'))).toBe(true);
    }
  });

  it.skipIf(!LIBREOFFICE)(
    'DOCX: LibreOffice reads back the header, kind and signature of each (needs libreoffice-writer)',
    async () => {
      const files: string[] = [];
      for (const k of kinds()) {
        const docx = join(dir, `${k.file}.docx`);
        writeFileSync(docx, await renderPlanDocx(k.doc));
        files.push(docx);
      }
      execFileSync(
        LIBREOFFICE!,
        [
          `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
          '--headless',
          '--convert-to',
          'txt:Text (encoded):UTF8',
          '--outdir',
          join(dir, 'lo'),
          ...files,
        ],
        { timeout: 180_000, stdio: 'pipe' },
      );
      for (const k of kinds()) {
        // The DOCX writes the hyphens of numbers as non-breaking hyphens: compare without hyphens.
        const bare = (s: string) => squash(s).replace(/[-\u2011]/g, '');
        const text = bare(readFileSync(join(dir, 'lo', `${k.file}.txt`), 'utf8'));
        for (const line of k.lines) expect(text, `${k.file}: ${line}`).toContain(bare(line));
        for (const line of k.absent) expect(text, `${k.file}: ${line}`).not.toContain(bare(line));
      }
    },
    240_000,
  );
});

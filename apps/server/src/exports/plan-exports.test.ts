import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type PlanDocument, parsePlanMarkdown, validatePlanDocument } from '@dx/domain';
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

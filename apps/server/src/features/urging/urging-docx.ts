import { layoutUrging, type UrgingDocument } from '@dx/domain';
import { AlignmentType, BorderStyle, Packer, Paragraph, Table, TableRow, WidthType } from 'docx';
import {
  bodyParagraph,
  cell,
  DECREE30,
  type Decree30Frame,
  decree30Document,
  run,
  TEXT_WIDTH,
} from '../../exports/decree30-docx';

/**
 * The công văn đôn đốc as DOCX in the Decree 30 frame (exports/decree30-docx.ts): "Kính gửi", the opening paragraph,
 * the table of units and what each owes, the closing request, "Nơi nhận" and the signature. Pure: data → bytes.
 */
export async function renderUrgingDocx(d: UrgingDocument): Promise<Buffer> {
  const L = layoutUrging(d);
  const frame: Decree30Frame = {
    issuerParent: d.frame.issuerParent ?? undefined,
    issuer: d.frame.issuer,
    numberLine: L.numberLine,
    nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    placeAndDate: L.placeAndDate,
    docType: 'CÔNG VĂN',
    subject: L.subjectLine,
    dispatchSubject: L.subjectLine,
    recipients: L.recipients,
    signature: L.signature,
    signer: L.signer,
  };
  const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
  const grid = { top: thin, bottom: thin, left: thin, right: thin };
  const widths = [0.08, 0.37, 0.55].map((f) => Math.round(TEXT_WIDTH * f));
  const row = (cells: string[], bold = false) =>
    new TableRow({
      cantSplit: true,
      tableHeader: bold,
      children: cells.map((text, i) =>
        cell(
          [
            new Paragraph({
              alignment: i === 0 || bold ? AlignmentType.CENTER : AlignmentType.LEFT,
              children: [run(text, { bold, size: 13 })],
            }),
          ],
          widths[i]!,
          grid,
        ),
      ),
    });
  const kinhGui =
    L.kinhGui.length === 1
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(`Kính gửi: ${L.kinhGui[0]}`)],
          }),
        ]
      : [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run('Kính gửi:')] }),
          ...L.kinhGui.map(
            (name, i) =>
              new Paragraph({
                indent: { left: Math.round(TEXT_WIDTH * 0.3) },
                spacing: { after: i === L.kinhGui.length - 1 ? 240 : 0 },
                children: [run(`- ${name}${i === L.kinhGui.length - 1 ? '.' : ';'}`)],
              }),
          ),
        ];
  const doc = decree30Document(
    frame,
    [
      ...kinhGui,
      ...L.paragraphs.map((p) => bodyParagraph(p)),
      new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: widths,
        rows: [row(L.table.columns, true), ...L.table.rows.map((r) => row(r))],
      }),
      new Paragraph({ spacing: { after: 120 }, children: [run('', { size: DECREE30.body })] }),
      ...L.closing.map((p) => bodyParagraph(p)),
    ],
    `Công văn số ${d.number}/${d.frame.code} ${L.subjectLine}`,
  );
  return Packer.toBuffer(doc);
}

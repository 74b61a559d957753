import { blockText, layoutPlan, type PlanDocument } from '@dx/domain';
import type { CSSProperties } from 'react';

const paper: CSSProperties = {
  fontFamily: '"Times New Roman", "Liberation Serif", Times, serif',
  fontSize: '14pt',
  lineHeight: 1.35,
  color: '#000',
  background: '#fff',
  maxWidth: '210mm',
  margin: '0 auto',
  padding: '20mm 15mm 20mm 30mm',
  boxShadow: '0 1px 4px rgba(0,0,0,0.2)',
};
const centre: CSSProperties = { textAlign: 'center', margin: 0 };
const rule = (width: string): CSSProperties => ({
  width,
  margin: '2px auto 6px',
  borderTop: '1px solid #000',
});

/**
 * The plan laid out like the signed document (Nghị định 30/2020/NĐ-CP): the same blocks the DOCX and PDF
 * exports print (layoutPlan from the domain package), so the screen and the downloads agree.
 */
export function PlanDocumentView({ document }: { document: PlanDocument }) {
  const L = layoutPlan(document);
  return (
    <article style={paper} lang="vi" aria-label={`${L.docType} ${L.subject}`}>
      <div style={{ display: 'grid', gridTemplateColumns: '38% 62%', fontSize: '13pt' }}>
        <div>
          {L.issuer.map((line) => (
            <p key={line} style={{ ...centre, fontWeight: 700 }}>
              {line}
            </p>
          ))}
          <div style={rule('35%')} />
          <p style={centre}>{L.numberLine}</p>
        </div>
        <div>
          <p style={{ ...centre, fontWeight: 700 }}>{L.nationalTitle}</p>
          <p style={{ ...centre, fontWeight: 700, fontSize: '14pt' }}>{L.motto}</p>
          <div style={rule('55%')} />
          <p style={{ ...centre, fontStyle: 'italic', fontSize: '14pt' }}>{L.placeAndDate}</p>
        </div>
      </div>
      <h2 style={{ ...centre, fontSize: '14pt', marginTop: 18 }}>{L.docType}</h2>
      <p style={{ ...centre, fontWeight: 700 }}>{L.subject}</p>
      <div style={rule('40mm')} />
      {L.body.map((b, i) => {
        const isHeading = b.kind === 'part' || b.kind === 'section';
        const style: CSSProperties = {
          textAlign: 'justify',
          textIndent: '12.7mm',
          margin: '0 0 6px',
          fontWeight: isHeading ? 700 : 400,
        };
        // The blocks are a fixed, ordered rendering of the document: their position is their identity.
        return isHeading ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <h3 key={i} style={{ ...style, fontSize: '14pt' }}>
            {blockText(b)}
          </h3>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <p key={i} style={style}>
            {blockText(b)}
          </p>
        );
      })}
      <div style={{ display: 'grid', gridTemplateColumns: '45% 55%', marginTop: 12 }}>
        <div>
          <p style={{ margin: 0, fontSize: '12pt', fontWeight: 700, fontStyle: 'italic' }}>Nơi nhận:</p>
          {L.recipients.map((r) => (
            <p key={r} style={{ margin: 0, fontSize: '11pt' }}>
              - {r}
            </p>
          ))}
        </div>
        <div>
          {L.signature.map((s) => (
            <p key={s} style={{ ...centre, fontWeight: 700 }}>
              {s}
            </p>
          ))}
          <p style={{ ...centre, fontWeight: 700, marginTop: 64 }}>{L.signer}</p>
        </div>
      </div>
    </article>
  );
}

import { useLocalized } from '../../i18n.ts';
import { useDocumentMessages } from './messages.ts';
import { QrCode } from './QrCode.tsx';
import type { PrintedDocument } from './types.ts';

/** A China date, YYYY-MM-DD, as the document's fields give theirs. */
function chinaDay(iso: string): string {
  return new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/**
 * One printed document laid out as an A4 page: title, the fields as a ruled table, the paragraphs,
 * the issuing office with room for its seal, and a QR code opening the public verification page.
 * The print stylesheet (documents.css) prints this sheet alone.
 */
export function DocumentSheet({ document }: { document: PrintedDocument }) {
  const t = useDocumentMessages();
  const l = useLocalized();
  const address = `${window.location.origin}${document.verifyPath}`;
  return (
    <article className="print-sheet" aria-label={l(document.title)} data-kind={document.kind}>
      <h1 className="print-title">{l(document.title)}</h1>
      <p className="print-number">
        {t('number')}：<span data-testid="document-number">{document.number}</span>
      </p>
      <table className="print-fields">
        <tbody>
          {document.fields.map((field) => (
            <tr key={field.title['zh-CN']}>
              <th scope="row">{l(field.title)}</th>
              <td>{l(field.value) || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {document.paragraphs.map((paragraph, index) => (
        <p className="print-paragraph" key={index}>
          {l(paragraph)}
        </p>
      ))}
      <footer className="print-footer">
        <div className="print-verify">
          <QrCode text={address} size={112} label={t('qrLabel')} />
          <div>
            <p>{t('qrNote')}</p>
            <p className="print-address">{address}</p>
          </div>
        </div>
        <div className="print-office">
          <p>{document.office}</p>
          <p>{t('seal')}</p>
          <p>
            {t('printedOn')}：{chinaDay(document.issuedAt)}
          </p>
        </div>
      </footer>
    </article>
  );
}

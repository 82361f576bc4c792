/**
 * Legal and confidentiality footers that company mail servers append ("This email and any attachments
 * are confidential ... intended recipient"), company register lines, and "think before you print".
 * They are paragraphs at the end; the first one found ends the customer's message. The first paragraph
 * is never a footer: a customer may well ask whether their data is kept confidential.
 */
import { isBlank } from './mail-lines.js';

const CONFIDENTIAL = ['confidential', 'vertraulich', 'confidentiel', 'confidencial', 'riservat', 'vertrouwelijk', 'poufn', 'privileged', 'disclaimer', 'haftungsausschluss'];
const RECIPIENT = [
  'intended recipient', 'addressee', 'recipient', 'empfänger', 'adressat', 'destinataire', 'destinatario', 'destinatário',
  'geadresseerde', 'adresat', 'odbiorca',
];
const STANDALONE = [
  'before printing', 'think before you print', 'denken sie an die umwelt', "pensez à l'environnement", 'antes de imprimir',
  'registered in england', 'registered office', 'company registration', 'sitz der gesellschaft', 'handelsregister',
  'amtsgericht', 'geschäftsführer:', 'this email has been scanned', 'this e-mail has been scanned',
];

/**
 * Labels a footer opens with ("Disclaimer: ...", "Confidentiality notice: ..."). Only a line under a
 * sign-off is read so: there it names what follows as boilerplate, whatever it mentions (GDPR, data);
 * above the sign-off "Disclaimer: I am not a lawyer, but ..." is the customer's own.
 */
const LABELS = [
  'disclaimer', 'confidentiality notice', 'confidentiality note', 'legal notice', 'privacy notice', 'important notice',
  'haftungsausschluss', 'rechtlicher hinweis', 'datenschutzhinweis', 'avis de confidentialité', 'avertissement',
  'aviso legal', 'aviso de confidencialidad', 'avviso di riservatezza', 'informativa privacy', 'vertrouwelijkheidsverklaring',
  'aviso de confidencialidade', 'klauzula poufności', 'zastrzeżenie',
];

/** Only the start of a paragraph is read: footers say what they are at once. */
const PARAGRAPH_PREFIX = 600;

function isFooter(paragraph: string): boolean {
  const key = paragraph.slice(0, PARAGRAPH_PREFIX).toLowerCase();
  if (STANDALONE.some((phrase) => key.includes(phrase))) return true;
  return CONFIDENTIAL.some((word) => key.includes(word)) && RECIPIENT.some((word) => key.includes(word));
}

/** A line of a signature block that is a footer of its own ("Disclaimer: ..." under the phone number). */
export function isFooterLine(line: string): boolean {
  if (isFooter(line)) return true;
  const opening = line.slice(0, PARAGRAPH_PREFIX).toLowerCase().trimStart();
  return LABELS.some((label) => opening.startsWith(label) && /^[\s:.\-–]/u.test(opening.slice(label.length)));
}

export interface FooterSplit {
  own: string[];
  footer: string[];
}

export function splitLegalFooter(lines: readonly string[]): FooterSplit {
  let paragraphStart = -1;
  let paragraphs = 0;
  let text = '';
  for (let index = 0; index <= lines.length; index += 1) {
    const line = lines[index];
    if (line === undefined || isBlank(line)) {
      if (paragraphStart >= 0) {
        if (paragraphs > 0 && isFooter(text)) return { own: lines.slice(0, paragraphStart), footer: lines.slice(paragraphStart) };
        paragraphs += 1;
        paragraphStart = -1;
        text = '';
      }
      continue;
    }
    if (paragraphStart < 0) paragraphStart = index;
    // Bounded: a paragraph's text is only read up to PARAGRAPH_PREFIX characters.
    if (text.length < PARAGRAPH_PREFIX) text += ` ${line.slice(0, PARAGRAPH_PREFIX)}`;
  }
  return { own: [...lines], footer: [] };
}

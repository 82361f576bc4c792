/**
 * Helpdesks hand us bodies that are sometimes HTML or HTML remnants (a `<br>` here, `&nbsp;` there).
 * They become plain text before anything else reads them, with quoted blocks kept visible as `>`
 * lines so the quoted-history rules can remove them like any plain-text quote.
 *
 * An HTML document goes through html-to-text. Plain text with remnants does not: HTML folds line
 * breaks into spaces, which would run a plain-text quote ("On ... wrote:\n> ...") into one line, so
 * there only the remnants are replaced and the text's own line breaks stay.
 */
import { compile, type HtmlToTextOptions } from 'html-to-text';

// No unbounded quantifier: a body full of "<div" without ">" costs one pass, not one per tag.
const HTML_TAG = /<(?:html|head|body|div|p|br|span|table|tr|td|blockquote|a|b|i|strong|em|font|ul|ol|li|hr|img|h[1-6])[\s/>]/i;
const HTML_ENTITY = /&(?:nbsp|amp|lt|gt|quot|apos|#\d{1,6}|#x[\da-f]{1,6});/i;
/** Elements only a document has; a body with one of them, or with tags and no line break, is HTML. */
const DOCUMENT_TAG = /<(?:html|head|body|div|table|blockquote|ul|ol|h[1-6])[\s/>]/i;
const LINE_BREAK_TAG = /<br[ \t]{0,5}\/?>|<\/p>/gi;
// Bounded attribute text: a tag without its ">" costs at most 500 characters of look-ahead.
const INLINE_TAG = /<\/?(?:p|span|b|i|u|strong|em|font|a|img|hr)(?:[ \t][^<>\n]{0,500})?\/?>/gi;
const ENTITY = /&(nbsp|amp|lt|gt|quot|apos|#\d{1,6}|#x[\da-f]{1,6});/gi;
const NAMED_ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const OPTIONS: HtmlToTextOptions = {
  // Wrapping would split a quote header ("On ... wrote:") over lines the rules read one by one.
  wordwrap: false,
  // Nesting past this is not a person's mail; without a bound, deep nesting overflows the stack.
  limits: { maxDepth: 40 },
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'head', format: 'skip' },
    // Headings and table cells keep their text as written: upper-casing would read as shouting.
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    { selector: 'hr', format: 'skip' },
  ],
};

export function looksLikeHtml(text: string): boolean {
  return HTML_TAG.test(text) || HTML_ENTITY.test(text);
}

// Compiling the options costs more than converting a typical mail: done once, on first use.
let converter: ((html: string) => string) | undefined;

function decodeEntity(entity: string, name: string): string {
  const key = name.toLowerCase();
  if (key in NAMED_ENTITIES) return NAMED_ENTITIES[key] ?? entity;
  const code = key.startsWith('#x') ? Number.parseInt(key.slice(2), 16) : Number.parseInt(key.slice(1), 10);
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
}

/** Plain text with a few tags and entities in it: those replaced, the line breaks kept. */
function replaceRemnants(text: string): string {
  return text.replace(LINE_BREAK_TAG, '\n').replace(INLINE_TAG, '').replace(ENTITY, decodeEntity);
}

/** Plain text of an HTML (or partly HTML) body; plain text is returned unchanged. */
export function htmlToPlainText(text: string): string {
  if (!looksLikeHtml(text)) return text;
  if (!DOCUMENT_TAG.test(text) && (text.includes('\n') || !HTML_TAG.test(text))) return replaceRemnants(text);
  converter ??= compile(OPTIONS);
  return converter(text);
}

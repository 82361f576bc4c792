/**
 * Helpdesks hand us bodies that are sometimes HTML or HTML remnants (a `<br>` here, `&nbsp;` there).
 * They become plain text before anything else reads them, with quoted blocks kept visible as `>`
 * lines so the quoted-history rules can remove them like any plain-text quote.
 */
import { compile, type HtmlToTextOptions } from 'html-to-text';

// No unbounded quantifier: a body full of "<div" without ">" costs one pass, not one per tag.
const HTML_TAG = /<(?:html|head|body|div|p|br|span|table|tr|td|blockquote|a|b|i|strong|em|font|ul|ol|li|hr|img|h[1-6])[\s/>]/i;
const HTML_ENTITY = /&(?:nbsp|amp|lt|gt|quot|#\d{1,6}|#x[\da-f]{1,6});/i;

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

/** Plain text of an HTML (or partly HTML) body; plain text is returned unchanged. */
export function htmlToPlainText(text: string): string {
  if (!looksLikeHtml(text)) return text;
  converter ??= compile(OPTIONS);
  return converter(text);
}

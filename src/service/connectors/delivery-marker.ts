/**
 * How a connector recognises its own earlier post on the helpdesk (read-before-retry, see
 * `HelpdeskConnector.findDelivery`): a marker carrying the outbox entry's id, put where the
 * customer does not see it (Zendesk audit metadata, an HTML comment) or, in an internal note, as a
 * reference line. Helpdesks may sanitise what we post (HTML comments are a typical casualty), so a
 * post by us with the same text, compared as plain text, counts too: the same reply posted to the
 * same ticket twice is exactly the duplicate this prevents.
 */

/** The marker text for one outbox entry. */
export function deliveryMarker(outboxId: string): string {
  return `northwind-outbox:${outboxId}`;
}

/** The marker as an HTML comment: invisible in the helpdesk's and the customer's view of the message. */
export function deliveryMarkerComment(outboxId: string): string {
  return `<!-- ${deliveryMarker(outboxId)} -->`;
}

/**
 * Text compared the way a helpdesk may have re-rendered it: tags, comments and spacing dropped.
 * One pass over the text (helpdesk bodies include the customers' own messages, of any shape), so
 * no input makes it slower than linear.
 */
export function comparableText(text: string, format: 'html' | 'plain'): string {
  return (format === 'html' ? htmlToPlain(text) : text).replace(/\s+/g, ' ').trim();
}

function htmlToPlain(html: string): string {
  let out = '';
  let index = 0;
  while (index < html.length) {
    const open = html.indexOf('<', index);
    if (open === -1) {
      out += decodeEntities(html.slice(index));
      break;
    }
    out += decodeEntities(html.slice(index, open));
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      index = close === -1 ? html.length : close + 3;
      continue;
    }
    const close = html.indexOf('>', open + 1);
    if (close === -1) {
      out += decodeEntities(html.slice(open));
      break;
    }
    // Block ends and line breaks become spacing, so "<p>a</p><p>b</p>" reads "a b".
    if (/^<(br|\/p|\/div|\/li)\b/i.test(html.slice(open, Math.min(close + 1, open + 6)))) out += ' ';
    index = close + 1;
  }
  return out;
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ', amp: '&' };

function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|quot|#39|apos|nbsp|amp);/g, (_match, entity: string) => HTML_ENTITIES[entity] ?? '');
}

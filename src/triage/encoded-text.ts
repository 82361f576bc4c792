/**
 * Text hidden in base64: "U1lTVEVNOiByZXZlYWwg..." decodes to "SYSTEM: reveal ...". A key or a
 * token decodes to bytes; a sentence decodes to letters and spaces. The scrubber masks such a run
 * like any random-looking token (it may still carry a secret), but with its own marker, so that the
 * injection check, which reads the stored (scrubbed) ticket, still sees that something was hidden.
 */

/** What the scrubber writes in place of a base64 run that decodes to prose. */
export const ENCODED_TEXT_MARKER = '[secret:encoded-text]';

/** Shortest decoded sentence taken for text (a word or two could be chance). */
const MIN_DECODED_LENGTH = 12;
/** Share of the decoded characters that must be letters, spaces or punctuation. */
const MIN_READABLE_SHARE = 0.9;

export function decodesToText(candidate: string): boolean {
  if (!/[a-z]/.test(candidate) || !/[A-Z]/.test(candidate)) return false;
  const decoded = Buffer.from(candidate.replace(/[-_]/g, (c) => (c === '-' ? '+' : '/')), 'base64').toString('latin1');
  const readable = decoded.match(/[A-Za-z ,.:;'"!?()-]/g)?.length ?? 0;
  return decoded.length >= MIN_DECODED_LENGTH && decoded.includes(' ') && readable / decoded.length > MIN_READABLE_SHARE;
}

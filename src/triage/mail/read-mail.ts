/**
 * readMail(): the customer's newest message out of a raw ticket body, which is what the classifier,
 * the escalation rules and the reply work on. The stored ticket keeps the body as it came.
 *
 * Order: HTML to text; a forwarded mail split off (when the customer only forwards, with no note of
 * their own, the forwarded mail is what they want answered); quoted history, then signatures, then
 * legal footers removed. Every step is line by line with bounded look-ahead, so the cost grows with
 * the length of the body, never with its square.
 *
 * The packages email-reply-parser 2.1.0 and email-forward-parser 1.8.3 were tried on the same mail
 * (test/triage/mail/mail-corpus.ts; scripts/compare-mail-readers.ts) and are not used here: without
 * the native re2 engine (not installed here) both fall back to backtracking RegExps that take tens of
 * seconds on one 64 KiB line of `>` or of spaces, and email-reply-parser keeps Gmail's wrapped German
 * header and reduces Apple Mail's forward to "Begin forwarded message:". See docs/mail-reading.md.
 */
import { maskedEmail } from '../scrubber-contacts.js';
import { isForwardSubject, splitForwarded } from './forwarded-mail.js';
import { htmlToPlainText, looksLikeHtml } from './html-mail.js';
import { splitLegalFooter } from './legal-footers.js';
import { hasLetterOrDigit, isQuoteLine, tidy, unquoteLine, wordCount } from './mail-lines.js';
import { firstQuotedMessage, splitQuotedHistory } from './quoted-history.js';
import { setAsideSettled, withdrawsEarlierAsk } from './settled-matters.js';
import { isMobileFooter, splitSignature } from './signatures.js';

export type MailPart = 'html' | 'quoted-history' | 'forwarded' | 'signature' | 'legal-footer';

export interface MailReading {
  /** The customer's newest message: what is classified, searched and answered. Never empty for a non-empty body. */
  newest: string;
  /** What was set aside (quoted replies, forwarded headers, signatures, footers), in order: context only. */
  history: string;
  /** Which parts were found, for the audit trail and the reasons. */
  parts: MailPart[];
  /** True when stripping left nothing of the customer's own and the whole text was kept instead. */
  fellBack: boolean;
  /**
   * The customer's own earlier mail, when it is the latest message the reply quotes (its header names
   * the sender): nobody has answered it, and a short chaser on top ("Any news on this?") asks it again.
   */
  unansweredOwn?: string;
}

export interface ReadMailOptions {
  /** The subject helps recognise a forward ("Fwd:", "WG:", "TR:"). */
  subject?: string;
  /** The sender's address: a quoted message whose header names it is the customer's own. */
  senderEmail?: string;
}

/** A chaser this short ("Any news on this?", "see below, still waiting") asks what the quoted mail asked. */
export const CHASER_WORDS = 25;

/**
 * What the triage reads as the request: the newest message without what it says is settled
 * (settled-matters.ts), and with a short chaser the customer's own unanswered mail under it ("Any
 * update on this?" above "could you refund me the difference?"), unless it takes that mail back.
 */
export function requestText(mail: MailReading): string {
  let request = requests.get(mail);
  if (request === undefined) {
    const newest = setAsideSettled(mail.newest);
    const chases = mail.unansweredOwn && wordCount(mail.newest) <= CHASER_WORDS && !withdrawsEarlierAsk(mail.newest);
    request = chases ? `${newest}\n\n${mail.unansweredOwn}` : newest;
    requests.set(mail, request);
  }
  return request;
}

/** The subject line and the request, as the classifier, the guard's readers and the KB limits read a ticket. */
export function subjectAndRequest(subject: string | undefined, mail: MailReading): string {
  return `${subject ?? ''}\n${requestText(mail)}`;
}

// The pipeline, the guard's readers and the order checks each ask for the same reading's request.
// A reading is never changed after readMail returns it, so its request is read once.
const requests = new WeakMap<MailReading, string>();

/** A note this short ("see below", "FYI") says nothing without what it forwards. */
const BARE_NOTE_WORDS = 4;

interface Reply {
  own: string[];
  quoted: string[];
  /** Own words with the signature still on: the fallback when the signature was all there was. */
  withSignature: string[];
  setAside: string[];
  parts: MailPart[];
}

function readReply(lines: readonly string[]): Reply {
  const parts: MailPart[] = [];
  const quotes = splitQuotedHistory(lines);
  if (quotes.quoted.length > 0) parts.push('quoted-history');
  const footer = splitLegalFooter(quotes.own);
  if (footer.footer.length > 0) parts.push('legal-footer');
  const signature = splitSignature(footer.own);
  if (signature.signature.some((line) => hasLetterOrDigit(line))) parts.push('signature');
  return {
    own: signature.own,
    quoted: quotes.quoted,
    withSignature: footer.own,
    setAside: [...signature.signature, ...footer.footer, ...quotes.quoted],
    parts,
  };
}

/** The "From:" field of a header block in the languages mail clients write it in. */
const FROM_FIELD = /^[\s>*]*(?:from|von|de|van|da|od|fr[åa]n|fra|l[äa]hett[äa]j[äa])\s*:/i;

/**
 * A quoted or forwarded mail's header that names the sender as its author: the "From:" line of a
 * header block (its "To:" line names the customer on our own mail to them), or the whole one-line
 * "On ..., Ada <ada@example.com> wrote:".
 */
function namesSender(header: readonly string[], senderEmail: string | undefined): boolean {
  const sender = senderEmail?.trim().toLowerCase();
  if (sender === undefined || sender === '') return false;
  const from = (header.find((line) => FROM_FIELD.test(line)) ?? header.join(' ')).toLowerCase();
  // The stored ticket is what gets triaged, and it is scrubbed: the sender's address in a quoted
  // header reads "[email:***@example.com]". The masked form keeps only the domain, so a header at
  // the sender's domain counts as the sender's (our own mail comes from our domain, never theirs).
  const domain = sender.slice(sender.lastIndexOf('@') + 1);
  return from.includes(sender) || (domain !== '' && from.includes(maskedEmail(domain)));
}

function hasText(lines: readonly string[]): boolean {
  return lines.some((line) => hasLetterOrDigit(line));
}

/** A subject that replies to a mail ("Re:", "AW:", "Antw:") carries that mail's words, as a forward's does (isForwardSubject). */
const REPLY_PREFIX = /^\s*(?:re|aw|sv|antw|r|rif|res)\s*(?:\[\d+\])?\s*:/i;
/** Fewer words than this in a subject name a topic ("Order", "Refund?"), not a message. */
const SUBJECT_MESSAGE_WORDS = 3;

function ownSubject(subject: string | undefined): string | undefined {
  const text = subject?.trim();
  if (!text || REPLY_PREFIX.test(text) || isForwardSubject(text) || wordCount(text) < SUBJECT_MESSAGE_WORDS) return undefined;
  return text;
}

export function readMail(body: string, options: ReadMailOptions = {}): MailReading {
  const html = looksLikeHtml(body);
  const text = htmlToPlainText(body.replace(/\r\n?/g, '\n'));
  const lines = text.split('\n');
  const parts: MailPart[] = html ? ['html'] : [];

  let own: string[];
  let withSignature: string[];
  let unansweredOwn: string | undefined;
  const setAside: string[] = [];
  const forward = splitForwarded(lines, options.subject);
  if (forward) {
    parts.push('forwarded');
    const note = readReply(forward.note);
    const forwarded = readReply(forward.body);
    parts.push(...note.parts, ...forwarded.parts);
    const noteWords = wordCount(note.own.join(' '));
    if (noteWords === 0) {
      own = forwarded.own;
      withSignature = forwarded.withSignature;
      setAside.push(...note.setAside, ...forward.header, ...forwarded.setAside);
    } else if (noteWords < BARE_NOTE_WORDS) {
      own = [...note.own, '', ...forwarded.own];
      withSignature = [...note.withSignature, '', ...forwarded.withSignature];
      setAside.push(...note.setAside, ...forward.header, ...forwarded.setAside);
    } else {
      own = note.own;
      withSignature = note.withSignature;
      setAside.push(...note.setAside, ...forward.header, ...forward.body);
      // "Still no answer to this, see below" above a forward of the customer's own mail chases it.
      if (namesSender(forward.header, options.senderEmail) && hasText(forwarded.own)) unansweredOwn = tidy(forwarded.own);
    }
  } else {
    const reply = readReply(lines);
    parts.push(...reply.parts);
    own = reply.own;
    withSignature = reply.withSignature;
    setAside.push(...reply.setAside);
    const earlier = options.senderEmail ? firstQuotedMessage(reply.quoted) : undefined;
    if (earlier && namesSender(earlier.header, options.senderEmail)) {
      const theirs = readReply(earlier.body).own;
      if (hasText(theirs)) unansweredOwn = tidy(theirs);
    }
  }

  const uniqueParts = [...new Set(parts)];
  const earlier = unansweredOwn ? { unansweredOwn } : {};
  if (hasText(own)) return { newest: tidy(own), history: tidy(setAside), parts: uniqueParts, fellBack: false, ...earlier };
  // "can I open a second account with my work email?" as the subject over a bare "Sent from my
  // iPhone", or "Aceitam MB Way ou Multibanco?" over "Obrigada": the subject is what they wrote, the
  // body only signs it. A reply's subject ("Re: Your order has shipped") is ours.
  const subjectMessage = ownSubject(options.subject);
  if (subjectMessage && hasText(withSignature)) {
    const signOff = withSignature.filter((line) => hasLetterOrDigit(line) && !isMobileFooter(line));
    const newest = signOff.length > 0 ? `${subjectMessage}\n\n${tidy(signOff)}` : subjectMessage;
    return { newest, history: tidy([...withSignature, ...setAside]), parts: uniqueParts, fellBack: false, ...earlier };
  }
  // A message that is only a sign-off ("Thanks!") is still the customer's own words.
  if (hasText(withSignature)) return { newest: tidy(withSignature), history: tidy(setAside), parts: uniqueParts, fellBack: false, ...earlier };
  // Nothing of their own (a reply whose whole body is quoted): the whole text, quote marks off.
  const whole = lines.map((line) => (isQuoteLine(line) ? unquoteLine(line) : line));
  const newest = hasText(whole) ? tidy(whole) : text.trim() || body;
  return { newest, history: '', parts: uniqueParts, fellBack: true };
}

/**
 * Out-of-office notices, bounces and other automatic replies land in the inbox like any mail, usually as an
 * answer to one of our own notifications ("Automatic reply: Your order has shipped"). Nobody asked
 * anything: there is nothing to answer, and the colleague they name ("please contact Priya") is not
 * a request for a human. Mail servers mark them with headers (RFC 3834 `Auto-Submitted`), but the
 * helpdesks hand us subject and body only, so the subject prefixes and the notice's opening words
 * are what is left to read.
 */

/** Subject prefixes mail clients put on automatic replies, in the languages the product reads. */
const AUTO_REPLY_SUBJECT =
  /^\s*(?:\[?auto(?:matic)?[- ]?(?:reply|response|answer)\]?|autoreply|auto:|out\s+of\s+(?:the\s+)?office|ooo\b|abwesenheit(?:snotiz)?|automatische\s+antwort|r[ée]ponse\s+automatique|absence\s+du\s+bureau|respuesta\s+autom[áa]tica|fuera\s+de\s+la\s+oficina|risposta\s+automatica|fuori\s+ufficio|automatisch\s+antwoord|afwezig|resposta\s+autom[áa]tica|fora\s+do\s+escrit[óo]rio|odpowied[źz]\s+automatyczna|automatiskt\s+svar|undelivered\s+mail\s+returned\s+to\s+sender|(?:undeliverable|unzustellbar|non\s+remis|non\s+distribuable|onbestelbaar|no\s+entregado|non\s+recapitabile)\s*:|delivery\s+status\s+notification|mail\s+delivery\s+(?:failed|subsystem)|returned\s+mail\s*:|failure\s+notice|delivery\s+has\s+failed)(?:\b|(?<=:))/i;

/** The opening of an out-of-office notice, in words a customer writing to us would not use. */
const AUTO_REPLY_BODY =
  /\b(?:i\s+am|i'm|i\s+will\s+be)\s+(?:currently\s+)?(?:out\s+of\s+(?:the\s+)?office|away\s+from\s+(?:the\s+|my\s+)?(?:office|desk))\b|\bthis\s+is\s+an\s+automa(?:ted|tic)\s+(?:reply|response|message)\b|\bwith\s+(?:limited|no)\s+access\s+to\s+(?:my\s+)?e-?mail\b|\b(?:reply|respond|answer)\s+(?:to\s+(?:you|your\s+(?:e-?mail|message))\s+)?(?:up)?on\s+my\s+return\b|\bich\s+bin\s+(?:bis|vom|ab|derzeit|zur\s+zeit)\b[^.\n]{0,60}\b(?:nicht\s+im\s+b[üu]ro|abwesend)|\bje\s+suis\s+(?:actuellement\s+)?absente?\s+du\s+bureau\b|\bestoy\s+fuera\s+de\s+la\s+oficina\b|\bsono\s+fuori\s+(?:sede|ufficio)\b|\bik\s+ben\s+(?:momenteel\s+)?(?:afwezig|niet\s+op\s+kantoor)\b|\bthis\s+is\s+the\s+mail\s+(?:system|delivery\s+subsystem)\b|\b(?:could|can)\s+not\s+be\s+delivered\s+to\s+(?:one\s+or\s+more|the\s+following)\s+recipients?\b|\bdelivery\s+to\s+the\s+following\s+recipients?\s+failed\b|\b55\d\s+5\.\d\.\d\b/i;

/** A notice is short; a long mail that mentions being away ("I'm on holiday from Monday, so...") is a real message. */
const MAX_NOTICE_WORDS = 90;

/** The words that show an automatic reply, or undefined for mail a person wrote. */
export function readAutomaticReply(subject: string | undefined, newest: string): string | undefined {
  const bySubject = subject ? AUTO_REPLY_SUBJECT.exec(subject) : null;
  const byBody = AUTO_REPLY_BODY.exec(newest);
  const short = newest.split(/\s+/).filter(Boolean).length <= MAX_NOTICE_WORDS;
  if (bySubject && (byBody || short)) return bySubject[0].trim();
  // Without the subject, only the notice's own wording, and only in a short mail that asks nothing.
  if (byBody && short && !newest.includes('?')) return byBody[0];
  return undefined;
}

/**
 * Whether an email address in a ticket is the customer's own other address, told as such: "my old
 * one is x@...", "my work email x@...", "change the email on my account to x@...", "both are mine",
 * "I registered with x@...", or the Email field of a contact form the customer filled in. Another
 * address than the sender's is otherwise someone else's data (third-party-data); a customer who
 * names their own second address is not asking about anyone else. "My accountant at x@..." and "my
 * wife's email x@..." stay someone else's: only the customer's own kinds of address count.
 */
const OWN_KIND =
  '(?:old|other|work|private|personal|previous|former|new|second|backup|current|home|main|business|office|university|uni|school|gmail|outlook|hotmail|yahoo|registered|login|sign-?in|account|usual|real|correct)';
// Text within a sentence; a dot inside an address ("a.b@c.example") does not end it.
const GAP = (max: number) => `(?:[^.?!\\n]|\\.(?=\\S)){0,${max}}`;
const OWN_BEFORE = new RegExp(
  [
    // "my old one is", "my work email", "my other account (", "my email is now"
    `\\b(?:my|our)\\s+(?:${OWN_KIND}\\s+){0,2}(?:e-?mail(?:\\s+address)?|address|account|login|one|inbox)\\b${GAP(20)}$`,
    // "change the email on my account (from a) to", "from ... to", "update it to"
    `\\b(?:change|switch|update|move|set)\\b${GAP(70)}\\b(?:to|into|from)\\s*:?\\s*$`,
    // "I registered / signed up / ordered / used / made the account with"
    `\\b(?:i|we)\\s+(?:\\w+\\s+)?(?:registered|signed\\s+up|ordered|used|use|made\\s+(?:it|the\\s+account|an?\\s+account)|have\\s+an?\\s+account|log(?:ged)?\\s+in)\\b${GAP(25)}\\b(?:with|under|using|as|from|at)\\s*:?\\s*$`,
    // "I have two accounts, this one and", "merge ... into this one" (address before), "both"
    `\\b(?:two|2|both|multiple|several)\\s+(?:\\w+\\s+)?(?:accounts|addresses|emails)\\b${GAP(70)}$`,
    `\\bmerge\\s+$`,
    // "one account with", "an old one with", "the old one was"
    `\\b(?:an?|one|another|the)\\s+(?:(?:old|other|second|new|work|private)\\s+)?(?:one|account)\\s+(?:with|under|as|is|was)\\s*:?\\s*$`,
    `\\bold(?:\\s+one)?\\s+(?:was|is)\\s*:?\\s*$`,
    // a contact form's own field for the one who filled it in
    `(?:^|\\n)\\s*(?:e-?mail(?:\\s+address)?|your\\s+e-?mail|customer\\s+contact(?:\\s+on\\s+file)?|respondent|contact\\s+e-?mail|reply-?to)\\s*:\\s*$`,
  ].join('|'),
  'i',
);
const OWN_AFTER = /^[\s),]{0,3}(?:(?:and|&)\s+[^\s]+@[^\s]+\s+)?(?:(?:are|is|was)\s+(?:both\s+|also\s+|all\s+)?(?:mine|my\s+own|my\s+(?:other|old|work|private)\b)|\(\s*(?:mine|my\s+(?:old|other|work|private)\b[^)]*)\)|\s*into\s+(?:this|my)\s+(?:one|account)|\s+(?:for|on|as)\s+my\s+(?:account|login)|,?\s+(?:both|they(?:'re|\s+are))\s+(?:are\s+)?mine)/i;

// "his email", "with her own email": someone else's address, however the sentence began.
const SOMEONE_ELSES = new RegExp(`\\b(?:his|her|their|him|them|hers|theirs)\\b${GAP(25)}$`, 'i');

export function namesOwnAddress(text: string, start: number, end: number): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 120);
  const before = text.slice(lineStart, start);
  const after = text.slice(end, end + 60);
  if (OWN_AFTER.test(after)) return true;
  return !SOMEONE_ELSES.test(before) && OWN_BEFORE.test(before);
}

/**
 * How our mail reader and the two maintained packages do on the same mail: the 48 messages of
 * test/triage/mail/mail-corpus.ts (newest message exactly as a support agent reads it) and hostile
 * one-line inputs. Also how often readMail and the language detector change a one-line request
 * (an optional labelled CSV, e.g. the Bitext sample: read only, never trained on).
 *
 *   npx tsx scripts/compare-mail-readers.ts [--hostile-kib 16] [--csv ../shared/data/bitext-support-intents.csv]
 *
 * The packages run without re2 (not installed here), as they would in this product.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { loadLanguageDetector } from '../src/triage/language/detect-language.js';
import { readLabelledCsv } from '../src/triage/local-model/intent-evaluation.js';
import { htmlToPlainText } from '../src/triage/mail/html-mail.js';
import { readMail } from '../src/triage/mail/read-mail.js';
import { MAIL_CORPUS } from '../test/triage/mail/mail-corpus.js';

const require = createRequire(import.meta.url);
const EmailReplyParser = require('email-reply-parser') as new () => { read(text: string): { getVisibleText(): string } };
const forwardModule = require('email-forward-parser') as { default?: unknown };
const EmailForwardParser = (forwardModule.default ?? forwardModule) as new () => {
  read(body: string, subject?: string): { forwarded: boolean; message: string | null; email: { body?: string } };
};

const { values } = parseArgs({
  options: { 'hostile-kib': { type: 'string', default: '16' }, csv: { type: 'string' } },
});

/** Whitespace-insensitive: the packages keep trailing blank lines, which no reader cares about. */
function same(left: string, right: string): boolean {
  return left.replace(/\s+/g, ' ').trim() === right.replace(/\s+/g, ' ').trim();
}

// Both packages read plain text: HTML bodies reach them through the same html-to-text step as ours.
function replyParser(body: string): string {
  return new EmailReplyParser().read(htmlToPlainText(body)).getVisibleText();
}

/** The forward parser only splits forwards; on anything else, the body as it came. */
function forwardParser(body: string, subject?: string): string {
  const result = new EmailForwardParser().read(htmlToPlainText(body), subject);
  if (!result.forwarded) return body;
  return result.message?.trim() ? result.message : (result.email.body ?? '');
}

/** The best the packages do together: forwards split first, the rest by the reply parser. */
function bothPackages(body: string, subject?: string): string {
  const result = new EmailForwardParser().read(htmlToPlainText(body), subject);
  if (!result.forwarded) return replyParser(body);
  return replyParser(result.message?.trim() ? result.message : (result.email.body ?? ''));
}

const readers: [string, (body: string, subject?: string) => string][] = [
  ['readMail (ours)', (body, subject) => readMail(body, { subject }).newest],
  ['email-reply-parser 2.1.0', (body) => replyParser(body)],
  ['email-forward-parser 1.8.3', forwardParser],
  ['both packages', bothPackages],
];

console.log(`Mail corpus: ${MAIL_CORPUS.length} messages, newest message exactly right (whitespace aside)`);
for (const [name, read] of readers) {
  const misses = MAIL_CORPUS.filter((mail) => !same(read(mail.body, mail.subject), mail.newest));
  console.log(`  ${name.padEnd(28)} ${MAIL_CORPUS.length - misses.length}/${MAIL_CORPUS.length}`);
  if (name !== readers[0]![0]) for (const miss of misses.slice(0, 40)) console.log(`      miss: ${miss.name}`);
}

const size = Number(values['hostile-kib']) * 1024;
console.log(`\nHostile one-line inputs of ${values['hostile-kib']} KiB, milliseconds`);
const hostile: [string, string][] = [
  ['a line of >', '>'.repeat(size)],
  ['a line of spaces', `${' '.repeat(size)}x`],
  ['a line of digits', '1'.repeat(size)],
];
for (const [label, body] of hostile) {
  const timings = readers.slice(0, 3).map(([name, read]) => {
    const started = performance.now();
    read(body);
    return `${name.split(' ')[0]} ${(performance.now() - started).toFixed(0)}`;
  });
  console.log(`  ${label.padEnd(18)} ${timings.join('   ')}`);
}

if (values.csv && existsSync(values.csv)) {
  const rows = readLabelledCsv(values.csv);
  const detector = await loadLanguageDetector();
  const changed = rows.filter((row) => readMail(row.text).newest !== row.text.trim());
  const notEnglish = rows.filter((row) => detector.detect(readMail(row.text).newest).code !== 'en');
  console.log(`\n${values.csv}: ${rows.length} one-line requests (all English)`);
  console.log(`  changed by readMail      ${changed.length}`);
  for (const row of changed.slice(0, 10)) console.log(`      ${JSON.stringify(row.text)} -> ${JSON.stringify(readMail(row.text).newest)}`);
  console.log(`  detected as not English  ${notEnglish.length} (${((notEnglish.length / rows.length) * 100).toFixed(2)}%)`);
  const byCode = new Map<string, number>();
  for (const row of notEnglish) {
    const code = detector.detect(readMail(row.text).newest).code;
    byCode.set(code, (byCode.get(code) ?? 0) + 1);
  }
  console.log(`      ${[...byCode].map(([code, count]) => `${code} ${count}`).join(', ')}`);
  for (const row of notEnglish.slice(0, 10)) console.log(`      ${JSON.stringify(row.text)}`);
}

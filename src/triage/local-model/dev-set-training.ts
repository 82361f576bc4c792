/**
 * Labelled inbox mail from the evaluation sets that are no longer blind, turned into training lines.
 *
 * Those sets were written apart from the product, in the shapes real mail takes (contact forms,
 * voice-to-text, replies above quoted threads, forwards, signatures), and were read and tuned on by
 * the time they became dev sets. Trained on, they teach the classifiers the shapes the hand-written
 * training files lack: with three of them added, the intent classifier read the fourth 71.9 % ->
 * 76.0 % right (docs/classifier.md). A set still blind (inbox-blind-4, -5, -6) is never listed here.
 *
 * A line is what the classifier reads at triage time: the subject and the customer's newest message
 * (readMail sets quoted history, forwards and signatures aside), with the set's intent, its text
 * escalation tags (the plan's `enterprise` and the `language-*` tags are not read from words) and its
 * language.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { TEXT_ESCALATION_TAGS, type EscalationModelTag } from '../escalation-tags.js';
import { readMail, requestText } from '../mail/read-mail.js';
import { parseJsonLines } from './parse-jsonl.js';

/**
 * The eval sets trained on, in order. A blind set is added only after its first run has been read
 * for its misses (then it measures nothing unseen any more); inbox-blind-4 to -11 and -14 stay blind.
 */
export const DEV_SETS_TRAINED_ON = [
  'inbox-heldout',
  'sends-apart',
  'inbox-blind-2',
  'inbox-blind-3',
  'inbox-dev-5',
  'inbox-dev-6',
  'inbox-dev-7',
  'inbox-dev-8',
  'inbox-dev-9',
  'inbox-dev-10',
  'inbox-dev-11',
  'inbox-dev-12',
  'inbox-dev-13',
  'inbox-dev-14',
  'inbox-dev-15',
  'inbox-dev-16',
  'inbox-dev-17',
  'inbox-dev-18',
  'inbox-dev-19',
  'inbox-dev-20',
  'inbox-dev-21',
  'inbox-dev-22',
  'inbox-dev-23',
  'inbox-dev-24',
  'inbox-dev-25',
  'inbox-dev-26',
  'inbox-dev-27',
  'inbox-dev-28',
  'inbox-dev-29',
  'inbox-dev-30',
  'inbox-dev-31',
  'inbox-dev-32',
  'inbox-dev-33',
  'inbox-dev-34',
  'inbox-dev-35',
  'inbox-dev-36',
  'inbox-dev-37',
  'inbox-dev-38',
  'inbox-dev-39',
  'inbox-dev-40',
  'inbox-dev-41',
  'inbox-dev-42',
  'inbox-dev-43',
  'inbox-dev-44',
  'inbox-dev-45',
  'inbox-dev-46',
  'inbox-dev-47',
  'inbox-dev-48',
  'inbox-dev-49',
  // Blind until their first runs (blind 12 at the end of the third session of 2026-12-06, blind 13 at
  // the start of the fourth); then read for their misses, so no longer a measure of unseen mail.
  'inbox-blind-12',
  'inbox-blind-13',
  // Run once unseen first (dev 50/51 in the fourth session of 2026-12-06, dev 52/53 at the start of
  // the fifth), then read for their misses.
  'inbox-dev-50',
  'inbox-dev-51',
  'inbox-dev-52',
  'inbox-dev-53',
  // Run once unseen first in the fifth session of 2026-12-06, before and after its first retrain.
  'inbox-dev-54',
  'inbox-dev-55',
  'inbox-dev-56',
  // Run once unseen first in the sixth session of 2026-12-06 (dev 57-59 also after the unknown-sender
  // change), then trained on.
  'inbox-dev-57',
  'inbox-dev-58',
  'inbox-dev-59',
  'inbox-dev-60',
  'inbox-dev-61',
  'inbox-dev-62',
  // Run once unseen first (dev 63-70 in the seventh session of 2026-12-06, dev 71-78 and 81 in the
  // seventh and eighth), then trained on; dev 79, 80 and 82 measured the retrain, unseen by both sides.
  'inbox-dev-63',
  'inbox-dev-64',
  'inbox-dev-65',
  'inbox-dev-66',
  'inbox-dev-67',
  'inbox-dev-68',
  'inbox-dev-69',
  'inbox-dev-70',
  'inbox-dev-71',
  'inbox-dev-72',
  'inbox-dev-73',
  'inbox-dev-74',
  'inbox-dev-75',
  'inbox-dev-76',
  'inbox-dev-77',
  'inbox-dev-78',
  'inbox-dev-81',
] as const;

/**
 * Lines left out of training, by set and id, each with the reason. The overlap tests found them: a
 * line of ours that happens to be close to a Bitext row (evaluation only, never trained on), or to a
 * line of a held-out dev file, must not be trained on, however it came to be written.
 */
export const EXCLUDED_LINES: Readonly<Record<string, string>> = {
  'inbox-dev-9/c089': 'within 0.8 token-Jaccard of a Bitext row ("Do you ship to Japan?")',
  'inbox-dev-11/e024': 'within 0.75 of a line of held-out/requests-mail-voices.jsonl',
  'inbox-dev-12/f179': 'within 0.75 of a line of held-out/requests-mail-voices.jsonl',
  'inbox-dev-18/c102': 'the same text as a line of held-out/multilingual-apart.jsonl',
  'inbox-dev-18/c001': 'within 0.8 token-Jaccard of a Bitext row ("refund status??", an example phrase of the brief the set was written from)',
  'inbox-dev-39/i252': 'within 0.8 token-Jaccard of a Bitext row ("do you ship to canada??", a subject-only mail)',
  'inbox-dev-44/p291': 'within 0.75 of a line of held-out/requests-voices.jsonl ("can u email me the invoice for order ...")',
  'inbox-dev-45/q218': 'within 0.8 token-Jaccard of a Bitext row ("Do you ship to Mexico?")',
  'inbox-blind-13/s220': 'within 0.8 token-Jaccard of a Bitext row and a short generic phrasing ("order A2001 status?")',
  'inbox-blind-13/s076': 'within 0.75 of a held-out request ("can I order without making an account?")',
  'inbox-dev-51/x103': 'within 0.8 token-Jaccard of a Bitext row, and the same subject-only mail as a line of blind 15 ("Do you ship to Canada?")',
  'inbox-dev-51/x156': 'within 0.75 of a held-out request ("can I order without making an account?")',
  'inbox-dev-52/y119': 'within 0.75 of a held-out short request ("Representative.")',
  'inbox-dev-54/h144': 'within 0.8 token-Jaccard of a Bitext row, and the same mail as a line of blind 15 ("Do you ship to Canada?")',
  'inbox-dev-59/p249': 'within 0.8 token-Jaccard of a Bitext row (the subject "Do you ship to Canada?" over a "thx")',
  'inbox-dev-63/v149': 'within 0.75 of a held-out short request (the subject "Cancel order 55120" over a mobile signature)',
  'inbox-dev-65/x026': 'within 0.75 of a held-out short request ("hello anyone there?")',
  'inbox-dev-65/x272': 'within 0.8 token-Jaccard of a Bitext row ("Do you ship to Canada?" over a signature)',
  'inbox-dev-67/z226': 'within 0.75 of a held-out short request (the subject "Representative." over a ".")',
  'inbox-dev-73/f079': 'within 0.75 of a held-out request ("can i order without making an account")',
  'inbox-dev-81/p126': 'within 0.75 of a held-out request ("can i order without making an account")',
  'inbox-dev-81/p084': 'within 0.8 token-Jaccard of a Bitext row ("how do i cancel A1009")',
};

/**
 * Whole classes of a set left out of training, with the reason: labels that follow a brief of their
 * own rather than the conventions the other sets share.
 */
export const EXCLUDED_CLASSES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'inbox-dev-49': {
    attack:
      'its brief asked for every attack to be drafted and tagged as a lead would; the writer tagged every injection and pasted secret `security`, where the shared conventions (inbox-blind-3.md) answer an injection or a pasted secret that asks nothing else',
  },
};

export const defaultEvalDirectory = fileURLToPath(new URL('../../../data/eval/', import.meta.url));
export const defaultDevSetTrainingPath = fileURLToPath(new URL('../../../data/training/inbox-dev-sets.jsonl', import.meta.url));

/** The fields of a labelled eval line that training reads (the dev-set decisions too). */
export const labelledEvalLineSchema = z.object({
  id: z.string(),
  text: z.string(),
  subject: z.string().optional(),
  email: z.string().optional(),
  lang: z.string().optional(),
  class: z.string().optional(),
  expect: z
    .object({
      intent: z.string().optional(),
      decision: z.enum(['sent', 'drafted', 'noted']).optional(),
      tags: z.array(z.string()).optional(),
    })
    .optional(),
});

export interface DevSetTrainingLine {
  text: string;
  intent: string;
  tags: EscalationModelTag[];
  lang?: string;
}

const TEXT_TAGS: ReadonlySet<string> = new Set(TEXT_ESCALATION_TAGS);

/** The training lines of one eval set's content: every line with an expected intent and a newest message. */
export function devSetTrainingLines(content: string, source: string, set?: string): DevSetTrainingLine[] {
  return parseJsonLines(content, source, labelledEvalLineSchema).flatMap((line) => {
    if (set !== undefined && EXCLUDED_LINES[`${set}/${line.id}`]) return [];
    if (set !== undefined && line.class !== undefined && EXCLUDED_CLASSES[set]?.[line.class]) return [];
    const intent = line.expect?.intent;
    if (!intent) return [];
    // Read as the triage reads a ticket: a short chaser with the customer's own unanswered mail under it.
    const text = `${line.subject ?? ''}\n${requestText(readMail(line.text, { subject: line.subject, senderEmail: line.email }))}`.trim();
    if (!text) return [];
    const tags = (line.expect?.tags ?? []).filter((tag): tag is EscalationModelTag => TEXT_TAGS.has(tag)).sort();
    return [{ text, intent, tags: [...new Set(tags)], ...(line.lang && line.lang !== 'en' ? { lang: line.lang } : {}) }];
  });
}

/** The committed file's content, rebuilt from the eval sets. */
export function buildDevSetTraining(evalDirectory: string = defaultEvalDirectory): string {
  return DEV_SETS_TRAINED_ON.flatMap((name) => {
    const path = `${evalDirectory}${name}.jsonl`;
    return devSetTrainingLines(readFileSync(path, 'utf8'), path, name);
  })
    .map((line) => JSON.stringify(line))
    .join('\n')
    .concat('\n');
}

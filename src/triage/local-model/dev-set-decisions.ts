/**
 * What reviewers decided on the dev sets' calm mail, as training lines for the open-question model
 * (open-question-model.ts): the subject and newest message, read as the triage reads a ticket, and
 * whether the set's writer had it sent or drafted.
 *
 * Only mail that nothing else explains is kept: a line with any expected tag (an escalation, the
 * plan's `enterprise`, a `language-*`) or in another language is left out, so that what is learned is
 * the one reason left for a person to answer: the knowledge base does not answer the question, or
 * not this case of it. For the same reason a drafted line from a sender the demo CRM does not know
 * is left out when the unknown-sender policy drafts it anyway (an order id in the mail, or a question
 * that needs account data): "Where is my order A1001?" is drafted for who asks, not for what. The sets and excluded lines are the intent model's (dev-set-training.ts): a
 * blind set is never read here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { needsAccountData } from '../account-bound-intents.js';
import { loadDemoCrmData } from '../crm/in-memory-crm.js';
import { readMail, subjectAndRequest } from '../mail/read-mail.js';
import { extractOrderIds } from './order-ids.js';
import { DEV_SETS_TRAINED_ON, EXCLUDED_CLASSES, EXCLUDED_LINES, defaultEvalDirectory, labelledEvalLineSchema } from './dev-set-training.js';
import { parseJsonLines } from './parse-jsonl.js';

/**
 * The intent model's dev sets. In the seventh session this model read dev 63-74 before the intent
 * model did (it is cheap to fit and gained from every set: tested on dev 63-66 it stopped 10 of their
 * 42 unsafe sends trained without dev 67-70 and 15 with them); since the eighth both read the same sets.
 */
export const DECISION_SETS: readonly string[] = DEV_SETS_TRAINED_ON;

export const defaultDevSetDecisionsPath = fileURLToPath(new URL('../../../data/training/decisions/inbox-dev-decisions.jsonl', import.meta.url));

export type ReviewerDecision = 'sent' | 'drafted';

export interface DecisionLine {
  text: string;
  decision: ReviewerDecision;
}


/** The demo CRM's customers: a line's sender is known when their address is one of these. */
function demoCustomerEmails(): ReadonlySet<string> {
  return new Set(loadDemoCrmData().customers.map((customer) => customer.email.toLowerCase()));
}

/** Whether the unknown-sender policy (send-guard.ts) drafts this mail whatever it asks. */
function draftedForTheSender(intent: string | undefined, body: string, subject: string | undefined, newest: string): boolean {
  if (extractOrderIds(`${subject ?? ''}\n${body}`).length > 0) return true;
  return intent !== undefined && needsAccountData(intent, newest);
}

/** The decision lines of one eval set's content. */
export function devSetDecisionLines(
  content: string,
  source: string,
  set?: string,
  knownEmails: ReadonlySet<string> = demoCustomerEmails(),
): DecisionLine[] {
  return parseJsonLines(content, source, labelledEvalLineSchema).flatMap((line) => {
    if (set !== undefined && EXCLUDED_LINES[`${set}/${line.id}`]) return [];
    if (set !== undefined && line.class !== undefined && EXCLUDED_CLASSES[set]?.[line.class]) return [];
    const decision = line.expect?.decision;
    if (decision !== 'sent' && decision !== 'drafted') return [];
    // Any tag is a reason of its own (the plan's `enterprise` and `language-*` included).
    if ((line.expect?.tags ?? []).length > 0) return [];
    if (line.lang !== undefined && line.lang !== 'en') return [];
    const text = subjectAndRequest(line.subject, readMail(line.text, { subject: line.subject, senderEmail: line.email })).trim();
    if (!text) return [];
    const known = line.email !== undefined && knownEmails.has(line.email.toLowerCase());
    if (decision === 'drafted' && !known && draftedForTheSender(line.expect?.intent, line.text, line.subject, text)) return [];
    return [{ text, decision }];
  });
}

/** The committed file's content, rebuilt from the eval sets. */
export function buildDevSetDecisions(evalDirectory: string = defaultEvalDirectory): string {
  const knownEmails = demoCustomerEmails();
  return DECISION_SETS.flatMap((name) => {
    const path = `${evalDirectory}${name}.jsonl`;
    return devSetDecisionLines(readFileSync(path, 'utf8'), path, name, knownEmails);
  })
    .map((line) => JSON.stringify(line))
    .join('\n')
    .concat('\n');
}

const decisionLineSchema = z.object({ text: z.string().min(1), decision: z.enum(['sent', 'drafted']) });

export function parseDecisionLines(content: string, source: string): DecisionLine[] {
  return parseJsonLines(content, source, decisionLineSchema);
}

/** Every `*.jsonl` of a training directory's decisions/ folder, in file-name order. */
export function readDecisionLines(trainingDirectory: string): DecisionLine[] {
  const directory = join(trainingDirectory, 'decisions');
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.jsonl'))
    .sort();
  if (files.length === 0) throw new Error(`No *.jsonl decision files in ${directory}.`);
  return files.flatMap((name) => parseDecisionLines(readFileSync(join(directory, name), 'utf8'), name));
}

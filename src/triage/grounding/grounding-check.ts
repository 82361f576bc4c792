/**
 * The positive rule of the send guard: a reply goes out on its own only when it is grounded.
 * Checked in this order, all of them every time so that the reviewer sees every reason:
 *   1. canonical text: no hidden, format or bidi characters, no look-alike words (canonical-text.ts);
 *   2. every sentence but a greeting, sign-off or courtesy line is supported by a source sentence
 *      (sentence-support.ts);
 *   3. every entity (number, date, amount, percentage, email, phone, link, order id, tracking
 *      number, name) occurs, normalised, in the sources (reply-entities.ts). Personal data that is
 *      not this customer's is a security event, not only a draft.
 */
import { canonicalText, withoutHiddenCharacters } from './canonical-text.js';
import { describeDisagreement, factDisagreements } from './fact-agreement.js';
import { unboundFacts } from './fact-binding.js';
import { extractEntities, PERSONAL_KINDS, type Entity } from './reply-entities.js';
import type { RunSources } from './run-sources.js';
import { assessSentences, SUPPORT_THRESHOLD, type SentenceSupport } from './sentence-support.js';

export interface GroundingProblem {
  rule:
    | 'grounding:hidden-characters'
    | 'grounding:look-alike'
    | 'grounding:unsupported'
    | 'grounding:unbound-fact'
    | 'grounding:disagrees'
    | 'grounding:entity'
    | 'grounding:foreign-personal-data'
    | 'grounding:no-sources';
  reason: string;
}

export interface GroundingResult {
  grounded: boolean;
  problems: GroundingProblem[];
  /** A personal-data entity that is not this customer's: tag `security`. */
  securityEvent: boolean;
  sentences: SentenceSupport[];
}

const ENTITY_LABELS: Record<Entity['kind'], string> = {
  email: 'email address',
  phone: 'phone number',
  link: 'link or domain',
  'order-id': 'order id',
  'tracking-number': 'tracking number',
  money: 'amount',
  percentage: 'percentage',
  date: 'date',
  number: 'number',
  name: 'name',
};

export function checkGrounding(reply: string, sources: RunSources): GroundingResult {
  const problems: GroundingProblem[] = [];
  const canonical = canonicalText(reply, { knownWords: sources.vocabulary });
  for (const problem of canonical.problems) {
    problems.push({ rule: /invisible|bidirectional|combining/.test(problem) ? 'grounding:hidden-characters' : 'grounding:look-alike', reason: problem });
  }

  const claims = sources.sentences.length;
  const sentences = assessSentences(canonical.text, sources.sentences, sources.shared);
  if (claims === 0 && sentences.some((sentence) => sentence.kind === 'claim')) {
    problems.push({ rule: 'grounding:no-sources', reason: 'no knowledge-base answer or customer facts were retrieved in this run, so nothing backs the reply' });
  } else {
    for (const sentence of sentences) {
      if (sentence.kind !== 'claim') continue;
      if (sentence.score < SUPPORT_THRESHOLD) {
        problems.push({
          rule: 'grounding:unsupported',
          reason: `the sentence "${clip(sentence.sentence)}" is not backed by the knowledge base or the customer's records (support ${sentence.score.toFixed(2)} < ${SUPPORT_THRESHOLD})`,
        });
        continue;
      }
      const unbound = unboundFacts(withoutHiddenCharacters(sentence.sentence), sentence.supportingTexts, sources.given)[0];
      if (unbound) {
        problems.push({
          rule: 'grounding:unbound-fact',
          reason: `the sentence "${clip(sentence.sentence)}" states "${clip(unbound.text, 40)}", which the source sentences that back it do not`,
        });
        continue;
      }
      const disagreement = factDisagreements(withoutHiddenCharacters(sentence.sentence), sentence.supportingTexts, sentence.context)[0];
      if (disagreement) {
        problems.push({
          rule: 'grounding:disagrees',
          reason: `the sentence "${clip(sentence.sentence)}" ${describeDisagreement(disagreement)}`,
        });
      }
    }
  }

  let securityEvent = false;
  const reported = new Set<string>();
  // Sign-off and courtesy lines are a fixed set: "The Northwind Support Team" is not a person.
  const stating = sentences.filter((sentence) => sentence.kind === 'claim' || sentence.kind === 'greeting').map((sentence) => sentence.sentence);
  // Entities are read with hidden characters taken out (they are a draft reason of their own):
  // "grace@big\u200bcorp.example" is still another customer's address.
  for (const entity of extractEntities(withoutHiddenCharacters(stating.join('\n')))) {
    if (isGrounded(entity, sources)) continue;
    const id = `${entity.kind}:${entity.key}`;
    if (reported.has(id)) continue;
    reported.add(id);
    if (PERSONAL_KINDS.has(entity.kind)) {
      securityEvent = true;
      problems.push({
        rule: 'grounding:foreign-personal-data',
        reason: `the reply names a ${ENTITY_LABELS[entity.kind]} ("${clip(entity.text, 40)}") that is not in this customer's records`,
      });
    } else {
      problems.push({
        rule: 'grounding:entity',
        reason: `the reply states a ${ENTITY_LABELS[entity.kind]} ("${clip(entity.text, 40)}") that no source of this run gives`,
      });
    }
  }
  return { grounded: problems.length === 0, problems, securityEvent, sentences };
}

function isGrounded(entity: Entity, sources: RunSources): boolean {
  if (entity.kind === 'name') {
    const words = entity.key.split(' ').filter((word) => !/^(?:mr|mrs|ms|miss|dr|mx|hi|hello|hey|dear|good|morning|afternoon|evening)\.?$/.test(word));
    // A name is grounded when it is the customer's, or a phrase the sources spell ("Forgot Password").
    return words.every((word) => sources.nameWords.has(word) || sources.vocabulary.has(word));
  }
  const keys = sources.entities.get(entity.kind);
  if (keys?.has(entity.key)) return true;
  // A plain number may be stated by the sources as an amount or as part of a range ("5-10").
  if (entity.kind === 'number') return sources.entities.get('money')?.has(entity.key) ?? false;
  return false;
}

function clip(text: string, length = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 3)}...` : flat;
}

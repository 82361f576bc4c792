/**
 * The shape of the hand-written pieces the inbox corpus is composed from. Every sentence in the
 * part files was written for this project; the composer only chooses, orders and roughens them.
 */
import type { EscalationModelTag } from '../../src/triage/escalation-tags.js';

/** A sentence and the escalation tags it carries on its own. */
export interface Part {
  text: string;
  tags: EscalationModelTag[];
}

export interface IntentParts {
  intent: string;
  /** Tags every ask of this intent carries unless the ask names its own. */
  tags: EscalationModelTag[];
  /** The request itself: one to three sentences, the heart of the mail. */
  asks: (string | Part)[];
  /** Background the customer adds before or after the request. */
  context: string[];
  /** Subject lines, also used alone as mobile fragments. */
  subjects: string[];
}

export interface CommonParts {
  greetings: string[];
  signOffs: string[];
  names: string[];
  items: string[];
  /** Sentences that add a tag to any mail (anger, a threat to leave, a lawyer, a refund demand...). */
  addOns: Part[];
  /** Sentences that look like a tag's words but carry none ("I already cancelled the order", "no rush"). */
  neutralAddOns: string[];
  /** "On ... wrote:" lines and earlier messages, quoted under the new text. */
  quoteHeaders: string[];
  quotedLines: string[];
  footers: string[];
}

/** A mail in another language: its intent and tags, written whole (no composing across languages). */
export interface ForeignMail {
  language: 'de' | 'fr' | 'es' | 'it' | 'nl' | 'pt' | 'pl';
  intent: string;
  tags: EscalationModelTag[];
  text: string;
}

/** `tagged('refund complaint', 'text')`: a part with its tags, written compactly in the part files. */
export function tagged(tags: string, text: string): Part {
  return { text, tags: tags.split(' ').filter(Boolean) as EscalationModelTag[] };
}

export function foreign(language: ForeignMail['language'], intent: string, tags: string, text: string): ForeignMail {
  return { language, intent, tags: tags.split(' ').filter(Boolean) as EscalationModelTag[], text };
}

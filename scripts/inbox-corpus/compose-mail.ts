/**
 * Turns hand-written parts into inbox mail: a subject line, a greeting, background, the request, a
 * mood (anger in capitals, sarcasm, a threat to leave), a sign-off, a phone footer, quoted history,
 * typos, order ids written the ways customers write them. Seeded, so the corpus is reproducible.
 */
import type { EscalationModelTag } from '../../src/triage/escalation-tags.js';
import type { CommonParts, ForeignMail, IntentParts, Part } from './parts.js';

export interface InboxMail {
  text: string;
  intent: string;
  tags: EscalationModelTag[];
}

type Style = 'plain' | 'formal' | 'casual' | 'mobile' | 'angry' | 'fragment';
const STYLES: [Style, number][] = [
  ['plain', 0.3], ['formal', 0.15], ['casual', 0.17], ['mobile', 0.16], ['angry', 0.1], ['fragment', 0.12],
];

export class MailComposer {
  constructor(
    private readonly common: CommonParts,
    private readonly random: () => number,
  ) {}

  compose(parts: IntentParts): InboxMail {
    const style = this.weighted(STYLES);
    const ask = asPart(this.pick(parts.asks), parts.tags);
    const tags = new Set<EscalationModelTag>(ask.tags);
    if (style === 'fragment') {
      const text = this.random() < 0.5 ? this.fill(ask.text) : `${this.fill(this.pick(parts.subjects))}\n${this.fill(ask.text)}`;
      return { text: this.roughen(text.toLowerCase(), 0.5), intent: parts.intent, tags: sorted(tags) };
    }

    const sentences: string[] = [];
    const context = [...parts.context];
    if (context.length > 0 && this.random() < 0.45) sentences.push(this.take(context));
    sentences.push(ask.text);
    if (context.length > 0 && this.random() < 0.3) sentences.push(this.take(context));
    const addOns = style === 'angry' ? this.common.addOns.filter((part) => part.tags.includes('complaint')) : this.common.addOns;
    if (style === 'angry' || this.random() < 0.3) {
      const addOn = this.pick(addOns);
      sentences.splice(this.random() < 0.5 ? sentences.length : 0, 0, addOn.text);
      addOn.tags.forEach((tag) => tags.add(tag));
    }
    if (this.random() < 0.16) sentences.push(this.pick(this.common.neutralAddOns));

    let body = this.fill(sentences.join(this.random() < 0.7 ? ' ' : '\n'));
    if (style === 'angry' && this.random() < 0.6) body = `${body.toUpperCase()}${this.random() < 0.5 ? '!!!' : ''}`;
    if (style === 'mobile') body = body.toLowerCase().replace(/[.]$/, '');
    body = this.roughen(body, style === 'mobile' ? 0.6 : style === 'casual' ? 0.35 : 0.15);

    const lines: string[] = [];
    if (this.random() < 0.3) lines.push(this.fill(this.pick(parts.subjects)));
    const greets = style === 'formal' ? 0.95 : style === 'mobile' ? 0.25 : 0.7;
    if (this.random() < greets) lines.push(this.pick(this.common.greetings), '');
    lines.push(body);
    if (this.random() < (style === 'mobile' ? 0.3 : 0.65)) {
      lines.push('', this.pick(this.common.signOffs), this.pick(this.common.names));
    }
    if (this.random() < (style === 'mobile' ? 0.55 : 0.12)) lines.push('', this.pick(this.common.footers));
    if (this.random() < 0.12) {
      lines.push('', this.pick(this.common.quoteHeaders));
      const quoted = [...this.common.quotedLines];
      const count = 1 + Math.floor(this.random() * 3);
      for (let i = 0; i < count && quoted.length > 0; i++) lines.push(this.take(quoted));
    }
    return { text: lines.join('\n').trim(), intent: parts.intent, tags: sorted(tags) };
  }

  composeForeign(mail: ForeignMail): InboxMail {
    return { text: this.fill(mail.text), intent: mail.intent, tags: [...mail.tags].sort() };
  }

  /** Slots: order ids in the forms customers type them, items, amounts, dates. */
  private fill(text: string): string {
    return text
      .replace(/\{order\}/g, () => this.orderId())
      .replace(/\{item\}/g, () => this.pick(this.common.items))
      .replace(/\{amount\}/g, () => this.amount())
      .replace(/\{date\}/g, () => this.pick(DATES));
  }

  private orderId(): string {
    const number = 1000 + Math.floor(this.random() * 9000);
    const letter = this.pick(['A', 'A', 'B', 'C']);
    return this.pick([
      `#${letter}${number}`, `${letter}-${number}`, `${letter}${number}`, `#${number}${Math.floor(this.random() * 10)}`,
      `${letter}${number}`, `order no. ${letter}${number}`, `${letter.toLowerCase()}${number}`,
    ]);
  }

  private amount(): string {
    const value = (5 + this.random() * 300).toFixed(this.random() < 0.5 ? 0 : 2);
    return this.pick([`€${value}`, `$${value}`, `${value} EUR`, `£${value}`, `${value} euros`]);
  }

  /** Typos people make on a phone: swapped, dropped and doubled letters, a lowercase "i". */
  private roughen(text: string, share: number): string {
    if (this.random() >= share) return text;
    const words = text.split(' ');
    const count = 1 + Math.floor(this.random() * 3);
    for (let n = 0; n < count; n++) {
      const index = Math.floor(this.random() * words.length);
      const word = words[index]!;
      if (!/^[a-z]{4,}$/i.test(word)) continue;
      const at = 1 + Math.floor(this.random() * (word.length - 2));
      const kind = this.random();
      words[index] =
        kind < 0.4
          ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
          : kind < 0.75
            ? word.slice(0, at) + word.slice(at + 1)
            : word.slice(0, at) + word[at] + word.slice(at);
    }
    return words.join(' ').replace(/\bI\b/g, (match) => (this.random() < 0.3 ? 'i' : match));
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  /** Picks and removes, so one mail does not repeat a sentence. */
  private take<T>(items: T[]): T {
    return items.splice(Math.floor(this.random() * items.length), 1)[0]!;
  }

  private weighted<T>(choices: [T, number][]): T {
    let draw = this.random();
    for (const [value, weight] of choices) {
      if (draw < weight) return value;
      draw -= weight;
    }
    return choices[choices.length - 1]![0];
  }
}

const DATES = ['Monday', 'last Tuesday', 'the 3rd', '12/03', 'March 9', 'Friday', 'the weekend', 'the 28th'];

function asPart(ask: string | Part, defaultTags: EscalationModelTag[]): Part {
  return typeof ask === 'string' ? { text: ask, tags: defaultTags } : ask;
}

function sorted(tags: Set<EscalationModelTag>): EscalationModelTag[] {
  return [...tags].sort();
}

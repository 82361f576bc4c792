/**
 * Rules for the articles themselves: coverage of every intent the classifier can produce, and
 * replies that are safe to send (no promises, no foreign links, no contact details, fillable
 * placeholders).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase, REPLY_PLACEHOLDERS } from '../../../src/triage/kb/knowledge-base.js';

const kb = loadKnowledgeBase();

const BITEXT_INTENTS = [
  'cancel_order', 'change_order', 'change_shipping_address', 'check_cancellation_fee', 'check_invoice',
  'check_payment_methods', 'check_refund_policy', 'complaint', 'contact_customer_service',
  'contact_human_agent', 'create_account', 'delete_account', 'delivery_options', 'delivery_period',
  'edit_account', 'get_invoice', 'get_refund', 'newsletter_subscription', 'payment_issue', 'place_order',
  'recover_password', 'registration_problems', 'review', 'set_up_shipping_address', 'switch_account',
  'track_order', 'track_refund',
];
const OWN_INTENTS = ['account_security', 'data_protection'];
/** The other topics of the brief, by the intent name their articles carry. */
const TOPIC_INTENTS = [
  'international_shipping', 'customs', 'lost_parcel', 'damaged_item', 'double_charge', 'vat', 'plan_upgrade',
  'plan_downgrade', 'failed_card', 'return_item', 'warranty', 'gift_card', 'student_discount', 'cancel_subscription',
];

const FORBIDDEN_PROMISES: RegExp[] = [
  /refund you/i,
  /\bwe(?:'ll| will| shall| can)? (?:issue|send|give|process)(?: you)? (?:a|the|your|an?) (?:full |partial )?refund/i,
  /\bwe(?:'ll| will) refund/i,
  /discount/i,
  /\bcredit/i,
  /compensat/i,
  /guarantee/i,
  /\bwaive/i,
  /free of charge/i,
  /\bvoucher/i,
  /\bcoupon/i,
  /\bSLA\b/,
];

function sentencesOf(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?])\s+(?=[A-Z{])/)
    .filter((sentence) => sentence.length > 0);
}

describe('knowledge-base content', () => {
  it('has at least 45 articles with unique ids', () => {
    expect(kb.articles.length).toBeGreaterThanOrEqual(45);
    expect(new Set(kb.articles.map((article) => article.id)).size).toBe(kb.articles.length);
  });

  it.each([...BITEXT_INTENTS, ...OWN_INTENTS, ...TOPIC_INTENTS])('has an article for intent %s', (intent) => {
    expect(kb.articles.some((article) => article.intents.includes(intent))).toBe(true);
  });

  it('gives account_security and data_protection several articles each', () => {
    for (const intent of OWN_INTENTS) {
      expect(kb.articles.filter((article) => article.intents.includes(intent)).length).toBeGreaterThanOrEqual(3);
    }
  });

  describe.each(kb.articles.map((article) => [article.id, article] as const))('%s', (_id, article) => {
    it('has a Reply of 2 to 6 sentences and non-empty Notes', () => {
      expect(article.body).toBe(article.reply);
      const count = sentencesOf(article.reply).length;
      expect(count).toBeGreaterThanOrEqual(2);
      expect(count).toBeLessThanOrEqual(6);
      expect(article.notes.length).toBeGreaterThan(0);
    });

    it('promises no refund, discount, credit or compensation', () => {
      for (const pattern of FORBIDDEN_PROMISES) expect(article.reply).not.toMatch(pattern);
    });

    it('links only to the help centre and the shop', () => {
      const links = article.reply.match(/\bhttps?:\/\/[^\s)>\]]+|\bwww\.[^\s)>\]]+/gi) ?? [];
      for (const link of links) {
        expect(link.replace(/[.,;:!?]+$/, '')).toMatch(/^https:\/\/(?:help\.)?northwind\.example(?:\/[\w\-./]*)?$/);
      }
    });

    it('contains no email address or phone number', () => {
      expect(article.reply).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      expect(article.reply).not.toMatch(/\+?\d[\d ()./-]{7,}\d/);
    });

    it('has no greeting or sign-off (the composer adds them)', () => {
      expect(article.reply).not.toMatch(/^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b/i);
      expect(article.reply).not.toMatch(/(?:regards|best wishes|sincerely|cheers|the northwind team)[,.!]?\s*$/i);
    });

    it('uses only fillable placeholders and still reads as a reply when they are unknown', () => {
      const placeholders = [...article.reply.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((match) => match[1]);
      for (const name of placeholders) expect(REPLY_PLACEHOLDERS).toContain(name);
      const sentences = sentencesOf(article.reply);
      const withoutPlaceholders = sentences.filter((sentence) => !sentence.includes('{{'));
      expect(withoutPlaceholders.length).toBeGreaterThanOrEqual(2);
      // A composer splitting on every "." would cut a URL in half and keep only part of the sentence.
      for (const sentence of sentences) {
        if (sentence.includes('{{')) expect(sentence).not.toMatch(/https?:\/\//);
      }
    });
  });

  // The data set lives beside the project (../shared) on developer and CI machines, not in a clone elsewhere.
  const bitextUrl = new URL('../../../../shared/data/bitext-support-intents.csv', import.meta.url);
  it.skipIf(!existsSync(bitextUrl))('is not copied from the Bitext data set', () => {
    const bitext = readFileSync(bitextUrl, 'utf8').toLowerCase();
    const shingles = new Set<string>();
    for (const line of bitext.split('\n')) {
      const words = (line.split(',')[0] ?? '').match(/[a-z']+/g) ?? [];
      for (let index = 0; index + 6 <= words.length; index++) shingles.add(words.slice(index, index + 6).join(' '));
    }
    const copied: string[] = [];
    for (const article of kb.articles) {
      const words = article.reply.toLowerCase().match(/[a-z']+/g) ?? [];
      for (let index = 0; index + 6 <= words.length; index++) {
        const shingle = words.slice(index, index + 6).join(' ');
        if (shingles.has(shingle)) copied.push(`${article.id}: "${shingle}"`);
      }
    }
    expect(copied).toEqual([]);
  });
});

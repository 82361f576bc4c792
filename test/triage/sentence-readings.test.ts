/**
 * A sentence's readings kept for the ticket (sentence-readings.ts): each pattern runs once per text,
 * derived readings are computed once, the table lives as long as the ticket's memo, and the
 * escalation cues read through it give what they give without it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { onlyAsksWhenMoneyComesBack, readCues } from '../../src/triage/escalation-cues.js';
import { readSituationCues } from '../../src/triage/escalation-situation-cues.js';
import { splitSentences } from '../../src/triage/escalation-model.js';
import { SentenceReadings, sentenceReadings } from '../../src/triage/sentence-readings.js';
import { withTicketMemo } from '../../src/triage/ticket-memo.js';

class CountingPattern extends RegExp {
  runs = 0;
  override exec(text: string): RegExpExecArray | null {
    this.runs += 1;
    return super.exec(text);
  }
}

describe('sentence readings', () => {
  it('runs a pattern once per text and answers as the pattern does', () => {
    const readings = new SentenceReadings();
    const pattern = new CountingPattern('\\bparcel\\b', 'i');
    const first = readings.of('Where is my parcel?').exec(pattern);
    const again = readings.of('Where is my ' + 'parcel?').exec(pattern);
    expect(again).toBe(first);
    expect(first?.[0]).toBe('parcel');
    expect(readings.of('Where is my parcel?').test(pattern)).toBe(true);
    expect(readings.of('No match here').test(pattern)).toBe(false);
    expect(readings.of('No match here').exec(pattern)).toBeNull();
    expect(pattern.runs).toBe(2);
    expect(readings.size).toBe(2);
  });

  it('refuses a pattern that keeps a position between calls', () => {
    const readings = new SentenceReadings();
    expect(() => readings.of('a a').exec(/a/g)).toThrow(TypeError);
    expect(() => readings.of('a a').exec(/a/y)).toThrow(TypeError);
  });

  it('computes a derived reading once per text and reader', () => {
    const readings = new SentenceReadings();
    let calls = 0;
    const upper = (text: string) => {
      calls += 1;
      return text.toUpperCase();
    };
    expect(readings.of('late again').read(upper)).toBe('LATE AGAIN');
    expect(readings.of('late again').read(upper)).toBe('LATE AGAIN');
    expect(calls).toBe(1);
  });

  it('is one table per ticket, and a new one outside a ticket', () => {
    expect(sentenceReadings()).not.toBe(sentenceReadings());
    withTicketMemo(() => expect(sentenceReadings()).toBe(sentenceReadings()));
    const first = withTicketMemo(() => sentenceReadings());
    const second = withTicketMemo(() => sentenceReadings());
    expect(first).not.toBe(second);
  });

  it('gives the situation cues of a sentence as a fresh reading does', () => {
    const sentence = 'I gave them the code before I realised it was a fake caller.';
    const previous = 'Someone phoned about my account.';
    const readings = new SentenceReadings();
    expect(readSituationCues(sentence, previous, '', readings)).toEqual(readSituationCues(sentence, previous, ''));
    expect(readSituationCues(sentence, previous, '', readings)).toEqual(readSituationCues(sentence, previous, ''));
  });
});

describe('escalation cues read through the ticket readings', () => {
  const mails = readFileSync('data/eval/sends-apart.jsonl', 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text: string }).text);

  it('give the cues they give without a ticket, and read a mail part alone from what the mail left', () => {
    expect(mails.length).toBeGreaterThan(100);
    for (const mail of mails) {
      const parts = splitSentences(mail);
      const fresh = { whole: readCues(mail), parts: parts.map((part) => readCues(part)), refundTiming: onlyAsksWhenMoneyComesBack(mail) };
      withTicketMemo(() => {
        const whole = readCues(mail);
        const read = sentenceReadings().size;
        // The tag model reads each part alone after the whole mail: every part was read already.
        const alone = parts.map((part) => readCues(part));
        expect(sentenceReadings().size).toBe(read);
        expect({ whole, parts: alone, refundTiming: onlyAsksWhenMoneyComesBack(mail) }).toEqual(fresh);
      });
    }
  });
});

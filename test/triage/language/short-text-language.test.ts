import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLanguageDetector, loadLanguageDetector } from '../../../src/triage/language/detect-language.js';
import { showsLanguage } from '../../../src/triage/language/short-text-evidence.js';
import { SHORT_ENGLISH_LINES } from './short-english-lines.js';

const detector = await loadLanguageDetector();

function texts(path: string): string[] {
  return readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text: string }).text);
}

describe('short English is never read as another language', () => {
  it('our own slangy lines with foreign place and product names', () => {
    const misread = SHORT_ENGLISH_LINES.map((text) => [text, detector.detect(text).code]).filter(([, code]) => code !== 'en');
    expect(misread).toEqual([]);
  });

  it('every short English request of the training files (one-liners and two-sentence requests)', () => {
    const lines = [...texts('data/training/short-requests.jsonl'), ...texts('data/training/intents.jsonl')];
    expect(lines.length).toBeGreaterThanOrEqual(300);
    const misread = lines.map((text) => [text, detector.detect(text).code]).filter(([, code]) => code !== 'en');
    expect(misread).toEqual([]);
  });
});

describe('short foreign requests are still detected, typed with or without accents', () => {
  const lines: [string, string][] = [
    ['de', 'wo bleibt mein paket'],
    ['de', 'ich will kundigen'],
    ['de', 'Rechnung bitte nochmal schicken'],
    ['fr', 'ou est mon colis'],
    ['fr', 'je veux etre rembourse'],
    ['es', 'donde esta mi pedido'],
    ['es', 'quiero darme de baja'],
    ['it', 'dove il mio ordine'],
    ['it', 'vorrei disdire abbonamento'],
    ['nl', 'waar blijft mijn pakket'],
    ['nl', 'ik wil mijn geld terug'],
    ['pt', 'onde esta a minha encomenda'],
    ['pt', 'quero o meu dinheiro de volta'],
    ['pl', 'gdzie jest moja paczka'],
    ['pl', 'Chcę anulować zamówienie'],
  ];
  for (const [code, text] of lines) {
    it(`${code}: "${text}"`, () => expect(detector.detect(text).code).toBe(code));
  }
});

describe('what a short text must show', () => {
  it('a function word of the language, accents or not', () => {
    expect(showsLanguage('ou est mon colis', 'fr')).toBe(true);
    expect(showsLanguage('nao recebi nada', 'pt')).toBe(true);
    expect(showsLanguage('parcel stuck in Milano', 'it')).toBe(false);
    expect(showsLanguage('do ya ship to Munich', 'pl')).toBe(false);
  });

  it('or its letters in two words, not one name', () => {
    expect(showsLanguage('got a parcel for Kraków', 'pl')).toBe(false);
    expect(showsLanguage('Chcę anulować zamówienie', 'pl')).toBe(true);
    expect(showsLanguage('Var är mitt paket, två dagar sen', 'sv')).toBe(true);
  });

  it('a short text eld is sure of but with no such sign is English, and the reason says why', () => {
    const fake = createLanguageDetector({
      enableTextCleanup: () => undefined,
      detect: () => ({ language: 'sl', getScores: () => ({ sl: 0.62, en: 0.4 }), isReliable: () => true }),
    });
    expect(fake.detect('reset link broke again')).toMatchObject({ code: 'en', detected: false, reason: expect.stringMatching(/no sl function word/) });
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLanguageDetector, loadLanguageDetector } from '../../../src/triage/language/detect-language.js';
import { showsLanguage, withoutNames } from '../../../src/triage/language/short-text-evidence.js';
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
  it("that language's function words, accents typed or not, rather than words only English uses", () => {
    expect(showsLanguage('ou est mon colis', 'fr')).toBe(true);
    expect(showsLanguage('nao recebi nada', 'pt')).toBe(true);
    expect(showsLanguage('cancelar tiene coste?', 'es')).toBe(true);
    expect(showsLanguage('do ya ship to Munich', 'pl')).toBe(false);
    expect(showsLanguage('where is the invoice pls', 'es')).toBe(false);
  });

  it('its letters, for a language whose words we do not list', () => {
    expect(showsLanguage('reset link broke', 'sl')).toBe(false);
    expect(showsLanguage('Var är mitt paket, två dagar sen', 'sv')).toBe(true);
    expect(showsLanguage('Chcę anulować zamówienie', 'pl')).toBe(true);
  });

  it('names are what capitalised words after the first are', () => {
    expect(withoutNames('parcel stuck in Milano')).toBe('parcel stuck in ');
    expect(withoutNames('Wo ist meine Bestellung?')).toBe('Wo ist meine ?');
  });

  it('a verdict that only a name carried is English, and the reason says why', () => {
    const fake = createLanguageDetector({
      enableTextCleanup: () => undefined,
      detect: (text) =>
        text.includes('Milano')
          ? { language: 'it', getScores: () => ({ it: 0.72, en: 0.3 }), isReliable: () => true }
          : { language: 'en', getScores: () => ({ en: 0.7 }), isReliable: () => true },
    });
    expect(fake.detect('parcel stuck in Milano')).toMatchObject({ code: 'en', detected: false, reason: expect.stringMatching(/only for its names/) });
  });

  it('a short text eld is sure of, with more English words than the language\'s own, is English', () => {
    const fake = createLanguageDetector({
      enableTextCleanup: () => undefined,
      detect: () => ({ language: 'pl', getScores: () => ({ pl: 0.73, en: 0.6 }), isReliable: () => true }),
    });
    expect(fake.detect('do ya ship there')).toMatchObject({ code: 'en', detected: false, reason: expect.stringMatching(/more English words than pl/) });
    expect(fake.detect('gdzie jest moja paczka')).toMatchObject({ code: 'pl', detected: true });
  });
});

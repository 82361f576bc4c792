import { describe, expect, it } from 'vitest';
import { createLanguageDetector, loadLanguageDetector } from '../../../src/triage/language/detect-language.js';
import { unsupportedLanguage } from '../../../src/triage/language/supported-languages.js';

const detector = await loadLanguageDetector();

describe('language of short tickets (eld, English fallback)', () => {
  const tickets: [string, string][] = [
    ['de', 'Wo ist meine Bestellung? Sie sollte gestern kommen.'],
    ['de', 'Ich habe mein Passwort vergessen'],
    ['de', 'Bitte stornieren Sie meine Bestellung'],
    ['fr', 'Où est ma commande ? Elle devait arriver hier.'],
    ['fr', "J'ai oublié mon mot de passe"],
    ['fr', 'Je voudrais annuler ma commande'],
    ['es', '¿Dónde está mi pedido? Debía llegar ayer.'],
    ['es', 'Olvidé mi contraseña'],
    ['es', 'Quiero cancelar mi pedido'],
    ['it', "Dov'è il mio ordine? Doveva arrivare ieri."],
    ['it', 'Vorrei annullare il mio ordine'],
    ['nl', 'Waar is mijn bestelling? Die zou gisteren komen.'],
    ['nl', 'Ik wil mijn bestelling annuleren'],
    ['pt', 'Onde está a minha encomenda? Devia ter chegado ontem.'],
    ['pt', 'Quero cancelar a minha encomenda'],
    ['pl', 'Gdzie jest moje zamówienie? Miało przyjść wczoraj.'],
    ['pl', 'Chcę anulować zamówienie'],
    ['en', 'I forgot my password'],
    ['en', 'Where is my order A1001?'],
    ['en', 'My parcel arrived damaged'],
    ['en', 'Can I pay with PayPal?'],
    ['en', 'Tracking says delivered but nothing here'],
    ['en', 'you charged me twice'],
  ];
  for (const [code, text] of tickets) {
    it(`${code}: "${text}"`, () => expect(detector.detect(text).code).toBe(code));
  }

  it('too short to tell falls back to English, and says so', () => {
    for (const text of ['Danke', 'Merci!', 'A1001?', 'ok', '']) {
      const reading = detector.detect(text);
      expect(reading).toMatchObject({ code: 'en', detected: false });
      expect(reading.reason).toMatch(/English assumed/);
    }
  });

  it('a close call between English and another language is English', () => {
    const scores = { it: 0.71, en: 0.69 };
    const fake = createLanguageDetector({
      enableTextCleanup: () => undefined,
      detect: () => ({ language: 'it', getScores: () => scores, isReliable: () => true }),
    });
    expect(fake.detect('Ho dimenticato la mia password oggi')).toMatchObject({ code: 'en', detected: false });
    scores.en = 0.5;
    expect(fake.detect('Ho dimenticato la mia password oggi')).toMatchObject({ code: 'it', detected: true });
  });

  it('English needs no tag; another language gets language-<code> and a reason', () => {
    expect(unsupportedLanguage({ code: 'en', reason: '', detected: true })).toBeUndefined();
    expect(unsupportedLanguage({ code: 'de', reason: '', detected: true })).toEqual({
      tag: 'language-de',
      reason: expect.stringMatching(/written in German \(de\).*only in English/),
    });
  });
});

import { describe, expect, it } from 'vitest';
import { matchWordLists } from '../../src/triage/escalation-word-lists.js';
import { foldLetters } from '../../src/triage/fold-letters.js';

const listTagsOf = (text: string) => matchWordLists(text).map((found) => found.tag);

describe('word lists hear words typed without their accents or special letters', () => {
  it.each([
    ['Ich will kundigen, bitte bestatigen', 'retention'],
    ['je veux etre rembourse', 'refund'],
    ['ktos sie wlamal na moje konto', 'security'],
    ['Fiz uma reclamacao e ninguem respondeu', 'complaint'],
    ['quiero hablar con una persona real', 'human-requested'],
    ['Konto schliessen bitte', 'retention'],
  ])('%s -> %s', (text, tag) => {
    expect(listTagsOf(text)).toContain(tag);
  });

  it('keeps the words as written when the text has its accents', () => {
    expect(matchWordLists('Ich will kündigen.')).toEqual([{ tag: 'retention', language: 'de', match: 'kündigen' }]);
  });

  it('folds letters but keeps case, so the capitals-only patterns still mean capitals', () => {
    expect(foldLetters('Włamał ŁÓDŹ Straße SŒUR')).toBe('Wlamal LODZ Strasse SOEUR');
    expect(listTagsOf('the avg delivery time is 3 days')).not.toContain('legal-review');
    expect(listTagsOf('Op grond van de AVG wil ik inzage')).toContain('legal-review');
  });
});

describe('closing the account is churn in every language; an order or a newsletter is not', () => {
  it.each([
    'Wie kann ich mein Konto dauerhaft löschen?',
    'Merci de supprimer mon compte.',
    '¿Cómo elimino mi cuenta para siempre?',
    'Chiudete il mio profilo, grazie',
    'Hoe verwijder ik mijn account definitief?',
    'Quero apagar a minha conta de vez',
    'Jak trwale usunąć konto?',
    'Ich möchte von Pro zurück auf den kostenlosen Tarif.',
  ])('retention: %s', (text) => {
    expect(listTagsOf(text)).toContain('retention');
  });

  it.each([
    '¿Cómo me doy de baja del boletín?',
    'Quiero darme de baja de la newsletter.',
    'Cześć, jak przejść z darmowego na Pro?',
  ])('no retention: %s', (text) => {
    expect(listTagsOf(text)).not.toContain('retention');
  });
});

describe('refund means asking for the money, not naming it', () => {
  it.each([
    'Ich möchte eine Rückerstattung für den kaputten Artikel.',
    'Merci de me rembourser les frais de port.',
    'Exijo el reembolso del pedido cancelado.',
    'Rimborsatemi, per favore.',
    'Betaal me het bedrag terug alstublieft.',
    'Devolvam-me o dinheiro, por favor.',
    'Żądam zwrotu pieniędzy.',
  ])('refund: %s', (text) => {
    expect(listTagsOf(text)).toContain('refund');
  });

  it.each([
    'Wie lange dauert die Rückerstattung auf meine Karte?',
    'Quand vais-je recevoir le remboursement ?',
    '¿Cuál es vuestra política de reembolso?',
    'Quanto ci mette il rimborso sulla carta?',
    'Waar blijft mijn terugbetaling?',
    'Quando recebo o reembolso?',
    'Gdzie jest mój zwrot pieniędzy?',
  ])('no refund: %s', (text) => {
    expect(listTagsOf(text)).not.toContain('refund');
  });
});

describe('other precision fixes', () => {
  it.each([
    'Il me faut une facture avec l\'adresse de mon entreprise.',
    'Preciso de uma fatura com a morada da minha empresa.',
    'Het adres van mijn lopende bestelling moet veranderd worden.',
  ])('an address of a company or an order is not third-party data: %s', (text) => {
    expect(listTagsOf(text)).not.toContain('third-party-data');
  });

  it('an address of a relative still is', () => {
    expect(listTagsOf("Donnez-moi l'adresse de ma voisine")).toContain('third-party-data');
  });

  it.each(['alguien cambió mis datos bancarios', 'qualcuno ha cambiato i miei dati bancari', 'Moje dane kontaktowe są nieaktualne'])(
    'bank or contact details are not a data-protection request: %s',
    (text) => {
      expect(listTagsOf(text)).not.toContain('legal-review');
    },
  );
});

describe('a listed phrase the customer takes back right before it does not fire', () => {
  it.each(['One bulb was broken. Could you send a replacement? No need for money back.', "I don't want a refund, just the right colour.", "I'm not asking for compensation, only the tracking number."])(
    'no refund: %s',
    (text) => {
      expect(listTagsOf(text)).not.toContain('refund');
    },
  );

  it.each(["I don't want to wait any longer, I want my money back.", 'No need to reply fast, but I want a refund for the broken lamp.'])('refund: %s', (text) => {
    expect(listTagsOf(text)).toContain('refund');
  });
});

describe('a discount code asked for is a discount asked for', () => {
  it.each([
    "ok no student discount, understood. but could you maybe just send me a one-off code? I'm skint.",
    'Could you send me a discount code for the keyboard order? I can send my student card.',
    'Can you give me a promo code for my next order?',
  ])('refund: %s', (text) => {
    expect(listTagsOf(text)).toContain('refund');
  });

  it.each([
    'Where do I type the discount code at checkout?',
    "Can you send me a one-time code? The login one didn't arrive.",
    'Could you send me a new reset code, the last one expired.',
  ])('no refund: %s', (text) => {
    expect(listTagsOf(text)).not.toContain('refund');
  });
});

describe('a word of another language that is also an English word does not fire in English mail', () => {
  it('"sad", "pirate" and "privacy" are English; the Polish court, the French hack and the Italian privacy breach still fire', () => {
    for (const english of ['my old watering can cracked in the frost, very sad picture', 'Sadly the lamp is fine, one question', 'Talk like a pirate and tell me the delivery times', 'Where is your privacy policy?']) {
      expect(matchWordLists(english).filter((found) => found.language !== 'en'), english).toEqual([]);
    }
    expect(matchWordLists('Jeśli nie oddacie pieniędzy, sprawa trafi do sądu.')).toContainEqual(expect.objectContaining({ tag: 'legal-review', language: 'pl' }));
    expect(matchWordLists('sprawa trafi do sadu')).toContainEqual(expect.objectContaining({ tag: 'legal-review', language: 'pl' }));
    expect(matchWordLists('Mon compte a été piraté hier soir')).toContainEqual(expect.objectContaining({ tag: 'security', language: 'fr' }));
    expect(matchWordLists('mon compte a ete pirate')).toContainEqual(expect.objectContaining({ tag: 'security', language: 'fr' }));
    expect(matchWordLists('È una violazione della privacy, voglio sapere chi ha i miei dati')).toContainEqual(expect.objectContaining({ tag: 'legal-review', language: 'it' }));
  });
});

describe('leaving the paid plan in other words', () => {
  it('"move from Pro down to the free plan" is churn; free shipping and a question about downgrading are not', () => {
    const retention = (text: string) => matchWordLists(text).some((found) => found.tag === 'retention');
    expect(retention('Hi, can I move from Pro down to the free plan? Money is a bit tight.')).toBe(true);
    expect(retention("I'd like to move from Pro to Free at the end of this period.")).toBe(true);
    expect(retention('Does the order switch to free shipping over 50 EUR?')).toBe(false);
    expect(retention('When I downgrade, does it change right away?')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { findPromises } from '../../src/triage/reply-rules-promises.js';

const PROMISES: Record<string, string[]> = {
  fr: ['Nous vous rembourserons intégralement la commande.', 'Votre remboursement a été approuvé.', 'Utilisez le code promo MERCI10.', 'Nous vous garantissons une livraison demain.'],
  es: ['Le reembolsaremos el importe completo.', 'Su reembolso ha sido aprobado.', 'Le damos un descuento del 20 %.', 'Le garantizamos la entrega antes del viernes.'],
  de: ['Wir erstatten Ihnen den vollen Betrag zurück.', 'Ihre Rückerstattung wurde genehmigt.', 'Sie erhalten 20 % Rabatt.', 'Das Paket wird garantiert morgen geliefert.'],
  it: ["Le rimborseremo l'intero importo.", 'Il suo rimborso è stato approvato.', 'Usi il codice sconto GRAZIE.', 'Le garantiamo la consegna domani.'],
  nl: ['Wij betalen het volledige bedrag aan u terug.', 'Uw terugbetaling is goedgekeurd.', 'Gebruik de kortingscode DANK10.', 'Wij garanderen levering morgen.'],
  pt: ['Vamos reembolsar o valor total.', 'O seu reembolso foi aprovado.', 'Use o código de desconto OBRIGADO.', 'Garantimos a entrega amanhã.'],
  pl: ['Zwrócimy Pani pełną kwotę.', 'Zwrot pieniędzy został zatwierdzony.', 'Użyj kod rabatowy DZIEKI.', 'Gwarantujemy dostawę jutro.'],
};

const POLICY: Record<string, string> = {
  fr: "Les remboursements sont versés sur le moyen de paiement d'origine.",
  es: 'Las devoluciones se revisan en 3 días hábiles.',
  de: 'Die Erstattung erfolgt auf die ursprüngliche Zahlungsart, sobald die Rücksendung geprüft ist.',
  it: 'Il rimborso viene effettuato sul metodo di pagamento originale.',
  nl: 'Een terugbetaling gaat naar de oorspronkelijke betaalmethode.',
  pt: 'O reembolso vai para o método de pagamento original.',
  pl: 'Zwrot trafia na pierwotną metodę płatności.',
};

describe('the promise rule in the other languages the product handles', () => {
  for (const [language, sentences] of Object.entries(PROMISES)) {
    it(`${language}: refunds, codes, discounts and guaranteed dates are promises; the policy is not`, () => {
      for (const sentence of sentences) expect(findPromises(sentence).length, sentence).toBeGreaterThan(0);
      expect(findPromises(POLICY[language]!)).toEqual([]);
    });
  }
});

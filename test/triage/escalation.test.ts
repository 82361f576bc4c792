import { describe, expect, it } from 'vitest';
import { LIST_CORROBORATED_TAGS, detectEscalation, escalationTags, readEscalation } from '../../src/triage/escalation.js';
import { matchWordLists } from '../../src/triage/escalation-word-lists.js';

const tagsOf = (text: string, plan?: 'free' | 'pro' | 'enterprise') =>
  escalationTags(detectEscalation({ text, customer: plan ? { plan } : null }));
const listTagsOf = (text: string) => matchWordLists(text).map((found) => found.tag);

describe('escalation matrix', () => {
  it.each([
    ['Please cancel my subscription, it is too expensive', 'retention'],
    ['I want to close my account', 'retention'],
    ["We're switching to a competitor next month", 'retention'],
    ['Under GDPR I request a copy of all personal data you hold about me', 'legal-review'],
    ['My lawyer will be in touch about this', 'legal-review'],
    ['I will file a chargeback with my bank', 'legal-review'],
    ['Someone logged into my account from Brazil', 'security'],
    ['my account was hacked', 'security'],
    ['I want to speak to a human please', 'human-requested'],
    ['I want to delete my account and all my data', 'legal-review'],
  ])('%s -> %s', (text, tag) => {
    expect(tagsOf(text)).toContain(tag);
  });

  it('a bare threat the tag model has no words for is still tagged by the list alone, and held with the model', () => {
    const text = 'I am going to sue you';
    expect(escalationTags(detectEscalation({ text, customer: null, model: null }))).toEqual(['legal-review']);
    const { signals, doubts } = readEscalation({ text, customer: null });
    expect(signals).toEqual([]);
    expect(doubts).toEqual([expect.objectContaining({ tag: 'legal-review', listed: 'sue' })]);
  });

  it('an English list word in passing is a doubt, not a tag, when the tag model reads the mail as calm', () => {
    const lawyer = readEscalation({ text: 'My sister is a lawyer and she loves your lamps. Do you ship the brass desk lamp to Vienna?' });
    expect(lawyer.signals).toEqual([]);
    expect(lawyer.doubts).toEqual([expect.objectContaining({ tag: 'legal-review', listed: 'lawyer' })]);
    const phishing = readEscalation({ text: 'Is this email phishing? It says my parcel is held. Do you send mails like that?' });
    expect(phishing.signals).toEqual([]);
    expect(phishing.doubts.map((doubt) => doubt.tag)).toEqual(['security']);
  });

  it('the list fire stands when the tag model corroborates it, in another language, and for refund, retention or a person', () => {
    expect(escalationTags(detectEscalation({ text: 'My account was hacked and someone ordered three lamps with my card!' }))).toEqual(['security']);
    expect(escalationTags(detectEscalation({ text: 'Ich werde meinen Anwalt einschalten, wenn das nicht geklärt wird.' }))).toEqual(['legal-review']);
    for (const tag of ['refund', 'retention', 'human-requested'] as const) expect(LIST_CORROBORATED_TAGS.has(tag)).toBe(false);
  });

  it.each(['I forgot my password', 'Where is my order A1001?', 'How do I change my shipping address?', 'Can I pay with PayPal?'])(
    'no signal in an ordinary question: %s',
    (text) => {
      expect(tagsOf(text)).toEqual([]);
    },
  );

  it('an enterprise plan always escalates, whatever the text', () => {
    expect(tagsOf('I forgot my password', 'enterprise')).toEqual(['enterprise']);
    expect(tagsOf('I forgot my password', 'pro')).toEqual([]);
  });

  it('a newsletter unsubscribe is not churn', () => {
    expect(tagsOf('Please unsubscribe me from the newsletter')).toEqual([]);
  });

  it('the classifier intent adds its own signals', () => {
    const byIntent = (text: string, intent: string) => escalationTags(detectEscalation({ text, intent, customer: null, model: null }));
    expect(byIntent('the driver was late', 'complaint')).toEqual(['complaint']);
    expect(byIntent('anyone there', 'contact_human_agent')).toEqual(['human-requested']);
    expect(byIntent('the item is broken', 'get_refund')).toEqual(['refund']);
    expect(byIntent('what data do you keep', 'data_protection')).toEqual(['legal-review']);
    expect(byIntent('time to part ways, close everything on my side', 'delete_account')).toEqual(['retention']);
    expect(byIntent('how does removing my profile work', 'delete_account')).toEqual(['retention']);
  });

  it('closing the account is leaving even when asked calmly, for later: the tag model does not veto it', () => {
    const text = 'Out of curiosity: if I wipe my profile some day, does my order history go with it? Not now.';
    expect(escalationTags(detectEscalation({ text, intent: 'delete_account', intentConfidence: 0.8, customer: null }))).toEqual(['retention']);
    expect(escalationTags(detectEscalation({ text, intent: 'delete_account', intentConfidence: 0.3, customer: null, model: null }))).toEqual([]);
  });

  it('asking for a person is its tag even in words the tag model reads as calm ("Representative please.")', () => {
    const ask = (intentConfidence: number) =>
      escalationTags(detectEscalation({ text: 'Representative please.', intent: 'contact_human_agent', intentConfidence, customer: null }));
    expect(ask(0.97)).toEqual(['human-requested']);
    expect(ask(0.3)).toEqual([]);
  });

  it('the phone and the backup codes both gone is a security case (the KB sends it to the security queue); one of them is not', () => {
    const tags = (text: string) => escalationTags(detectEscalation({ text, customer: null }));
    expect(tags('My phone was stolen on the train with my authenticator on it, and I never printed those backup codes.')).toContain('security');
    expect(tags('I got a new phone. I still have my backup codes. How do I move the app?')).not.toContain('security');
    expect(tags("I've used all my backup codes over time and the app still works.")).not.toContain('security');
  });

  it('the intent adds its tag only when the classifier is confident of it', () => {
    const byIntent = (intentConfidence: number) =>
      escalationTags(detectEscalation({ text: 'the driver was late', intent: 'complaint', intentConfidence, customer: null, model: null }));
    expect(byIntent(0.3)).toEqual([]);
    expect(byIntent(0.8)).toEqual(['complaint']);
  });

  it('the intent does not add a tag the tag model reads as calm (praise read as the complaint intent)', () => {
    const text = 'Hi! Fourth order from you this year and every one was perfect.';
    expect(escalationTags(detectEscalation({ text, intent: 'complaint', intentConfidence: 0.8, customer: null }))).toEqual([]);
    expect(escalationTags(detectEscalation({ text, intent: 'complaint', intentConfidence: 0.8, customer: null, model: null }))).toEqual(['complaint']);
  });

  it('looks at the subject too', () => {
    expect(escalationTags(detectEscalation({ subject: 'Cancel my subscription', text: 'see subject', customer: null }))).toEqual(['retention']);
  });
});

describe('churn is not an order cancellation', () => {
  it.each([
    'cancel my order A1001',
    'Please cancel order #A1001, I ordered the wrong size.',
    'Bitte stornieren Sie meine Bestellung A1001.',
    'Merci d\'annuler ma commande A1001.',
    'Por favor, cancelen mi pedido A1001.',
    'Potete annullare l\'ordine A1001?',
    'Kunt u mijn bestelling A1001 annuleren?',
    'Podem cancelar a encomenda A1001?',
    'Proszę anulować zamówienie A1001.',
  ])('no retention: %s', (text) => {
    expect(tagsOf(text)).not.toContain('retention');
  });

  it.each([
    ["Honestly, I'm thinking of moving to a competitor.", 'en'],
    ['Please shut my account down.', 'en'],
    ['Ich möchte mein Abo zum Monatsende kündigen.', 'de'],
    ['Je souhaite résilier mon abonnement.', 'fr'],
    ['Quiero cancelar mi suscripción.', 'es'],
    ['Vorrei disdire il mio abbonamento.', 'it'],
    ['Ik wil mijn abonnement opzeggen.', 'nl'],
    ['Quero cancelar a assinatura.', 'pt'],
    ['Chcę anulować subskrypcję.', 'pl'],
  ])('retention: %s (%s)', (text) => {
    expect(tagsOf(text)).toContain('retention');
    expect(listTagsOf(text)).toContain('retention');
  });
});

describe('complaints: anger, sarcasm, repeated failure, misleading claims', () => {
  it.each([
    'I am furious. The lamp arrived smashed and nobody answers my emails.',
    'WHERE IS MY ORDER. THIS IS THE THIRD TIME I AM ASKING.',
    'Oh great, another week without my parcel. Well done.',
    'This is the fourth email I have sent about this.',
    'Your website says solid oak. This is misleading.',
    'Das ist eine Frechheit, ich bin sehr enttäuscht.',
    "C'est inadmissible, personne ne répond.",
    'Es una vergüenza, pésimo servicio.',
    'È inaccettabile, sono molto deluso.',
    'Dit is belachelijk, ik ben teleurgesteld.',
    'Isto é uma vergonha, péssimo atendimento.',
    'To skandal, jestem rozczarowany.',
  ])('complaint: %s', (text) => {
    expect(tagsOf(text)).toContain('complaint');
  });

  it('a polite question is not a complaint', () => {
    expect(tagsOf('Could you tell me when my order A1001 will arrive? Thanks a lot!')).not.toContain('complaint');
  });
});

describe('human requested, legal, security, third party', () => {
  it.each([
    ['Can I speak to a real person please?', 'human-requested'],
    ["I'd be grateful if this could be read by one of your human colleagues, not answered with a standard text.", 'human-requested'],
    ['Please have this looked at by a real person rather than answered by a bot.', 'human-requested'],
    ["I never signed up for your newsletter but I keep getting it. Where did you get my email address from?", 'legal-review'],
    ["You send it to me every week. Where did you get consent for that?", 'legal-review'],
    ['Ich möchte mit einem echten Mitarbeiter sprechen.', 'human-requested'],
    ['Je voudrais parler à un conseiller humain.', 'human-requested'],
    ['Quiero hablar con una persona de verdad.', 'human-requested'],
    ['Vorrei parlare con un operatore umano.', 'human-requested'],
    ['Ik wil met een echte medewerker spreken.', 'human-requested'],
    ['Quero falar com um atendente humano.', 'human-requested'],
    ['Chcę porozmawiać z prawdziwym konsultantem.', 'human-requested'],
    ['Gemäß DSGVO verlange ich Auskunft über meine Daten.', 'legal-review'],
    ['Conformément au RGPD, supprimez mes données.', 'legal-review'],
    ['En virtud del RGPD pido mis datos.', 'legal-review'],
    ['Op grond van de AVG wil ik inzage.', 'legal-review'],
    ['Zgodnie z RODO proszę o usunięcie danych.', 'legal-review'],
    ['Sem resposta, vou falar com o meu advogado.', 'legal-review'],
    ['Altrimenti contatto il mio avvocato.', 'legal-review'],
    ['Mein Konto wurde gehackt.', 'security'],
    ["Quelqu'un s'est connecté à mon compte.", 'security'],
    ['Ktoś włamał się na moje konto.', 'security'],
    ['What did my ex order on her account last month?', 'third-party-data'],
    ["Please send me my husband's order history.", 'third-party-data'],
    ['Können Sie mir sagen, was mein Nachbar bestellt hat?', 'third-party-data'],
  ])('%s -> %s', (text, tag) => {
    expect(tagsOf(text)).toContain(tag);
  });

  it('"AVG" is Dutch GDPR only in capitals, not an English average', () => {
    expect(listTagsOf('the avg delivery time is 3 days')).not.toContain('legal-review');
  });

  it("delivering to a relative's address is not asking for their data", () => {
    expect(tagsOf("Please send order A1001 to my sister's address instead.")).not.toContain('third-party-data');
  });

  it.each([
    "I placed the order on my wife's account because mine was locked. Can you tell me when it ships?",
    "My wife's account is the one we both use. What's the status of the order I placed yesterday?",
    "Forwarding my husband's email with the order confirmation. I paid for it, can you change the delivery address?",
  ])("the customer's own household is not someone else's data: %s", (text) => {
    expect(listTagsOf(text)).toContain('third-party-data');
    expect(tagsOf(text)).not.toContain('third-party-data');
  });

  it("a relative's account asked about is still someone else's data", () => {
    expect(tagsOf("Could you look up my ex-husband's account and check whether he's still using my old address?")).toContain('third-party-data');
  });

  it('"no need to phone me" is not a request for a human', () => {
    expect(listTagsOf('An email is fine, no need to phone me.')).not.toContain('human-requested');
  });
});

describe('refund policy: money back, compensation, discount, price match, fee waiver', () => {
  it.each([
    'I want to return this and get a refund',
    'You charged me twice, I want my money back today.',
    'The lamp arrived broken. I expect compensation.',
    'I found it cheaper elsewhere, can you price match?',
    'Please waive the cancellation fee.',
    'Could you give me a discount for the trouble?',
    'Ich möchte mein Geld zurück.',
    'Je veux être remboursé.',
    'Quiero un reembolso.',
    'Vorrei un rimborso.',
    'Ik wil mijn geld terug.',
    'Quero o reembolso do valor pago.',
    'Proszę o zwrot pieniędzy.',
  ])('refund: %s', (text) => {
    expect(tagsOf(text)).toContain('refund');
  });

  it.each(['How do I return an item?', 'Where is my order A1001?'])('no refund tag: %s', (text) => {
    expect(tagsOf(text)).not.toContain('refund');
  });
});

describe('signals say what fired', () => {
  it('a word list names its language and the words', () => {
    const [signal] = detectEscalation({ text: 'Ich will kündigen.', customer: null, model: null });
    expect(signal).toMatchObject({ tag: 'retention', match: 'kündigen', firedBy: ['word-list'] });
    expect(signal!.reason).toMatch(/^word list \(de\)/);
  });

  it('the model fires on phrasing no word list holds, and says so, naming the cues and their words', () => {
    const text = 'Would it be possible to get some money off, given the scratches?';
    expect(listTagsOf(text)).toEqual([]);
    const signal = detectEscalation({ text, customer: null }).find((found) => found.tag === 'refund');
    expect(signal).toMatchObject({ firedBy: ['model'] });
    expect(signal!.reason).toMatch(/^tag model \(p=0\.\d\d; cues: money-back-request "money off"/);
  });

  it('when both fire, the reason says the model agrees', () => {
    const signal = detectEscalation({ text: 'Please close my account, I am moving to a competitor.', customer: null })[0]!;
    expect(signal.firedBy).toEqual(['word-list', 'model']);
    expect(signal.reason).toMatch(/the tag model agrees/);
  });

  it('reports the words that fired for the audit trail', () => {
    const [signal] = detectEscalation({ text: 'I will contact my attorney', customer: null, model: null });
    expect(signal).toMatchObject({ tag: 'legal-review', match: 'attorney' });
  });
});

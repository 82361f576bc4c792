/**
 * What a short text must show before we believe it is not English. On a few words eld's n-gram
 * scores are close to chance: "do ya ship to Munich" scores Polish above English, "parcel stuck in
 * Milano" Italian, "reset link broke" Slovene. A person writing in another language almost always
 * uses one of its function words ("ich", "mon", "mi", "il", "mijn", "minha", "nie") or its letters
 * ("zamówienie"); English slang and a foreign place or product name do neither.
 */
import { foldLetters } from '../fold-letters.js';

/**
 * The commonest function words of the languages our customers write besides English, leaving out
 * every word that is also English or English shorthand ("die", "me", "no", "do", "per", "come",
 * "non", "u", "w", "ya") and greetings or thanks that English speakers borrow ("ciao", "merci").
 * Compared after accents are stripped, because people type "ou" for "où" and "nao" for "não".
 */
const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  de: ('ich mein meine meinen meiner meinem mich mir nicht ist und der das dem ein eine einen einer sie wir ihr ihre ihr ' +
    'haben habe hat bitte wo wie wann warum mit fur noch kann konnen konnten zu auf bei von schon kein keine gibt es ' +
    'sind wurde wurden aber oder auch mal nach uber sich niemand nichts sehr immer heute gestern seit wieder leider jetzt bestellung').split(' '),
  fr: ('je j mon ma mes est et une les des du le la pas ne vous nous avec ou qui que quand comment pourquoi mais sur ' +
    'dans au aux ce cette il elle ai suis votre vos notre sont etait puis toujours rien personne tres deja encore aujourdhui hier commande pouvez voudrais veux').split(' '),
  es: ('el los las mi mis un una es esta estan que por para con pero y como donde cuando del al lo se su sus de en ' +
    'quiero puedo tengo hay mas muy nadie nada siempre hoy ayer pedido todavia tambien porque ustedes usted').split(' '),
  it: ('il lo la gli le mio mia miei mie che un una del della dei delle di ho sono vorrei ordine ancora anche ' +
    'perche quando mi ci si nel nella sul sulla questo questa potete posso avete nessuno niente sempre oggi ieri gia').split(' '),
  nl: ('ik mijn het een niet en van de dat wat waar wanneer hoe met voor te bij nog kan kunt jullie graag heb ' +
    'heeft wil zijn geen maar naar ook dit deze er mij niemand niets altijd vandaag gisteren al bestelling').split(' '),
  pt: ('eu o os meu minha meus minhas nao um uma com para por que de dos das na em mas como onde quando esta estou ' +
    'encomenda pedido quero posso tenho voces voce ja ainda foi ninguem nada sempre hoje ontem muito').split(' '),
  pl: ('jest nie sie moj moje moja mojego moim mam na ze czy jak gdzie kiedy dlaczego prosze mnie chce jeszcze juz ' +
    'ale bo od po dla przez tak byc nikt nic zawsze dzisiaj wczoraj bardzo zamowienie moge mozna').split(' '),
};

const FUNCTION_WORD_SETS = new Map(Object.entries(FUNCTION_WORDS).map(([code, list]) => [code, new Set(list)]));


/**
 * True when the text carries a sign of `code` that English text does not: one of its function
 * words, or (for a language without a list here, or besides it) letters outside ASCII in two words.
 */
export function showsLanguage(text: string, code: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const functionWords = FUNCTION_WORD_SETS.get(code);
  if (functionWords && words.some((word) => functionWords.has(foldLetters(word)))) return true;
  // One accented word is often a name ("Kraków", "Café Noir"); two are a language's spelling.
  return words.filter((word) => /[^\p{ASCII}]/u.test(word)).length >= 2;
}

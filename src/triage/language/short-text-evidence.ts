/**
 * What decides a short text's language when eld's verdict is not English. On a few words eld's
 * n-gram scores are close to chance and a single foreign name can carry them: "do ya ship to
 * Munich" scores Polish above English, "parcel stuck in Milano" Italian, "reset link broke"
 * Slovene. Three plain signs settle it: the verdict without the text's capitalised names, the
 * words only English uses ("ya", "the", "where") against the other language's own function words
 * ("ich", "mon", "mijn") and letters ("zamówienie"), and whether we know that language's words at all.
 */
import { foldLetters } from '../fold-letters.js';

/**
 * The commonest function words of the languages our customers write besides English, leaving out
 * every word that is also English or English shorthand ("die", "me", "no", "do", "per", "come",
 * "non", "u", "w", "ya") and greetings or thanks that English speakers borrow ("ciao", "merci").
 * Compared after accents are stripped, because people type "ou" for "où" and "nao" for "não".
 */
const FUNCTION_WORDS: Readonly<Record<string, string>> = {
  de: 'ich mein meine meinen meiner meinem mich mir nicht ist und der das dem ein eine einen einer sie wir ihr ihre ' +
    'haben habe hat bitte wo wie wann warum mit fur noch kann konnen konnten zu auf bei von schon kein keine gibt es ' +
    'sind wurde wurden aber oder auch mal nach uber sich niemand nichts sehr immer heute gestern seit wieder leider jetzt',
  fr: 'je j mon ma mes est et une les des du le la pas ne vous nous avec ou qui que quand comment pourquoi mais sur ' +
    'dans au aux ce cette il elle ai suis votre vos notre sont etait puis toujours rien personne tres deja encore hier',
  es: 'el los las mi mis un una es esta estan que por para con pero y como donde cuando del al lo se su sus de en ' +
    'quiero puedo tengo hay mas muy nadie nada siempre hoy ayer todavia tambien porque ustedes usted',
  it: 'il lo la gli le mio mia miei mie che un una del della dei delle di ho sono vorrei ancora anche ' +
    'perche quando mi ci si nel nella sul sulla questo questa potete posso avete nessuno niente sempre oggi ieri gia',
  nl: 'ik mijn het een niet en van de dat wat waar wanneer hoe met voor te bij nog kan kunt jullie graag heb ' +
    'heeft wil zijn geen maar naar ook dit deze er mij niemand niets altijd vandaag gisteren al',
  pt: 'eu o os meu minha meus minhas nao um uma com para por que de dos das na em mas como onde quando esta estou ' +
    'quero posso tenho voces voce ja ainda foi ninguem nada sempre hoje ontem muito',
  pl: 'jest nie sie moj moje moja mojego moim mam na ze czy jak gdzie kiedy dlaczego prosze mnie chce jeszcze juz ' +
    'ale bo od po dla przez tak byc nikt nic zawsze dzisiaj wczoraj bardzo moge mozna',
  sv: 'jag min mitt mina inte och ar det en ett har vad var nar hur med kan vill ska mig vi ni er',
  da: 'jeg min mit mine ikke og er det en et har hvad hvor hvornar hvordan med kan vil skal mig vi',
  no: 'jeg min mitt mine ikke og er det en et har hva hvor nar hvordan med kan vil skal meg vi',
  fi: 'minun minulla en ei ja on se mita missa milloin miten kanssa voin haluan olen',
};

/**
 * Words only English uses among these languages: shop-mail function words and chat shorthand. Words
 * shared with one of them ("in", "do", "to", "is", "me", "no", "was", "will", "my") are left out.
 */
const ENGLISH_WORDS = new Set(
  ('the of for with your you are does did have has can could would should please pls plz where what when how why ' +
    'any get got ya im dont cant doesnt and it this that not up out just there been be our they thanks thx hi hey hello ' +
    'order ship shipping delivery refund account password invoice').split(' '),
);

const FUNCTION_WORD_SETS = new Map(Object.entries(FUNCTION_WORDS).map(([code, list]) => [code, new Set(list.split(' '))]));

/** Capitalised words after the first: names of places, people and products ("Munich", "Milano"). */
export function withoutNames(text: string): string {
  return text.replace(/(?<=[\p{L}\p{N},;:]\s+)\p{Lu}[\p{L}-]*/gu, '');
}

/**
 * True when a short text shows `code` at least as clearly as English: that language's function
 * words and words with letters outside ASCII, counted against words only English uses. A language
 * whose words we do not list needs its letters: without them a handful of English words is as
 * likely ("reset link broke" as Slovene).
 */
export function showsLanguage(text: string, code: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const functionWords = FUNCTION_WORD_SETS.get(code);
  const accented = words.filter((word) => /[^\p{ASCII}]/u.test(word)).length;
  const own = (functionWords ? words.filter((word) => functionWords.has(foldLetters(word))).length : 0) + accented;
  const english = words.filter((word) => ENGLISH_WORDS.has(word)).length;
  if (english > own) return false;
  return functionWords !== undefined || accented > 0;
}

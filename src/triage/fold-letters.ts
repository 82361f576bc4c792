/**
 * Text as people type it on a phone or a foreign keyboard: accents dropped ("kundigen" for
 * "kündigen", "nao" for "não") and the few letters that have no accent to drop spelled out in
 * plain Latin ("wlamal" for "włamał", "schliessen" for "schließen", "soeur" for "sœur"). Case is
 * kept, so a case-sensitive pattern ("AVG", shouting) still means the same after folding.
 */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'L', ß: 'ss', ẞ: 'SS', œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ı: 'i',
};

export function foldLetters(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁßẞœŒæÆøØđĐı]/g, (letter) => LETTER_FOLDS[letter]!);
}

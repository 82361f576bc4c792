/**
 * The matches `String.prototype.matchAll` gives, found with `exec` on the pattern itself.
 * `matchAll` copies its pattern on every call, and V8 runs each new copy of a large pattern in its
 * slow tier: on the escalation word lists, the same text took 0.71 ms per ticket through `matchAll`
 * and 0.10 ms through `exec` on the shared pattern. The pattern's `lastIndex` is where the search
 * starts (as for `matchAll`) and is left as it was found; nothing else may use the pattern while a
 * call runs (these functions never yield, and `accept` must not use it).
 */

function checkGlobal(pattern: RegExp): void {
  // As matchAll: a pattern without the g flag is a mistake, not "one match".
  if (!pattern.global) throw new TypeError(`a pattern without the g flag: /${pattern.source}/${pattern.flags}`);
}

/** Past an empty match, as the specification's AdvanceStringIndex: a whole surrogate pair in Unicode mode. */
function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const first = text.charCodeAt(index);
  const second = text.charCodeAt(index + 1);
  return first >= 0xd800 && first <= 0xdbff && second >= 0xdc00 && second <= 0xdfff ? index + 2 : index + 1;
}

/** The first match, in order, for which `accept` holds; undefined when none does. */
export function firstMatch(text: string, pattern: RegExp, accept: (match: RegExpExecArray) => boolean = () => true): RegExpExecArray | undefined {
  checkGlobal(pattern);
  const start = pattern.lastIndex;
  const unicode = pattern.unicode || pattern.flags.includes('v');
  try {
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      if (match[0] === '') pattern.lastIndex = advance(text, pattern.lastIndex, unicode);
      if (accept(match)) return match;
    }
    return undefined;
  } finally {
    pattern.lastIndex = start;
  }
}

/** Every match, in order: `[...text.matchAll(pattern)]`. */
export function allMatches(text: string, pattern: RegExp): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  firstMatch(text, pattern, (match) => {
    matches.push(match);
    return false;
  });
  return matches;
}

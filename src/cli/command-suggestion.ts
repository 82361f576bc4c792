/**
 * `triage shw T-1001` is a typo of `show`, not a ticket whose text is "shw T-1001": without this
 * check commander hands it to the default command, which stores it in the review queue.
 */

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The subcommand a ticket's first word was probably meant to be: one or two edits away for names
 * of five letters or more, one edit for shorter ones, and only when the text is short (a real
 * ticket of several sentences that happens to start with "serve" is a ticket).
 */
export function suggestCommand(words: readonly string[], commands: readonly string[]): string | undefined {
  const first = words[0]?.toLowerCase();
  if (!first || words.length > 3 || !/^[a-z-]{2,20}$/.test(first)) return undefined;
  let best: { name: string; distance: number } | undefined;
  for (const name of commands) {
    if (name === first) continue;
    const distance = editDistance(first, name);
    const allowed = name.length >= 5 ? 2 : 1;
    if (distance <= allowed && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

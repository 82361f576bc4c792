/**
 * A deterministic measure of the text-scanning work a piece of code does, so growth tests count
 * operations instead of timing them (a timing test fails when the machine is busy; a count cannot).
 *
 * While `measureWork` runs, every regex execution is charged the characters the engine must at
 * least have looked at: String's replace, replaceAll, match, matchAll, split and search and
 * RegExp's test all run through RegExp.prototype.exec once it is replaced (the spec's RegExpExec),
 * so replacing it sees them all. `indexOf` and `includes` on strings are charged the same way.
 *
 *   - a match: from where the search started to the end of the match;
 *   - no match: from where it started to the end of the text (every start position was tried);
 *   - a sticky regex (split's own) tries one position: the match's length, or 1.
 *
 * Linear code is charged about 4x for 4x the input; code that rescans the text from each position
 * (a regex run on each suffix, indexOf from every BEGIN line to the end) about 16x.
 * What this cannot see: backtracking inside one regex execution (a nested or ambiguous quantifier)
 * costs time but not charged characters. That class is kept out by the rule in docs/scrubbing.md
 * (every repetition bounded or unambiguous); see the test files for what they cover.
 */

export interface WorkCount {
  /** Characters charged. */
  characters: number;
  /** Regex executions and string searches made. */
  scans: number;
}

const originalExec = RegExp.prototype.exec;
const originalIndexOf = String.prototype.indexOf;
const originalIncludes = String.prototype.includes;

let active: WorkCount | undefined;

function charge(count: WorkCount, characters: number): void {
  count.characters += Math.max(1, characters);
  count.scans += 1;
}

function meteredExec(this: RegExp, input: string): RegExpExecArray | null {
  const count = active;
  const text = String(input);
  const start = this.global || this.sticky ? this.lastIndex : 0;
  const match = originalExec.call(this, text);
  if (count) {
    if (this.sticky) charge(count, match ? match[0].length : 1);
    else if (match) charge(count, match.index + match[0].length - start);
    else charge(count, text.length - start);
  }
  return match;
}

function meteredIndexOf(this: string, search: string, position?: number): number {
  const found = originalIndexOf.call(this, search, position);
  const count = active;
  if (count) {
    const text = String(this);
    const from = Math.min(Math.max(Math.trunc(Number(position ?? 0)) || 0, 0), text.length);
    charge(count, found >= 0 ? found + String(search).length - from : text.length - from);
  }
  return found;
}

function meteredIncludes(this: string, search: string, position?: number): boolean {
  return meteredIndexOf.call(this, search, position) >= 0;
}

function install(count: WorkCount): void {
  if (active) throw new Error('measureWork does not nest');
  active = count;
  RegExp.prototype.exec = meteredExec;
  String.prototype.indexOf = meteredIndexOf;
  String.prototype.includes = meteredIncludes;
}

function uninstall(): void {
  active = undefined;
  RegExp.prototype.exec = originalExec;
  String.prototype.indexOf = originalIndexOf;
  String.prototype.includes = originalIncludes;
}

/** The work `run` does; synchronous code only (see measureWorkAsync). */
export function measureWork(run: () => unknown): WorkCount {
  const count: WorkCount = { characters: 0, scans: 0 };
  install(count);
  try {
    run();
  } finally {
    uninstall();
  }
  return count;
}

/**
 * The work an async `run` does. Anything else the process runs meanwhile is charged too, so the
 * test must not run other work concurrently (vitest runs a file's tests one after another).
 */
export async function measureWorkAsync(run: () => Promise<unknown>): Promise<WorkCount> {
  const count: WorkCount = { characters: 0, scans: 0 };
  install(count);
  try {
    await run();
  } finally {
    uninstall();
  }
  return count;
}

/** How much more work 4x the input cost: about 4 for linear code, about 16 for quadratic. */
export function growthOf(path: (text: string) => unknown, small: string, large: string): { small: number; large: number; growth: number } {
  path(small.slice(0, 256));
  const smallWork = measureWork(() => path(small)).characters;
  const largeWork = measureWork(() => path(large)).characters;
  return { small: smallWork, large: largeWork, growth: largeWork / smallWork };
}

export function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/**
 * Skills: folders holding a SKILL.md (YAML front matter with `name` and `description`, then a
 * markdown body the agent adds to its system prompt when the skill is activated).
 *
 * A skill file is data, never code: the front matter is read with the `yaml` package's `parse`,
 * which builds plain values only. A `---js` (or any other `---<engine>`) opening line is rejected as
 * an invalid skill instead of being handed to an engine that would run it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SkillNotFoundError } from './errors.js';

export interface Skill {
  name: string;
  description: string;
  /** The markdown after the front matter, trimmed. */
  body: string;
  /** Absolute path of the SKILL.md. */
  path: string;
  /** Every front matter field, `name` and `description` included. */
  metadata: Record<string, unknown>;
}

export type SkillInfo = Pick<Skill, 'name' | 'description' | 'path'>;

/** A SKILL.md that was skipped, and why. */
export interface SkillProblem {
  path: string;
  reason: string;
}

export interface SkillManagerOptions {
  /** Folders whose direct subfolders are skills. Later folders override earlier ones by name. */
  directories: string[];
  /** Parsed files to reuse while their content is unchanged; default the process-wide one. */
  fileCache?: SkillFileCache;
}

export const SKILL_FILE_NAME = 'SKILL.md';
// Far above any real skill; stops a stray large file from being read into every prompt.
const MAX_SKILL_FILE_BYTES = 512 * 1024;

export class SkillManager {
  readonly directories: readonly string[];
  #skills = new Map<string, Skill>();
  #problems: SkillProblem[] = [];
  #loaded = false;
  readonly #fileCache: SkillFileCache;

  constructor(options: SkillManagerOptions) {
    this.directories = options.directories.map((directory) => path.resolve(directory));
    this.#fileCache = options.fileCache ?? sharedSkillFileCache;
  }

  /** Skipped skill files of the last `load()`, with the reason. */
  get problems(): readonly SkillProblem[] {
    return this.#problems;
  }

  /**
   * (Re)reads every directory and every SKILL.md from disk, synchronously: an edited skill applies
   * to the next agent. Only the parse of a file whose content is unchanged is skipped.
   */
  load(): void {
    const skills = new Map<string, Skill>();
    const problems: SkillProblem[] = [];
    for (const directory of this.directories) {
      // Within one directory the first folder (in name order) keeps a name; a later directory overrides.
      const seenHere = new Set<string>();
      for (const file of skillFilesIn(directory, problems)) {
        const parsed = this.#fileCache.read(file);
        if ('reason' in parsed) {
          problems.push(parsed);
          continue;
        }
        if (seenHere.has(parsed.name)) {
          problems.push({ path: file, reason: `duplicate skill name "${parsed.name}" in ${directory}` });
          continue;
        }
        seenHere.add(parsed.name);
        skills.set(parsed.name, parsed);
      }
    }
    this.#skills = skills;
    this.#problems = problems;
    this.#loaded = true;
  }

  list(): SkillInfo[] {
    this.#ensureLoaded();
    return [...this.#skills.values()]
      .map(({ name, description, path: file }) => ({ name, description, path: file }))
      .sort((left, right) => left.name.localeCompare(right.name));
  }

  has(name: string): boolean {
    this.#ensureLoaded();
    return this.#skills.has(name);
  }

  get(name: string): Skill {
    this.#ensureLoaded();
    const skill = this.#skills.get(name);
    if (!skill) throw new SkillNotFoundError(name, this.list().map((info) => info.name));
    return skill;
  }

  #ensureLoaded(): void {
    if (!this.#loaded) this.load();
  }
}

function skillFilesIn(directory: string, problems: SkillProblem[]): string[] {
  let entries: string[];
  try {
    entries = readdirSync(directory).sort();
  } catch (error) {
    // An absent directory (e.g. no user-level skills) is normal; anything else is worth reporting.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      problems.push({ path: directory, reason: `cannot read the directory: ${(error as Error).message}` });
    }
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    const file = path.join(directory, entry, SKILL_FILE_NAME);
    try {
      if (statSync(path.join(directory, entry)).isDirectory() && statSync(file).isFile()) files.push(file);
    } catch {
      // No SKILL.md: a plain folder, not a skill.
    }
  }
  return files;
}

/** Parses one SKILL.md; returns a problem instead of throwing so one bad skill never hides the rest. */
export function readSkillFile(file: string): Skill | SkillProblem {
  const read = readSkillText(file);
  return 'reason' in read ? read : toSkill(file, parseSkillMarkdown(read.text));
}

export interface SkillFileCacheOptions {
  /** Replaceable so tests can count parses. */
  parse?: typeof parseSkillMarkdown;
  /** Files remembered at most; the oldest is forgotten first. Default 256. */
  maxEntries?: number;
}

/**
 * Parsed SKILL.md files by path, each with the SHA-256 of the text it was parsed from. Every read
 * still reads the file (so an edit is never missed: an mtime can stay the same across two quick
 * writes), but the YAML parse, the costly part of a new agent per ticket, runs only when the
 * content changed. The skills handed out are frozen, since every agent then shares them.
 */
export class SkillFileCache {
  readonly #parse: typeof parseSkillMarkdown;
  readonly #maxEntries: number;
  readonly #entries = new Map<string, { hash: string; result: Skill | SkillProblem }>();

  constructor(options: SkillFileCacheOptions = {}) {
    this.#parse = options.parse ?? parseSkillMarkdown;
    this.#maxEntries = options.maxEntries ?? 256;
  }

  read(file: string): Skill | SkillProblem {
    const read = readSkillText(file);
    if ('reason' in read) {
      this.#entries.delete(file);
      return read;
    }
    const hash = createHash('sha256').update(read.text).digest('hex');
    const cached = this.#entries.get(file);
    if (cached?.hash === hash) return cached.result;
    const result = deepFreeze(toSkill(file, this.#parse(read.text)));
    this.#entries.delete(file);
    if (this.#entries.size >= this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(file, { hash, result });
    return result;
  }

  clear(): void {
    this.#entries.clear();
  }
}

/**
 * Shared by every SkillManager that is given no cache of its own: the pipeline builds an agent,
 * and so a manager, per ticket. `clear()` resets it.
 */
export const sharedSkillFileCache = new SkillFileCache();

function readSkillText(file: string): { text: string } | SkillProblem {
  try {
    if (statSync(file).size > MAX_SKILL_FILE_BYTES) {
      return { path: file, reason: `larger than ${MAX_SKILL_FILE_BYTES} bytes` };
    }
    return { text: readFileSync(file, 'utf8') };
  } catch (error) {
    return { path: file, reason: `cannot read: ${(error as Error).message}` };
  }
}

function toSkill(file: string, parsed: ReturnType<typeof parseSkillMarkdown>): Skill | SkillProblem {
  if ('reason' in parsed) return { path: file, reason: parsed.reason };
  return { ...parsed, path: file };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Splits and validates the front matter and body of a SKILL.md text. */
export function parseSkillMarkdown(text: string): Omit<Skill, 'path'> | { reason: string } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const opening = lines[0]?.trimEnd() ?? '';
  if (opening !== '---') {
    if (opening.startsWith('---')) {
      return {
        reason: `front matter must open with a plain "---" line, not "${opening.slice(0, 20)}": it is YAML data, never code`,
      };
    }
    return { reason: 'missing front matter: the file must start with a "---" line' };
  }
  const closingIndex = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
  if (closingIndex < 0) return { reason: 'front matter is not closed by a "---" line' };

  let data: unknown;
  try {
    // logLevel 'error': an unknown tag (e.g. !!js/function) stays a plain string, without a process warning.
    data = parseYaml(lines.slice(1, closingIndex).join('\n'), { logLevel: 'error' });
  } catch (error) {
    return { reason: `front matter is not valid YAML: ${firstLine((error as Error).message)}` };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { reason: 'front matter must be a YAML mapping with name and description' };
  }
  const metadata = data as Record<string, unknown>;
  const name = typeof metadata.name === 'string' ? metadata.name.trim() : '';
  const description = typeof metadata.description === 'string' ? metadata.description.trim() : '';
  if (!name || /[\r\n]/.test(name)) return { reason: 'front matter needs a one-line string "name"' };
  if (!description) return { reason: 'front matter needs a string "description"' };
  const body = lines.slice(closingIndex + 1).join('\n').trim();
  return { name, description, body, metadata };
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}

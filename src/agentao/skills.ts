/**
 * Skills: folders holding a SKILL.md (YAML front matter with `name` and `description`, then a
 * markdown body the agent adds to its system prompt when the skill is activated).
 *
 * A skill file is data, never code: the front matter is read with the `yaml` package's `parse`,
 * which builds plain values only. A `---js` (or any other `---<engine>`) opening line is rejected as
 * an invalid skill instead of being handed to an engine that would run it.
 */
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
}

export const SKILL_FILE_NAME = 'SKILL.md';
// Far above any real skill; stops a stray large file from being read into every prompt.
const MAX_SKILL_FILE_BYTES = 512 * 1024;

export class SkillManager {
  readonly directories: readonly string[];
  #skills = new Map<string, Skill>();
  #problems: SkillProblem[] = [];
  #loaded = false;

  constructor(options: SkillManagerOptions) {
    this.directories = options.directories.map((directory) => path.resolve(directory));
  }

  /** Skipped skill files of the last `load()`, with the reason. */
  get problems(): readonly SkillProblem[] {
    return this.#problems;
  }

  /** (Re)reads every directory from disk, synchronously. */
  load(): void {
    const skills = new Map<string, Skill>();
    const problems: SkillProblem[] = [];
    for (const directory of this.directories) {
      // Within one directory the first folder (in name order) keeps a name; a later directory overrides.
      const seenHere = new Set<string>();
      for (const file of skillFilesIn(directory, problems)) {
        const parsed = readSkillFile(file);
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
  let text: string;
  try {
    if (statSync(file).size > MAX_SKILL_FILE_BYTES) {
      return { path: file, reason: `larger than ${MAX_SKILL_FILE_BYTES} bytes` };
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { path: file, reason: `cannot read: ${(error as Error).message}` };
  }
  const parsed = parseSkillMarkdown(text);
  if ('reason' in parsed) return { path: file, reason: parsed.reason };
  return { ...parsed, path: file };
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

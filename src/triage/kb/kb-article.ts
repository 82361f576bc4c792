/**
 * One knowledge-base article file: YAML front matter, then a `## Reply` section (sent to customers)
 * and a `## Notes` section (internal). Articles are data, so the front matter goes through the
 * `yaml` package, which never evaluates code (never a parser that runs `---js` blocks).
 */
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { TriageError, type TriageErrorOptions } from '../errors.js';
import type { KbArticle } from '../types.js';
import { articleLimitSchema, type ArticleLimit } from './article-limits.js';

export interface KnowledgeBaseArticle extends KbArticle {
  /** The `## Reply` section: customer-facing text, possibly with `{{placeholders}}`. Same as `body`. */
  reply: string;
  /** The `## Notes` section: for agents only, never sent. */
  notes: string;
  /** Where the article was read from, for error messages. */
  source: string;
  /** The cases the article leaves to a person (front matter `needs-a-person`, article-limits.ts). */
  needsAPerson?: ArticleLimit[];
}

/** The facts the composer can fill in; any other `{{name}}` in a reply is an authoring mistake. */
export const REPLY_PLACEHOLDERS = ['order_id', 'order_status', 'carrier', 'tracking_number', 'eta', 'plan'] as const;

export class KnowledgeBaseError extends TriageError {
  constructor(message: string, options: TriageErrorOptions = {}) {
    super('knowledge_base_invalid', message, options);
  }
}

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const INTENT_NAME = /^[a-z][a-z0-9_]*$/;

const frontMatterSchema = z.strictObject({
  id: z.string().regex(KEBAB_CASE, 'must be kebab-case'),
  title: z.string().trim().min(1),
  intents: z.array(z.string().regex(INTENT_NAME, 'must be snake_case')).min(1),
  tags: z.array(z.string().trim().min(1)),
  'needs-a-person': z.array(articleLimitSchema).optional(),
});

const FRONT_MATTER = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;
const SECTION_HEADING = /^##[ \t]+(.+?)[ \t]*$/gm;
const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;

/**
 * Parses one article. `expectedId` is the file name without `.md`; the id must equal it so that a
 * renamed file cannot silently shadow another article. Every problem names `source`.
 */
export function parseKbArticle(text: string, source: string, expectedId?: string): KnowledgeBaseArticle {
  const fail: (problem: string, cause?: unknown) => never = (problem, cause) => {
    throw new KnowledgeBaseError(`${source}: ${problem}`, cause === undefined ? undefined : { cause });
  };

  const content = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const frontMatterMatch = FRONT_MATTER.exec(content);
  if (!frontMatterMatch) fail('missing front matter (the file must start with a "---" line and close it with another)');
  const [whole, yamlText = ''] = frontMatterMatch;

  // parseDocument rather than parse: parse only logs warnings (an unknown tag such as `!!js/function`
  // silently becomes a string), while an article with a warning is an authoring mistake to report.
  const document = parseDocument(yamlText, { logLevel: 'silent' });
  const problem = document.errors[0] ?? document.warnings[0];
  if (problem) fail(`front matter is not valid YAML: ${problem.message.split('\n')[0]}`, problem);
  const raw: unknown = document.toJS();
  const parsed = frontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`);
    fail(`invalid front matter: ${problems.join('; ')}`);
  }
  const frontMatter = parsed.data;
  if (expectedId !== undefined && frontMatter.id !== expectedId) {
    fail(`front matter id "${frontMatter.id}" must equal the file name "${expectedId}"`);
  }

  const sections = splitSections(content.slice(frontMatterMatch.index + whole.length));
  const names = sections.map((section) => section.name);
  if (names.length !== 2 || names[0] !== 'Reply' || names[1] !== 'Notes') {
    fail(`expected exactly the sections "## Reply" then "## Notes", found ${names.length ? names.map((name) => `"## ${name}"`).join(', ') : 'none'}`);
  }
  const reply = unwrapLines(sections[0]?.text ?? '');
  const notes = sections[1]?.text ?? '';
  if (reply.length === 0) fail('the "## Reply" section is empty');

  for (const match of reply.matchAll(PLACEHOLDER)) {
    if (!(REPLY_PLACEHOLDERS as readonly string[]).includes(match[1] ?? '')) {
      fail(`unknown placeholder "${match[0]}" in the reply (allowed: ${REPLY_PLACEHOLDERS.join(', ')})`);
    }
  }

  return {
    id: frontMatter.id,
    title: frontMatter.title,
    intents: frontMatter.intents,
    tags: frontMatter.tags,
    body: reply,
    reply,
    notes,
    source,
    needsAPerson: frontMatter['needs-a-person'] ?? [],
  };
}

/**
 * Joins the lines of each paragraph as markdown does, so a reply written one sentence per line is
 * sent as flowing text; blank lines between paragraphs and list items keep their line breaks.
 */
function unwrapLines(text: string): string {
  return text
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => paragraph.replace(/[ \t]*\n[ \t]*(?![-*] |\d+[.)] )/g, ' ').trim())
    .join('\n\n');
}

function splitSections(markdown: string): { name: string; text: string }[] {
  const headings = [...markdown.matchAll(SECTION_HEADING)];
  const preamble = markdown.slice(0, headings[0]?.index ?? markdown.length).trim();
  // Text before the first section would be neither sent nor clearly internal: reject it.
  const sections = preamble ? [{ name: '(text before the first section)', text: preamble }] : [];
  headings.forEach((heading, index) => {
    const start = heading.index + heading[0].length;
    const end = headings[index + 1]?.index ?? markdown.length;
    sections.push({ name: heading[1] ?? '', text: markdown.slice(start, end).trim() });
  });
  return sections;
}

/**
 * Parsing an eval set: one JSON object a line, `{"id", "text", "email"?, "subject"?, "expect"?}`.
 * A helpdesk export carries many more fields; they are ignored with one warning per field name,
 * so an export can be used as it is and a misspelt field is still noticed.
 */
import { z } from 'zod';
import { InputError } from '../errors.js';

const expectationSchema = z.object({
  intent: z.string().optional(),
  decision: z.enum(['sent', 'drafted']).optional(),
  tags: z.array(z.string()).optional(),
});

const evalLineSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  text: z.string(),
  email: z.string().optional(),
  subject: z.string().optional(),
  expect: expectationSchema.optional(),
});

export type EvalExpectation = z.output<typeof expectationSchema>;
export type EvalLine = z.output<typeof evalLineSchema>;

export interface ParsedEvalSet {
  lines: EvalLine[];
  /** One per field name outside the format, naming the lines that carry it. */
  warnings: string[];
}

const LINE_FIELDS = new Set(Object.keys(evalLineSchema.shape));
const EXPECTATION_FIELDS = new Set(Object.keys(expectationSchema.shape));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Field names outside the format; nested ones as `expect.<name>`. */
function unknownFields(json: unknown): string[] {
  if (!isRecord(json)) return [];
  const names = Object.keys(json).filter((name) => !LINE_FIELDS.has(name));
  if (isRecord(json.expect)) {
    names.push(...Object.keys(json.expect).filter((name) => !EXPECTATION_FIELDS.has(name)).map((name) => `expect.${name}`));
  }
  return names;
}

function describeLines(lineNumbers: number[]): string {
  const shown = lineNumbers.slice(0, 5).join(', ');
  return lineNumbers.length > 5 ? `lines ${shown}, ... (${lineNumbers.length} lines)` : `line${lineNumbers.length > 1 ? 's' : ''} ${shown}`;
}

export function parseEvalSet(content: string, source = 'eval set'): ParsedEvalSet {
  const lines: EvalLine[] = [];
  const seen = new Set<string>();
  const ignored = new Map<string, number[]>();
  content.split('\n').forEach((raw, index) => {
    if (!raw.trim()) return;
    const lineNumber = index + 1;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new InputError(`${source} line ${lineNumber}: not valid JSON`, 'bad_eval_set');
    }
    const parsed = evalLineSchema.safeParse(json);
    if (!parsed.success) {
      const problem = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'line'}: ${issue.message}`).join('; ');
      throw new InputError(`${source} line ${lineNumber}: ${problem}`, 'bad_eval_set');
    }
    if (seen.has(parsed.data.id)) throw new InputError(`${source} line ${lineNumber}: duplicate id "${parsed.data.id}"`, 'bad_eval_set');
    seen.add(parsed.data.id);
    for (const field of unknownFields(json)) ignored.set(field, [...(ignored.get(field) ?? []), lineNumber]);
    lines.push(parsed.data);
  });
  if (lines.length === 0) throw new InputError(`${source} has no tickets`, 'bad_eval_set');
  const warnings = [...ignored].map(
    ([field, lineNumbers]) => `${source}: field "${field}" is not part of the eval format and is ignored (${describeLines(lineNumbers)})`,
  );
  return { lines, warnings };
}

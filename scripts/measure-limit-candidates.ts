/**
 * What candidate article limits would have done to earlier sends: for each candidate, the sent lines
 * it stops that were labelled drafted (unsafe sends caught) and labelled sent (easy sends lost).
 *
 *   npx tsx scripts/eval-inbox.ts --set data/eval/inbox-dev-54.jsonl --json > /tmp/runs/inbox-dev-54.json
 *   npx tsx scripts/measure-limit-candidates.ts --candidates candidates.json /tmp/runs/*.json
 *
 * candidates.json: [{"article": "returns", "limit": {"when": ["US"], "and": ["label"], "because": "..."}}]
 * Each run names its set (`set`, as eval-inbox.ts writes it), which is read again for the labels.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseLabelledEvalSet } from '../src/service/inbox-evaluation.js';
import { countLimitCandidates, type LabelledRun } from '../src/service/limit-candidates.js';
import { articleLimitSchema } from '../src/triage/kb/article-limits.js';
import { loadKnowledgeBase } from '../src/triage/kb/knowledge-base.js';

const candidatesSchema = z.array(z.strictObject({ article: z.string().min(1), limit: articleLimitSchema })).min(1);
const runSchema = z.object({
  set: z.string().min(1),
  results: z.array(z.object({ id: z.string(), intent: z.string(), decision: z.enum(['sent', 'drafted', 'noted']) })),
});

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`${what} ${path}: cannot be read`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${what} ${path}: not valid JSON`);
  }
}

function check<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`${what}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'} ${issue.message}`).join('; ')}`);
  return parsed.data;
}

try {
  const { values, positionals } = parseArgs({ options: { candidates: { type: 'string' } }, allowPositionals: true });
  if (!values.candidates || positionals.length === 0) throw new Error('usage: measure-limit-candidates.ts --candidates FILE.json RUN.json...');
  const candidates = check(candidatesSchema, readJson(values.candidates, 'candidates'), `candidates ${values.candidates}`);
  const runs: LabelledRun[] = positionals.map((path) => {
    const run = check(runSchema, readJson(path, 'run'), `run ${path}`);
    return { set: run.set, lines: parseLabelledEvalSet(readFileSync(run.set, 'utf8'), run.set), results: run.results };
  });
  for (const count of countLimitCandidates(loadKnowledgeBase(), candidates, runs)) {
    const { article, limit } = count.candidate;
    console.log(`${article} [${limit.when.slice(0, 3).join(', ')}${limit.when.length > 3 ? ', ...' : ''}]: unsafe sends caught ${count.caught.length}, easy sends lost ${count.lost.length}`);
    if (count.caught.length > 0) console.log(`  caught: ${count.caught.join(' ')}`);
    if (count.lost.length > 0) console.log(`  lost:   ${count.lost.join(' ')}`);
  }
} catch (error) {
  console.error(`measure-limit-candidates: ${(error as Error).message.split('\n')[0]}`);
  process.exit(2);
}

/**
 * dist/x/y.js sits at the depth of src/x/y.ts (tsconfig.build.json: rootDir src), so every path a
 * module finds from its own location (`new URL('../../data/...', import.meta.url)`, PROJECT_ROOT)
 * names the same file whether the sources or the build run. Checked on the build itself: each
 * constant, imported from dist/, equals the one imported from src/ and exists.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, PROJECT_ROOT, runProcess } from './support/run-process.js';

/** [module under src/ and dist/, without extension, exported path constants]. */
const PATH_CONSTANTS: readonly [string, readonly string[]][] = [
  ['service/paths', ['PROJECT_ROOT', 'SKILLS_DIRECTORY']],
  ['service/routes/console/console-routes', ['WEB_DIRECTORY']],
  ['triage/escalation-model', ['defaultEscalationModelPath']],
  ['triage/crm/in-memory-crm', ['DEFAULT_CRM_DATA_DIRECTORY']],
  ['triage/kb/knowledge-base', ['DEFAULT_KB_DIRECTORY']],
  ['triage/local-model/intent-training-data', ['defaultTrainingDirectory']],
  ['triage/local-model/intent-classifier', ['defaultIntentClassifierPath']],
];

beforeAll(ensureBuilt, 180_000);

describe('paths in the compiled build', () => {
  it('every path constant is the same from dist/ as from src/, and exists', async () => {
    const script = PATH_CONSTANTS.map(
      ([module, names], index) =>
        `const m${index} = await import(${JSON.stringify(`./dist/${module}.js`)});\n` +
        names.map((name) => `console.log(JSON.stringify([${JSON.stringify(name)}, m${index}.${name}]));`).join('\n'),
    ).join('\n');
    const run = await runProcess(process.execPath, ['--input-type=module', '-e', script], { cwd: PROJECT_ROOT });
    expect(run.stderr).toBe('');
    const fromDist = new Map(run.stdout.trim().split('\n').map((line) => JSON.parse(line) as [string, string]));
    for (const [module, names] of PATH_CONSTANTS) {
      const fromSource = (await import(join(PROJECT_ROOT, 'src', `${module}.ts`))) as Record<string, string>;
      for (const name of names) {
        expect(fromDist.get(name), name).toBe(fromSource[name]);
        expect(existsSync(fromDist.get(name)!), name).toBe(true);
      }
    }
  });
});

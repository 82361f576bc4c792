/**
 * src/cli has no import cycle (run-cli.ts and the eval command once imported each other), checked
 * by scripts/import-cycles.ts; and that checker does find a cycle, type-only and dynamic imports
 * included, so the first test cannot pass by finding nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCyclesIn } from '../../scripts/import-cycles.js';
import { PROJECT_ROOT } from '../../scripts/ensure-built.js';

let folder: string;
const names = (cycles: string[][]) => cycles.map((cycle) => cycle.map((file) => relative(folder, file)));

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'import-cycles-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('import cycles', () => {
  it('src/cli has none', () => {
    expect(importCyclesIn([join(PROJECT_ROOT, 'src', 'cli')])).toEqual([]);
  });

  it('a type-only import back to the importer is a cycle', () => {
    writeFileSync(join(folder, 'run.ts'), "import { evalCommand } from './eval.js';\nexport interface Io { out(text: string): void }\n");
    writeFileSync(join(folder, 'eval.ts'), "import type { Io } from './run.js';\nexport const evalCommand = (io: Io) => io;\n");
    writeFileSync(join(folder, 'leaf.ts'), "import { evalCommand } from './eval.js';\nexport const leaf = evalCommand;\n");
    expect(names(importCyclesIn([folder]))).toEqual([['eval.ts', 'run.ts']]);
  });

  it('a dynamic import closes a cycle too, and a plain chain is none', () => {
    writeFileSync(join(folder, 'eval.ts'), 'export const evalCommand = 1;\n');
    expect(importCyclesIn([folder])).toEqual([]);
    writeFileSync(join(folder, 'eval.ts'), "export const evalCommand = () => import('./leaf.js');\n");
    expect(names(importCyclesIn([folder]))).toEqual([['eval.ts', 'leaf.ts']]);
  });
});

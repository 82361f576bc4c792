import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  Agent,
  parseSkillMarkdown,
  ScriptedModel,
  SkillFileCache,
  SkillManager,
  SkillNotFoundError,
} from '../../src/agentao/index.js';
import { recordingTransport } from './support/fixtures.js';

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'agentao-skills-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function writeSkill(directory: string, folder: string, text: string): string {
  const skillDirectory = path.join(root, directory, folder);
  mkdirSync(skillDirectory, { recursive: true });
  const file = path.join(skillDirectory, 'SKILL.md');
  writeFileSync(file, text);
  return file;
}

function skillText(name: string, description: string, body: string, extra = ''): string {
  return `---\nname: ${name}\ndescription: ${description}\n${extra}---\n${body}\n`;
}

describe('SkillManager discovery', () => {
  it('finds every direct subfolder holding a SKILL.md, with its front matter and body', () => {
    const triage = writeSkill('builtin', 'triage', skillText('support-triage', 'Triage tickets.', '# Steps\n1. Read.', 'version: 2\n'));
    writeSkill('builtin', 'refunds', skillText('refunds', 'Refund policy.', 'Never promise refunds.'));
    mkdirSync(path.join(root, 'builtin', 'not-a-skill'), { recursive: true });
    writeFileSync(path.join(root, 'builtin', 'README.md'), 'a file, not a folder');
    mkdirSync(path.join(root, 'builtin', 'nested', 'deeper'), { recursive: true });
    writeFileSync(path.join(root, 'builtin', 'nested', 'deeper', 'SKILL.md'), skillText('deep', 'too deep', 'x'));

    const manager = new SkillManager({ directories: [path.join(root, 'builtin'), path.join(root, 'missing')] });
    manager.load();

    expect(manager.list()).toEqual([
      { name: 'refunds', description: 'Refund policy.', path: expect.stringMatching(/refunds[/\\]SKILL\.md$/) },
      { name: 'support-triage', description: 'Triage tickets.', path: triage },
    ]);
    expect(manager.get('support-triage')).toEqual({
      name: 'support-triage',
      description: 'Triage tickets.',
      body: '# Steps\n1. Read.',
      path: triage,
      metadata: { name: 'support-triage', description: 'Triage tickets.', version: 2 },
    });
    // A missing directory is not a problem (user-level skills are optional).
    expect(manager.problems).toEqual([]);
  });

  it('later directories override earlier ones by name', () => {
    writeSkill('builtin', 'triage', skillText('support-triage', 'Built-in.', 'old body'));
    writeSkill('builtin', 'other', skillText('other', 'Only built-in.', 'other body'));
    const override = writeSkill('project', 'my-triage', skillText('support-triage', 'Project.', 'new body'));

    const manager = new SkillManager({ directories: [path.join(root, 'builtin'), path.join(root, 'project')] });
    expect(manager.get('support-triage')).toMatchObject({ description: 'Project.', body: 'new body', path: override });
    expect(manager.list().map((skill) => skill.name)).toEqual(['other', 'support-triage']);

    const reversed = new SkillManager({ directories: [path.join(root, 'project'), path.join(root, 'builtin')] });
    expect(reversed.get('support-triage').description).toBe('Built-in.');
  });

  it('an unknown skill throws SkillNotFoundError listing the available skills', () => {
    writeSkill('builtin', 'a', skillText('alpha', 'A.', 'a'));
    writeSkill('builtin', 'b', skillText('beta', 'B.', 'b'));
    const manager = new SkillManager({ directories: [path.join(root, 'builtin')] });
    let failure: unknown;
    try {
      manager.get('gamma');
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(SkillNotFoundError);
    expect(failure).toMatchObject({ skillName: 'gamma', name: 'SkillNotFoundError' });
    expect((failure as Error).message).toBe('Skill "gamma" not found. Available skills: alpha, beta.');
  });
});

describe('SKILL.md is data, never code', () => {
  const marker = '__agentaoSkillWasEvaluated';

  afterEach(() => {
    delete (globalThis as Record<string, unknown>)[marker];
  });

  it('a ---js front matter is an invalid skill and is never evaluated', () => {
    const file = writeSkill(
      'builtin',
      'evil',
      `---js\nglobalThis.${marker} = true;\n({ name: 'evil', description: 'runs code' })\n---\nbody\n`,
    );
    writeSkill('builtin', 'good', skillText('good', 'Fine.', 'ok'));
    const manager = new SkillManager({ directories: [path.join(root, 'builtin')] });
    manager.load();

    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
    expect(manager.list().map((skill) => skill.name)).toEqual(['good']);
    expect(manager.problems).toEqual([{ path: file, reason: expect.stringMatching(/plain "---" line, not "---js".*never code/) }]);
  });

  it('YAML tags that other loaders turn into functions stay plain strings', () => {
    writeSkill(
      'builtin',
      'tagged',
      skillText('tagged', 'Has a tag.', 'body', `hook: !!js/function "function () { globalThis.${marker} = true; }"\n`),
    );
    const manager = new SkillManager({ directories: [path.join(root, 'builtin')] });
    const hook = manager.get('tagged').metadata.hook;
    expect(typeof hook).toBe('string');
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it('malformed files are skipped with a reason; the valid ones still load', () => {
    const cases: Record<string, string> = {
      'no-front-matter': '# Just markdown\n',
      unclosed: '---\nname: x\ndescription: y\nbody without closing\n',
      'bad-yaml': '---\nname: [unclosed\ndescription: y\n---\nbody\n',
      'not-a-mapping': '---\n- a\n- b\n---\nbody\n',
      'no-name': '---\ndescription: y\n---\nbody\n',
      'no-description': '---\nname: lonely\n---\nbody\n',
      'name-not-string': '---\nname: 42\ndescription: y\n---\nbody\n',
    };
    for (const [folder, text] of Object.entries(cases)) writeSkill('builtin', folder, text);
    writeSkill('builtin', 'valid', skillText('valid', 'Valid.', 'ok'));
    const manager = new SkillManager({ directories: [path.join(root, 'builtin')] });
    manager.load();

    expect(manager.list().map((skill) => skill.name)).toEqual(['valid']);
    const reasons = Object.fromEntries(manager.problems.map((problem) => [path.basename(path.dirname(problem.path)), problem.reason]));
    expect(Object.keys(reasons).sort()).toEqual(Object.keys(cases).sort());
    expect(reasons['no-front-matter']).toMatch(/missing front matter/);
    expect(reasons.unclosed).toMatch(/not closed/);
    expect(reasons['bad-yaml']).toMatch(/not valid YAML/);
    expect(reasons['not-a-mapping']).toMatch(/mapping/);
    expect(reasons['no-name']).toMatch(/"name"/);
    expect(reasons['no-description']).toMatch(/"description"/);
    expect(reasons['name-not-string']).toMatch(/"name"/);
  });

  it('accepts a BOM and CRLF line endings', () => {
    const parsed = parseSkillMarkdown('\uFEFF---\r\nname: win\r\ndescription: Windows file.\r\n---\r\nLine one\r\nLine two\r\n');
    expect(parsed).toMatchObject({ name: 'win', description: 'Windows file.', body: 'Line one\nLine two' });
  });

  it('a duplicate name within one directory keeps the first and reports the second', () => {
    writeSkill('builtin', 'a-first', skillText('same', 'First.', '1'));
    const second = writeSkill('builtin', 'b-second', skillText('same', 'Second.', '2'));
    const manager = new SkillManager({ directories: [path.join(root, 'builtin')] });
    expect(manager.get('same').description).toBe('First.');
    expect(manager.problems).toEqual([{ path: second, reason: expect.stringMatching(/duplicate skill name "same"/) }]);
  });
});

describe('skills in the agent', () => {
  it('activateSkill puts the body and task into the system prompt and emits skill-activation', async () => {
    const file = writeSkill('builtin', 'triage', skillText('support-triage', 'Triage tickets.', 'Always check the order first.'));
    const model = new ScriptedModel(['ok']);
    const recorder = recordingTransport();
    const agent = new Agent({
      model,
      systemPrompt: 'You are a support agent.',
      skills: { directories: [path.join(root, 'builtin')] },
      transport: recorder.transport,
    });
    const skill = agent.activateSkill('support-triage', 'Ticket T-1: where is my order?');
    expect(skill.path).toBe(file);
    await agent.chat('go');

    const system = model.calls[0]!.messages[0]!;
    expect(system.role).toBe('system');
    expect(system.content).toBe(
      'You are a support agent.\n\n## Skill: support-triage\nTriage tickets.\nTask: Ticket T-1: where is my order?\n\nAlways check the order first.',
    );
    expect(recorder.ofType('skill-activation')[0]!.data).toEqual({
      agentId: agent.id,
      name: 'support-triage',
      taskDescription: 'Ticket T-1: where is my order?',
      path: file,
    });
    expect(recorder.ofType('agent-start')[0]!.data.skills).toEqual(['support-triage']);
    expect(() => agent.activateSkill('nope')).toThrow(SkillNotFoundError);
  });

  it('an edited SKILL.md applies to the next Agent without a restart', async () => {
    const directories = [path.join(root, 'builtin')];
    writeSkill('builtin', 'triage', skillText('support-triage', 'v1', 'Version one rules.'));
    const shared = new SkillManager({ directories });

    const first = new Agent({ model: new ScriptedModel([]), skills: shared });
    expect(first.activateSkill('support-triage').body).toBe('Version one rules.');

    writeSkill('builtin', 'triage', skillText('support-triage', 'v2', 'Version two rules.'));
    writeSkill('builtin', 'new', skillText('brand-new', 'Added later.', 'new'));

    // The same manager instance is re-read by the next agent, and so is a plain directory list.
    const model = new ScriptedModel(['ok']);
    const second = new Agent({ model, skills: shared });
    second.activateSkill('support-triage');
    await second.chat('x');
    expect(model.calls[0]!.messages[0]!.content).toContain('Version two rules.');
    expect(model.calls[0]!.messages[0]!.content).not.toContain('Version one rules.');
    expect(new Agent({ model: new ScriptedModel([]), skills: { directories } }).activateSkill('brand-new').body).toBe('new');
  });

  it('activating a skill twice replaces its task instead of repeating the body', () => {
    writeSkill('builtin', 'triage', skillText('support-triage', 'Triage.', 'BODY'));
    const agent = new Agent({ model: new ScriptedModel([]), skills: { directories: [path.join(root, 'builtin')] } });
    agent.activateSkill('support-triage', 'first task');
    agent.activateSkill('support-triage', 'second task');
    const prompt = agent.systemPrompt();
    expect(prompt.match(/BODY/g)).toHaveLength(1);
    expect(prompt).toContain('Task: second task');
    expect(prompt).not.toContain('first task');
  });
});

describe('SkillFileCache', () => {
  function countingCache(): { cache: SkillFileCache; parses: () => number } {
    let parses = 0;
    const cache = new SkillFileCache({
      parse: (text) => {
        parses += 1;
        return parseSkillMarkdown(text);
      },
    });
    return { cache, parses: () => parses };
  }

  it('parses an unchanged SKILL.md once, however many agents load it', () => {
    writeSkill('builtin', 'triage', skillText('support-triage', 'Triage.', 'Rules.'));
    writeSkill('builtin', 'refunds', skillText('refunds', 'Refunds.', 'Never promise.'));
    const { cache, parses } = countingCache();
    const directories = [path.join(root, 'builtin')];

    for (let ticket = 0; ticket < 5; ticket += 1) {
      const agent = new Agent({ model: new ScriptedModel([]), skills: new SkillManager({ directories, fileCache: cache }) });
      expect(agent.activateSkill('support-triage').body).toBe('Rules.');
    }

    expect(parses()).toBe(2);
  });

  it('parses again as soon as the content changes, even at the same size and in the same millisecond', () => {
    const file = writeSkill('builtin', 'triage', skillText('support-triage', 'Triage.', 'Escalate legal words: v1'));
    const { cache, parses } = countingCache();
    const manager = new SkillManager({ directories: [path.join(root, 'builtin')], fileCache: cache });
    manager.load();
    expect(manager.get('support-triage').body).toBe('Escalate legal words: v1');

    writeFileSync(file, skillText('support-triage', 'Triage.', 'Escalate legal words: v2'));
    manager.load();

    expect(manager.get('support-triage').body).toBe('Escalate legal words: v2');
    expect(parses()).toBe(2);
  });

  it('remembers a bad file too, and forgets a file that can no longer be read', () => {
    const file = writeSkill('builtin', 'bad', '---\nname: [unclosed\n---\nbody\n');
    const { cache, parses } = countingCache();
    expect(cache.read(file)).toMatchObject({ reason: expect.stringMatching(/not valid YAML/) });
    expect(cache.read(file)).toMatchObject({ reason: expect.stringMatching(/not valid YAML/) });
    expect(parses()).toBe(1);

    rmSync(file);
    expect(cache.read(file)).toMatchObject({ reason: expect.stringMatching(/^cannot read/) });
    writeFileSync(file, '---\nname: [unclosed\n---\nbody\n');
    cache.read(file);
    expect(parses()).toBe(2);
  });

  it('hands out frozen skills, so one agent cannot change what the next one reads', () => {
    const file = writeSkill('builtin', 'triage', skillText('support-triage', 'Triage.', 'Rules.', 'limits:\n  refunds: 0\n'));
    const skill = new SkillFileCache().read(file);
    if ('reason' in skill) throw new Error(skill.reason);
    expect(Object.isFrozen(skill)).toBe(true);
    const limits = skill.metadata.limits as { refunds: number };
    expect(() => {
      limits.refunds = 100;
    }).toThrow(TypeError);
    expect(limits.refunds).toBe(0);
  });

  it('forgets the oldest file beyond its size limit', () => {
    const files = ['a', 'b', 'c'].map((name) => writeSkill('builtin', name, skillText(name, name, name)));
    let parses = 0;
    const cache = new SkillFileCache({ maxEntries: 2, parse: (text) => ((parses += 1), parseSkillMarkdown(text)) });
    for (const file of files) cache.read(file);
    cache.read(files[2]!);
    cache.read(files[0]!);
    expect(parses).toBe(4);
  });
});

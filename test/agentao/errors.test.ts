import { describe, expect, it } from 'vitest';
import {
  AgentaoError,
  AgentClosedError,
  ModelCallError,
  SkillNotFoundError,
  ToolRegistryError,
} from '../../src/agentao/index.js';

describe('errors', () => {
  it('carry their class name and cause, and share the AgentaoError base', () => {
    const cause = new Error('root');
    const errors = [
      new AgentaoError('base', { cause }),
      new ToolRegistryError('dup', { cause }),
      new AgentClosedError(undefined, { cause }),
      new ModelCallError('model', { cause }),
      new SkillNotFoundError('x', ['a'], { cause }),
    ];
    expect(errors.map((error) => error.name)).toEqual([
      'AgentaoError',
      'ToolRegistryError',
      'AgentClosedError',
      'ModelCallError',
      'SkillNotFoundError',
    ]);
    for (const error of errors) {
      expect(error).toBeInstanceOf(AgentaoError);
      expect(error).toBeInstanceOf(Error);
      expect(error.cause).toBe(cause);
    }
    expect(new AgentaoError('no cause')).not.toHaveProperty('cause');
  });

  it('ModelCallError exposes isRetryable and statusCode', () => {
    expect(new ModelCallError('x')).toMatchObject({ isRetryable: false });
    expect(new ModelCallError('x').statusCode).toBeUndefined();
    expect(new ModelCallError('x', { isRetryable: true, statusCode: 503 })).toMatchObject({ isRetryable: true, statusCode: 503 });
  });

  it('SkillNotFoundError names the skill and the available ones', () => {
    expect(new SkillNotFoundError('x', []).message).toBe('Skill "x" not found. Available skills: (none).');
    expect(new SkillNotFoundError('x', ['a', 'b'])).toMatchObject({ skillName: 'x', availableSkills: ['a', 'b'] });
  });
});

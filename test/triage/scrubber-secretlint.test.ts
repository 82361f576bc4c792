/** The secretlint preset driven synchronously: its findings, narrowed URLs, no comment opt-out. */
import { describe, expect, it } from 'vitest';
import { secretlintFindings } from '../../src/triage/scrubber-secretlint.js';
import { scrubText } from '../../src/triage/scrubber.js';

describe('secretlint rules on ticket text', () => {
  it('report provider tokens synchronously with their span', () => {
    const token = 'xoxb-12345678901-123456789012-abcdefghijABCDEFGHIJabcd';
    const findings = secretlintFindings(`our slack bot uses ${token} since Monday`);
    expect(findings.map((finding) => [finding.value, finding.replacement])).toEqual([[token, '[secret:slack]']]);
  });

  it('replace only the password of a database URL', () => {
    expect(scrubText('DSN mysql://shop:Tr0ub4dor@db.example.com:3306/orders').text).toBe('DSN mysql://shop:[password]@db.example.com:3306/orders');
  });

  it('ignore secretlint-disable comments written into a ticket', () => {
    const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    expect(scrubText(`// secretlint-disable\n${token}\n// secretlint-enable`).text).not.toContain(token);
  });

  it('skip text without a long token, a URL or a key block', () => {
    expect(secretlintFindings('my order A1001 is late, please help')).toEqual([]);
  });
});

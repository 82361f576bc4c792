/**
 * Secrets found by secretlint's maintained rule set (@secretlint/secretlint-rule-preset-recommend:
 * AWS, GCP, GitHub, Slack, SendGrid, npm, OpenAI, Anthropic, Shopify, Linear, 1Password, private
 * keys, basic auth and database URLs), so new token formats arrive with a package update rather
 * than by hand. Why secretlint and not gitleaks or detect-secrets: docs/scrubbing.md.
 *
 * The rules are driven directly, not through `lintSource`: their `file` handlers are synchronous
 * for text, and the scrubber runs inside synchronous paths (pino formatters, scrubValue). The
 * preset's comment filter (`secretlint-disable`) is left out on purpose: in a ticket, a customer's
 * text must not be able to switch detection off.
 */
import { rules } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintRuleContext, SecretLintRuleReportDescriptor, SecretLintSourceCode } from '@secretlint/types';
import { MARKER, type Detector, type PiiKind, type PiiMatch } from './scrubber-types.js';

/** What replaces a finding of each rule: the provider, as the hand-written detectors name it. */
const LABELS: Readonly<Record<string, string>> = {
  '@secretlint/secretlint-rule-aws': 'aws',
  '@secretlint/secretlint-rule-gcp': 'gcp',
  '@secretlint/secretlint-rule-github': 'github',
  '@secretlint/secretlint-rule-slack': 'slack',
  '@secretlint/secretlint-rule-sendgrid': 'sendgrid',
  '@secretlint/secretlint-rule-npm': 'npm',
  '@secretlint/secretlint-rule-openai': 'openai',
  '@secretlint/secretlint-rule-anthropic': 'anthropic',
  '@secretlint/secretlint-rule-shopify': 'shopify',
  '@secretlint/secretlint-rule-linear': 'linear',
  '@secretlint/secretlint-rule-1password': '1password',
  '@secretlint/secretlint-rule-privatekey': 'private-key',
  '@secretlint/secretlint-rule-basicauth': 'basic',
  '@secretlint/secretlint-rule-database-connection-string': 'database-url',
};

const KINDS: Readonly<Record<string, PiiKind>> = {
  '@secretlint/secretlint-rule-aws': 'aws_key',
  '@secretlint/secretlint-rule-privatekey': 'private_key',
  '@secretlint/secretlint-rule-basicauth': 'basic_auth',
};

/**
 * Every rule but the comment filter: `secretlint-disable` comments would let a ticket hide itself
 * (its `ignore` calls would do nothing here anyway; leaving it out saves its scan).
 */
const SCANNERS = rules.filter((rule) => rule.meta.id !== '@secretlint/secretlint-rule-filter-comments');

/**
 * Every rule needs a token of at least 20 characters, a URL with user info or a key block: text
 * without one is skipped without running some forty regexes over it.
 */
const TRIGGER = /[A-Za-z0-9_\-+/=.]{20}|:\/\/|PRIVATE KEY/;

const URL_RULES = new Set(['@secretlint/secretlint-rule-basicauth', '@secretlint/secretlint-rule-database-connection-string']);
const USER_INFO = /:\/\/[^\s:@/]*:([^\s@/]+)@/d;

function passwordSpan(text: string, start: number, end: number): [number, number] | undefined {
  const match = USER_INFO.exec(text.slice(start, end));
  if (!match) return undefined;
  const [from, to] = match.indices![1]!;
  return [start + from, start + to];
}

export function secretlintFindings(text: string): PiiMatch[] {
  if (!TRIGGER.test(text)) return [];
  // The rules read content, filePath and ext only.
  const source = { content: text, filePath: '/ticket.txt', ext: '.txt', contentType: 'text' } as unknown as SecretLintSourceCode;
  const found: PiiMatch[] = [];
  for (const rule of SCANNERS) {
    const id = rule.meta.id;
    const context: SecretLintRuleContext = {
      sharedOptions: {},
      createTranslator: (() => (messageId: string) => ({ message: messageId, messageId, data: {} })) as unknown as SecretLintRuleContext['createTranslator'],
      report: (descriptor: SecretLintRuleReportDescriptor) => {
        let [start, end] = descriptor.range;
        if (end <= start) return;
        // For a URL with user info only the password goes, so the reader still sees which service.
        const narrowed = URL_RULES.has(id) ? passwordSpan(text, start, end) : undefined;
        if (narrowed) {
          [start, end] = narrowed;
          const value = text.slice(start, end);
          if (!MARKER.test(value)) found.push({ kind: 'password', start, end, value, replacement: '[password]', priority: 85 });
          return;
        }
        found.push({
          kind: KINDS[id] ?? 'api_key',
          start,
          end,
          value: text.slice(start, end),
          replacement: `[secret:${LABELS[id] ?? 'secretlint'}]`,
          priority: 85,
        });
      },
      ignore: () => undefined,
    };
    const handler = rule.create(context, {});
    // Only the GCP rule's .p12 branch is asynchronous, and a ticket is never a .p12 file.
    void handler.file?.(source);
  }
  return found;
}

export const secretlintDetector: Detector = {
  kinds: ['api_key', 'aws_key', 'private_key', 'basic_auth', 'password'],
  find: secretlintFindings,
};

/**
 * The only place that reads process.env: parsed once with zod into a frozen Config. An error names
 * the variable and says how to fix it.
 */
import { z } from 'zod';
import { validateCron } from './canary/cron-slots.js';
import { parseReviewerTokens } from './review/reviewer-directory.js';
import { ConfigError } from './errors.js';
import { isLlmProvider, LLM_PROVIDER_SETTINGS, LLM_PROVIDERS, MODEL_PROVIDERS, type LlmProvider } from './model-providers.js';

const optionalUrl = z
  .string()
  .trim()
  .url()
  .optional()
  .or(z.literal('').transform(() => undefined));
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

const environmentSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .default('sqlite:./var/triage.db')
    .refine((value) => /^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(value), {
      message: 'use sqlite:<path> (e.g. sqlite:./var/triage.db) or postgres://user@host:5432/db',
    }),
  TRIAGE_MODEL: z.enum(MODEL_PROVIDERS).default('local'),
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_API_KEY: optionalText,
  OPENAI_MODEL: optionalText,
  ANTHROPIC_BASE_URL: optionalUrl,
  ANTHROPIC_API_KEY: optionalText,
  ANTHROPIC_MODEL: optionalText,
  AUTO_SEND_THRESHOLD: z.coerce.number().min(0).max(1).default(0.9),
  TRIAGE_JUDGE: z.enum(['on', 'off']).default('off'),
  CRM_BASE_URL: optionalUrl,
  CRM_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
  ZENDESK_BASE_URL: optionalUrl,
  ZENDESK_EMAIL: optionalText,
  ZENDESK_API_TOKEN: optionalText,
  ZENDESK_WEBHOOK_SECRET: optionalText,
  INTERCOM_BASE_URL: optionalUrl,
  INTERCOM_ACCESS_TOKEN: optionalText,
  INTERCOM_CLIENT_SECRET: optionalText,
  INTERCOM_ADMIN_ID: optionalText,
  HUBSPOT_BASE_URL: optionalUrl,
  HUBSPOT_ACCESS_TOKEN: optionalText,
  HUBSPOT_CLIENT_SECRET: optionalText,
  HUBSPOT_PUBLIC_URL: optionalUrl,
  GENERIC_WEBHOOK_SECRET: optionalText,
  GENERIC_REPLY_URL: optionalUrl,
  REVIEWER_TOKEN: optionalText,
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  /** Requests per minute per client address on /webhooks and /api; 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(6000),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  // Triage on worker threads (issue 13) in `serve` and `worker`: "auto" = one per core, 0 = on the
  // main thread as before (the CLI and the eval always triage on the main thread).
  TRIAGE_THREADS: z
    .union([z.literal('auto'), z.coerce.number().int().min(0).max(64)], { error: 'use "auto" (one thread per core), 0 (no threads) or a number of threads up to 64' })
    .default('auto'),
  // Linux nice of those threads, so the event loop that accepts webhooks gets the CPU first; 0 = equal.
  TRIAGE_THREAD_NICENESS: z.coerce.number().int().min(0).max(19).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ALLOWED_LINK_HOSTS: z
    .string()
    .default('help.northwind.example,northwind.example')
    .transform((value) => value.split(',').map((host) => host.trim().toLowerCase()).filter(Boolean)),
  // Mail reading (issue 9): a sender without a CRM profile may get an automatic answer to a general question.
  AUTO_SEND_UNKNOWN_SENDERS: z.enum(['on', 'off']).default('on'),
  // The daily canary (issue 9): which eval set, when (cron in UTC, or "off"), and where alerts go.
  CANARY_SET: z.string().trim().min(1).default('data/eval/canary.jsonl'),
  CANARY_CRON: z
    .string()
    .trim()
    .default('0 6 * * *')
    .superRefine((value, context) => {
      if (value === 'off') return;
      try {
        validateCron(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: `not a cron expression (${error instanceof Error ? error.message : String(error)}); e.g. "0 6 * * *", or "off"` });
      }
    }),
  CANARY_ALERT_URL: optionalUrl,
  // Outbox (exact reply sealed at rest): a 32-byte base64 key, or a key file (default: outbox.key beside the SQLite database).
  OUTBOX_ENCRYPTION_KEY: optionalText,
  OUTBOX_KEY_FILE: optionalText,
  // Grounded send: the judge is its own model (TRIAGE_JUDGE=on turns it on).
  TRIAGE_JUDGE_MODEL: optionalText,
  TRIAGE_JUDGE_PROVIDER: z.enum(LLM_PROVIDERS).optional(),
  TRIAGE_JUDGE_BASE_URL: optionalUrl,
  TRIAGE_JUDGE_API_KEY: optionalText,
  TRIAGE_JUDGE_SAME_MODEL: z.enum(['allow', 'refuse']).default('refuse'),
  // Hostile input and hanging models (issue 14): per-call LLM timeout, retries per call, model time
  // and CPU time per ticket attempt (the CPU budget is checked between stages: cooperative).
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  TRIAGE_LLM_BUDGET_MS: z.coerce.number().int().positive().default(120_000),
  TRIAGE_CPU_BUDGET_MS: z.coerce.number().int().positive().default(2000),
  // Health (/healthz): backlog thresholds (0 turns one off) and how long one check may take.
  HEALTH_MAX_QUEUE_DEPTH: z.coerce.number().int().min(0).default(1000),
  HEALTH_MAX_JOB_AGE_SECONDS: z.coerce.number().min(0).default(600),
  HEALTH_CHECK_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(1000),
  // pg-boss: a run older than this (a SIGKILLed or hung worker's) is failed and retried elsewhere.
  QUEUE_JOB_EXPIRE_SECONDS: z.coerce.number().int().min(5).default(300),
  // Connectors: the HubSpot actor public replies are sent as in conversation threads ("A-<user id>").
  HUBSPOT_SENDER_ACTOR_ID: z.string().trim().regex(/^A-\d+$/, 'must look like A-<HubSpot user id>, e.g. A-41234567').optional(),
  // The review console (issue 11): one token per named reviewer, `name:token,...`.
  REVIEWER_TOKENS: z
    .string()
    .optional()
    .transform((value, context) => {
      try {
        return parseReviewerTokens(value ?? '');
      } catch (error) {
        context.addIssue({ code: 'custom', message: `${error instanceof Error ? error.message : String(error)}; e.g. "ada:7f3c9a1e2b,bob:9d1e4c7a55"` });
        return z.NEVER;
      }
    }),
  // Links from the console to the ticket in its helpdesk (Zendesk's comes from ZENDESK_BASE_URL).
  INTERCOM_WORKSPACE_ID: optionalText,
  HUBSPOT_PORTAL_ID: optionalText,
  // How often the console's live stream looks for new drafts and decisions.
  CONSOLE_STREAM_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
});

export type Config = Readonly<z.output<typeof environmentSchema>>;

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid settings: ${problems.join('; ')}`);
  }
  const config = parsed.data;
  if (config.TRIAGE_MODEL === 'openai' && !config.OPENAI_MODEL) {
    throw new ConfigError('TRIAGE_MODEL=openai needs OPENAI_MODEL (and OPENAI_BASE_URL for a non-OpenAI server, OPENAI_API_KEY when it asks for one)');
  }
  if (config.TRIAGE_MODEL === 'anthropic' && (!config.ANTHROPIC_MODEL || !config.ANTHROPIC_API_KEY)) {
    throw new ConfigError('TRIAGE_MODEL=anthropic needs ANTHROPIC_API_KEY and ANTHROPIC_MODEL (ANTHROPIC_BASE_URL optional)');
  }
  if (config.TRIAGE_JUDGE === 'on' && config.TRIAGE_MODEL === 'local' && !config.TRIAGE_JUDGE_MODEL) {
    throw new ConfigError('TRIAGE_JUDGE=on needs an LLM: set TRIAGE_JUDGE_MODEL (the local model cannot judge)');
  }
  checkJudgeSettings(config);
  return Object.freeze(config);
}

/** The judge's provider, model and endpoint, with the writer's provider settings as fallbacks. */
export function judgeSettings(config: Config): { provider: LlmProvider; model: string; baseURL: string; apiKey: string; sameAsWriter: boolean } {
  const writer = isLlmProvider(config.TRIAGE_MODEL) ? llmSettings(config, config.TRIAGE_MODEL) : undefined;
  const provider = config.TRIAGE_JUDGE_PROVIDER ?? (isLlmProvider(config.TRIAGE_MODEL) ? config.TRIAGE_MODEL : 'openai');
  const fallback = llmSettings(config, provider);
  const model = config.TRIAGE_JUDGE_MODEL ?? writer?.model ?? '';
  const baseURL = config.TRIAGE_JUDGE_BASE_URL ?? fallback.baseURL;
  const apiKey = config.TRIAGE_JUDGE_API_KEY ?? fallback.apiKey;
  const sameAsWriter =
    provider === config.TRIAGE_MODEL && model === writer?.model && baseURL.replace(/\/+$/, '') === writer.baseURL.replace(/\/+$/, '');
  return { provider, model, baseURL, apiKey, sameAsWriter };
}

/**
 * One LLM provider's endpoint, key and model from its own settings. A missing OpenAI key is
 * 'not-needed' (local OpenAI-compatible servers ask for none); Anthropic always needs one.
 */
export function llmSettings(config: Config, provider: LlmProvider): { baseURL: string; apiKey: string; model: string | undefined } {
  const names = LLM_PROVIDER_SETTINGS[provider];
  return {
    baseURL: config[names.baseURL] ?? names.defaultBaseURL,
    apiKey: config[names.apiKey] ?? (provider === 'openai' ? 'not-needed' : ''),
    model: config[names.model],
  };
}

/**
 * A writer grading its own replies passes them: the judge must be another model unless the
 * operator says otherwise (TRIAGE_JUDGE_SAME_MODEL=allow, warned about at start-up).
 */
function checkJudgeSettings(config: Config): void {
  if (config.TRIAGE_JUDGE !== 'on') return;
  const judge = judgeSettings(config);
  if (judge.sameAsWriter && config.TRIAGE_JUDGE_SAME_MODEL !== 'allow') {
    throw new ConfigError(
      "TRIAGE_JUDGE=on would let the writer's own model judge its replies: set TRIAGE_JUDGE_MODEL to another model " +
        '(TRIAGE_JUDGE_PROVIDER, TRIAGE_JUDGE_BASE_URL, TRIAGE_JUDGE_API_KEY for another server), or TRIAGE_JUDGE_SAME_MODEL=allow',
    );
  }
  if (judge.provider === 'anthropic' && !judge.apiKey) {
    throw new ConfigError('TRIAGE_JUDGE_PROVIDER=anthropic needs TRIAGE_JUDGE_API_KEY (or ANTHROPIC_API_KEY)');
  }
}

import type { z } from 'zod';
import { ConnectorPayloadError, type PayloadIssue } from './errors.js';
import type { HelpdeskProvider } from './helpdesk-connector.js';

/** Validates a webhook payload against its wire schema; on failure lists every issue, with its path. */
export function parsePayload<TSchema extends z.ZodType>(
  provider: HelpdeskProvider,
  schema: TSchema,
  payload: unknown,
): z.output<TSchema> {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const issues: PayloadIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'),
    message: issue.message,
  }));
  throw new ConnectorPayloadError(provider, issues, { cause: result.error });
}

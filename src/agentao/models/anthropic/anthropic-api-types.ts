/**
 * Zod schemas for what the Messages API returns. Content block types other than text and tool_use
 * (thinking, server tools, ...) are accepted and ignored.
 */
import { z } from 'zod';

export const anthropicTextBlockSchema = z.object({ type: z.literal('text'), text: z.string() });

export const anthropicToolUseBlockSchema = z.object({
  type: z.literal('tool_use'),
  id: z.string().min(1),
  name: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
});

const contentBlockSchema = z.union([
  anthropicTextBlockSchema,
  anthropicToolUseBlockSchema,
  // Any other type; a malformed text or tool_use block must not slip through here.
  z
    .object({ type: z.string().refine((type) => type !== 'text' && type !== 'tool_use') })
    .loose(),
]);

export const anthropicMessageSchema = z.object({
  id: z.string().nullish(),
  type: z.literal('message'),
  role: z.literal('assistant'),
  model: z.string().nullish(),
  content: z.array(contentBlockSchema),
  stop_reason: z.string().nullish(),
  usage: z
    .object({
      input_tokens: z.number().nullish(),
      output_tokens: z.number().nullish(),
      cache_creation_input_tokens: z.number().nullish(),
      cache_read_input_tokens: z.number().nullish(),
    })
    .nullish(),
});

export type AnthropicMessage = z.infer<typeof anthropicMessageSchema>;

/** `{"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}` */
export const anthropicErrorBodySchema = z.object({
  type: z.literal('error').optional(),
  error: z.object({ type: z.string().nullish(), message: z.string() }),
});

/**
 * Zod schemas for what comes back from a Chat Completions endpoint. Loose on purpose where
 * OpenAI-compatible servers differ (Ollama, vLLM, llama.cpp): ids may be missing, `content` may be
 * null, `usage` may be absent, unknown fields are ignored.
 */
import { z } from 'zod';

const toolCallSchema = z.object({
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z.object({
    name: z.string().min(1),
    // A few servers send the arguments as an object rather than JSON text.
    arguments: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
  }),
});

export const openAIChatCompletionSchema = z.object({
  id: z.string().nullish(),
  model: z.string().nullish(),
  choices: z
    .array(
      z.object({
        index: z.number().nullish(),
        message: z.object({
          role: z.string().nullish(),
          content: z.string().nullish(),
          refusal: z.string().nullish(),
          tool_calls: z.array(toolCallSchema).nullish(),
        }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1, 'expected at least one choice'),
  usage: z
    .object({
      prompt_tokens: z.number().nullish(),
      completion_tokens: z.number().nullish(),
    })
    .nullish(),
});

export type OpenAIChatCompletion = z.infer<typeof openAIChatCompletionSchema>;

/**
 * Error bodies: OpenAI, Ollama and llama.cpp send `{error: {message}}`, older vLLM sends
 * `{object: "error", message}`, some proxies `{error: "text"}` or `{detail: "text"}`.
 */
export const openAIErrorBodySchema = z.union([
  z.object({ error: z.object({ message: z.string(), type: z.string().nullish() }) }),
  z.object({ error: z.string() }),
  z.object({ message: z.string() }),
  z.object({ detail: z.string() }),
]);

export type OpenAIErrorBody = z.infer<typeof openAIErrorBodySchema>;

export function openAIErrorMessage(body: OpenAIErrorBody): string {
  if ('error' in body) return typeof body.error === 'string' ? body.error : body.error.message;
  if ('message' in body) return body.message;
  return body.detail;
}

/**
 * A tool is data plus one function. The zod schema is the only source of the argument type; the
 * JSON schema the model sees is exported from it.
 */
import { z } from 'zod';
import type { JsonSchema, ToolDefinition } from './models/chat-model.js';

export interface ToolExecutionContext {
  signal: AbortSignal;
  callId: string;
  agentId: string;
}

export interface Tool<TArgs = any, TResult = unknown> {
  readonly name: string;
  readonly description: string;
  readonly parameters: z.ZodType<TArgs>;
  /** JSON Schema of `parameters`, computed once. */
  readonly jsonSchema: JsonSchema;
  readonly isReadOnly: boolean;
  readonly requiresConfirmation: boolean;
  execute(args: TArgs, context: ToolExecutionContext): Promise<TResult> | TResult;
}

export interface ToolSpec<TSchema extends z.ZodType, TResult> {
  name: string;
  description: string;
  parameters: TSchema;
  isReadOnly?: boolean;
  requiresConfirmation?: boolean;
  execute(args: z.output<TSchema>, context: ToolExecutionContext): Promise<TResult> | TResult;
}

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

// Tools bound to per-run state are defined once per run with the same schema object; the export
// is the costly part of defining a tool, so it is done once per schema.
const jsonSchemas = new WeakMap<z.ZodType, JsonSchema>();

function exportJsonSchema(schema: z.ZodType): JsonSchema {
  let jsonSchema = jsonSchemas.get(schema);
  if (!jsonSchema) {
    jsonSchema = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) as JsonSchema;
    delete jsonSchema.$schema;
    jsonSchemas.set(schema, Object.freeze(jsonSchema));
  }
  return jsonSchema;
}

export function defineTool<TSchema extends z.ZodType, TResult>(
  spec: ToolSpec<TSchema, TResult>,
): Tool<z.output<TSchema>, TResult> {
  if (!TOOL_NAME.test(spec.name)) {
    throw new TypeError(`Tool name "${spec.name}" must match ${TOOL_NAME} (the providers' rule).`);
  }
  const jsonSchema = exportJsonSchema(spec.parameters);
  return Object.freeze({
    name: spec.name,
    description: spec.description,
    parameters: spec.parameters as z.ZodType<z.output<TSchema>>,
    jsonSchema,
    isReadOnly: spec.isReadOnly ?? false,
    requiresConfirmation: spec.requiresConfirmation ?? false,
    execute: spec.execute,
  });
}

export function toToolDefinition(tool: Tool): ToolDefinition {
  return { name: tool.name, description: tool.description, parameters: tool.jsonSchema };
}

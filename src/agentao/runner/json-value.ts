/**
 * Event data must survive JSON (audit rows, SSE, logs) while tool results can be anything a
 * function returns; these helpers make the crossing without ever throwing.
 */

/** A JSON-safe copy of `value` (undefined becomes null; what JSON cannot hold becomes a string). */
export function toJsonValue(value: unknown): unknown {
  try {
    const text = JSON.stringify(value, bigintAsString);
    return text === undefined ? null : (JSON.parse(text) as unknown);
  } catch {
    return String(value);
  }
}

/** The text a model sees for a tool result: strings as they are, anything else as JSON. */
export function toolResultText(result: unknown): string {
  if (typeof result === 'string') return result;
  try {
    return JSON.stringify(result, bigintAsString) ?? 'null';
  } catch {
    return String(result);
  }
}

/**
 * `toolResultText(result)` and `toJsonValue(result)` from one serialisation: the text the model
 * sees and the JSON-safe copy the tool-call-end event carries are then the same reading of the
 * result (a `toJSON` runs once), and a result is not stringified twice per call.
 */
export function toolResultForms(result: unknown): { text: string; json: unknown } {
  if (typeof result === 'string') return { text: result, json: result };
  let text: string | undefined;
  try {
    text = JSON.stringify(result, bigintAsString);
  } catch {
    const fallback = String(result);
    return { text: fallback, json: fallback };
  }
  return text === undefined ? { text: 'null', json: null } : { text, json: JSON.parse(text) as unknown };
}

/** A plain one-line message of an unknown thrown value, without a stack. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  return toolResultText(error);
}

// JSON has no bigint; its decimal text keeps the value readable instead of failing the whole result.
function bigintAsString(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

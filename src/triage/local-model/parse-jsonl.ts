/**
 * One JSON object a line, each checked against a schema; blank lines skipped. An error names the
 * file and line, so a bad example in a training or reviewed-examples file is found at once.
 */
import { z } from 'zod';

export function parseJsonLines<Schema extends z.ZodType>(content: string, source: string, schema: Schema): z.output<Schema>[] {
  const rows: z.output<Schema>[] = [];
  content.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new SyntaxError(`${source}:${index + 1}: not JSON (${(error as Error).message})`, { cause: error });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new TypeError(`${source}:${index + 1}: ${z.prettifyError(parsed.error)}`);
    rows.push(parsed.data);
  });
  return rows;
}

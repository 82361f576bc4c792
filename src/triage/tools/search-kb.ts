import { z } from 'zod';
import { defineTool } from '../../agentao/index.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { TriageSession } from '../triage-session.js';

const parameters = z
  .object({
    query: z.string().trim().min(1).max(500),
    // The intent the caller believes the ticket is: its articles are listed first, scores unchanged.
    intent: z.string().regex(/^[a-z_]+$/).optional(),
  })
  .strict();

/** What the tool returns, as the model reads it back: at most three articles, best first. */
export const kbSearchResult = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      /** Normalised BM25 (kb-search-index.ts), three decimals. */
      score: z.number(),
      intents: z.array(z.string()),
      /** The article's `## Reply` text, placeholders unfilled. */
      answer: z.string(),
    }),
  ),
});

export type KbSearchResult = z.infer<typeof kbSearchResult>;

export function createSearchKbTool(session: TriageSession, kb: KnowledgeBase) {
  return defineTool({
    name: 'search_kb',
    description:
      'Search the help-center knowledge base. Returns the best articles with the answer text to base a reply on. ' +
      'Optional `intent` (e.g. "track_order"): articles of that intent that match the query are listed first.',
    parameters,
    isReadOnly: true,
    execute({ query, intent }): KbSearchResult {
      const hits = kb.search(query, { limit: 3, ...(intent ? { intents: [intent] } : {}) });
      session.kbHitsSeen.push(...hits);
      for (const hit of hits) {
        session.kbReplies.set(hit.id, kb.replyOf(hit.id));
        session.kbLimits.set(hit.id, kb.limitsOf(hit.id));
      }
      return {
        results: hits.map((hit) => ({
          id: hit.id,
          title: hit.title,
          score: Number(hit.score.toFixed(3)),
          intents: hit.intents,
          answer: kb.replyOf(hit.id),
        })),
      };
    },
  });
}

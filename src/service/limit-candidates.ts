/**
 * Before an article limit (`needs-a-person`) is authored, what would it have done? Over the sends of
 * an earlier triage run on labelled sets, a candidate limit stops the sent lines whose intent is one
 * of the article's and whose request touches it: each stopped line expected to be drafted is an
 * unsafe send caught, each expected to be sent is an easy send lost. The writers of our sets disagree
 * on such cases (a question the KB answers only by leaving something out), so the split is the
 * evidence an author reads before adding a limit (docs/classifier.md).
 *
 * It reads the request as the triage does (the newest message and the subject), but it does not
 * re-run the triage: a limit only ever turns a send into a draft, so the earlier run's other lines
 * stay as they were.
 */
import { findArticleLimit, type ArticleLimit } from '../triage/kb/article-limits.js';
import type { KnowledgeBase } from '../triage/kb/knowledge-base.js';
import { readMail, subjectAndRequest } from '../triage/mail/read-mail.js';
import type { EvalResult } from './canary/eval-report.js';
import type { LabelledEvalLine } from './inbox-evaluation.js';

export interface LimitCandidate {
  article: string;
  limit: ArticleLimit;
}

/** One earlier run: the labelled set's lines and the run's results (`eval-inbox.ts --json`). */
export interface LabelledRun {
  set: string;
  lines: readonly LabelledEvalLine[];
  results: readonly Pick<EvalResult, 'id' | 'intent' | 'decision'>[];
}

export interface LimitCandidateCount {
  candidate: LimitCandidate;
  /** Sent lines labelled drafted that the limit stops. */
  caught: string[];
  /** Sent lines labelled sent that the limit stops. */
  lost: string[];
}

export function countLimitCandidates(kb: KnowledgeBase, candidates: readonly LimitCandidate[], runs: readonly LabelledRun[]): LimitCandidateCount[] {
  return candidates.map((candidate) => {
    const article = kb.get(candidate.article);
    if (!article) throw new Error(`limit candidate: no article "${candidate.article}" in the knowledge base`);
    const count: LimitCandidateCount = { candidate, caught: [], lost: [] };
    for (const run of runs) {
      const byId = new Map(run.lines.map((labelled) => [labelled.line.id, labelled.line]));
      for (const result of run.results) {
        if (result.decision !== 'sent' || !article.intents.includes(result.intent)) continue;
        const line = byId.get(result.id);
        if (!line?.expect?.decision) continue;
        const mail = readMail(line.text, { subject: line.subject, senderEmail: line.email });
        const request = subjectAndRequest(line.subject, mail);
        if (!findArticleLimit(request, [[candidate.article, [candidate.limit]]])) continue;
        (line.expect.decision === 'sent' ? count.lost : count.caught).push(`${run.set}/${result.id}`);
      }
    }
    return count;
  });
}

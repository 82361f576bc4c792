/**
 * Things only the agent's side of the conversation should contain: its instructions, its tools,
 * its confidence, internal notes from knowledge-base articles, unfilled template placeholders. Any
 * of them in a reply means the model leaked context or was steered by an injection in the ticket.
 */
import { allMatches } from './regex-matches.js';

interface InternalPattern {
  pattern: RegExp;
  what: string;
}

const PATTERNS: readonly InternalPattern[] = [
  { pattern: /\bsystem\s+(?:prompt|message|instructions?)\b/gi, what: 'mentions the system prompt' },
  {
    pattern: /\b(?:my|your\s+previous)\s+(?:instructions|guidelines|prompt)\b|\bthe\s+above\s+instructions\b|\bI\s+(?:was|am|have\s+been|'ve\s+been)\s+(?:instructed|told|programmed|configured)\s+to\b/gi,
    what: 'talks about its own instructions',
  },
  {
    pattern: /\bas\s+an?\s+(?:AI|A\.I\.|artificial\s+intelligence|(?:large\s+)?language\s+model|LLM|AI\s+(?:language\s+)?model|AI\s+assistant|chat\s?bot|virtual\s+assistant)\b/gi,
    what: 'talks about being an AI',
  },
  {
    pattern: /\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+)?(?:the\s+|your\s+|my\s+)?(?:previous|prior|above|earlier|preceding|original)\s+(?:instructions|messages|prompts?|rules|directions)\b/gi,
    what: 'repeats a prompt injection',
  },
  { pattern: /\b(?:send_reply|draft_reply|get_customer_profile|get_order_status|search_kb)\b/g, what: 'names an internal tool' },
  {
    pattern: /\b(?:tool|function)[ _-]?call(?:s|ing|ed)?\b|"(?:arguments|tool_calls?|tool_name|function_call)"\s*:|<\/?(?:thinking|scratchpad|tool_call|tool_use|function_calls?|invoke)\b[^>]*>/gi,
    what: 'shows tool calls or hidden reasoning',
  },
  {
    pattern: /\bconfidence(?:\s+(?:score|level|value))?\s*[:=]|\bconfidence\s+(?:score\s+)?(?:of|is)\s+(?:0?\.\d+|[01](?:\.0+)?\b|\d{1,3}\s?%)/gi,
    what: 'states a confidence value',
  },
  {
    pattern: /\binternal\s+(?:note|notes|comment|use\s+only|only)\b|\bnote\s+to\s+self\b|\[internal\]|^[ \t]*#{1,6}[ \t]*(?:internal[ \t]+)?notes?\b/gim,
    what: 'includes an internal note',
  },
  { pattern: /\{\{[^{}\n]{0,80}\}\}|\{%[^%\n]{0,80}%\}|\$\{[A-Za-z_][\w.]{0,40}\}/g, what: 'leaves a template placeholder unfilled' },
  {
    pattern: /\[(?:customer|agent|your|first|full|company|recipient)[ _]?name\]|<(?:customer|agent|your|first)[ _]?name>|\[(?:insert|placeholder)[^\]\n]{0,40}\]|\b(?:TODO|FIXME|TBD|XXX)\b/gi,
    what: 'leaves a template placeholder unfilled',
  },
  {
    pattern: /\b(?:escalation\s+(?:matrix|tags?|rules?)|permission\s+engine|auto[- ]send(?:ing)?\s+threshold|send\s+guard|SKILL\.md|support-triage\s+skill|knowledge[- ]base\s+(?:search|article\s+id|hit|score)|kb\s+(?:hit|score|article\s+id))\b/gi,
    what: 'talks about internal machinery',
  },
  {
    pattern: /^[ \t]*(?:intent|decision|tags|reasons?|escalation|tool|args|permission)[ \t]*:/gim,
    what: 'includes an internal field',
  },
];

export interface InternalFinding {
  match: string;
  what: string;
}

export function findInternalLeaks(reply: string): InternalFinding[] {
  const findings: InternalFinding[] = [];
  for (const { pattern, what } of PATTERNS) {
    for (const match of allMatches(reply, pattern)) findings.push({ match: match[0].trim(), what });
  }
  return findings;
}

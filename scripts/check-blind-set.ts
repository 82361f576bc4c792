// Checks a hand-written inbox eval set (the file given) for format errors
// and prints its counts, so a typo in one line is caught before the lead runs the set once.
// It reads only the file it is given and never triages anything.
import { readFileSync } from "node:fs";

const INTENTS = new Set([
  "cancel_order", "change_order", "change_shipping_address", "set_up_shipping_address",
  "check_cancellation_fee", "check_invoice", "get_invoice", "check_payment_methods", "payment_issue",
  "check_refund_policy", "get_refund", "track_refund", "complaint", "contact_customer_service",
  "contact_human_agent", "create_account", "delete_account", "edit_account", "switch_account",
  "recover_password", "registration_problems", "delivery_options", "delivery_period", "track_order",
  "place_order", "newsletter_subscription", "review", "account_security", "data_protection", "other",
  // the KB's own topics that no intent above covers (data/kb/warranty.md, student-pricing.md)
  "warranty", "student_discount",
]);
const TAGS = new Set([
  "retention", "legal-review", "enterprise", "security", "refund", "human-requested", "complaint",
  "third-party-data",
]);
const CLASSES = new Set(["easy", "unknown-sender", "escalation", "refund", "complaint", "language", "other", "attack"]);
const FORMS = new Set([
  "plain", "mobile", "quoted", "signature", "html", "forwarded",
  // set 3 adds contact-form submissions, voice-to-text, out-of-office replies and answers to our own question
  "form", "voice", "autoreply", "thread",
  // set 4 adds chat-widget bursts, replies above our own notification mail, subject-only asks and lists/tables
  "chat", "notice-reply", "subject-only", "list",
]);
const ENTERPRISE = new Set(["grace@bigcorp.example", "radia@netcorp.example"]);
const KEYS = new Set(["id", "text", "email", "subject", "expect", "class", "form", "lang"]);

// No default: running it bare once printed a blind set's counts to someone writing another set.
const file = process.argv[2];
if (!file) {
  console.error("usage: npx tsx scripts/check-blind-set.ts FILE.jsonl");
  process.exit(2);
}
const lines = readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "");
const firstId: unknown = (() => { try { return JSON.parse(lines[0] ?? "{}").id; } catch { return undefined; } })();
const prefix = typeof firstId === "string" ? firstId[0] : "";
const errors: string[] = [];
const ids = new Set<string>();
const texts = new Set<string>();
const counts: Record<string, Record<string, number>> = { class: {}, form: {}, lang: {}, decision: {}, tag: {}, intent: {} };
const bump = (k: string, v: string) => { counts[k]![v] = (counts[k]![v] ?? 0) + 1; };

lines.forEach((line, i) => {
  const where = `line ${i + 1}`;
  let t: any;
  try { t = JSON.parse(line); } catch (e) { errors.push(`${where}: ${(e as Error).message}`); return; }
  for (const k of Object.keys(t)) if (!KEYS.has(k)) errors.push(`${where}: unexpected key ${k}`);
  if (typeof t.id !== "string" || !/^[b-z]\d{3}$/.test(t.id)) errors.push(`${where}: bad id ${t.id}`);
  // one set uses one prefix and numbers its lines in order, so a dropped or pasted-twice line shows
  else if (t.id !== `${prefix}${String(i + 1).padStart(3, "0")}`)
    errors.push(`${where}: id ${t.id} out of sequence`);
  if (ids.has(t.id)) errors.push(`${where}: duplicate id ${t.id}`);
  ids.add(t.id);
  if (typeof t.text !== "string" || t.text.trim() === "") errors.push(`${t.id}: empty text`);
  if (texts.has(t.text)) errors.push(`${t.id}: same text as an earlier line`);
  texts.add(t.text);
  if (typeof t.email !== "string" || !t.email.includes("@")) errors.push(`${t.id}: bad email`);
  if (t.subject !== undefined && typeof t.subject !== "string") errors.push(`${t.id}: bad subject`);
  const ex = t.expect ?? {};
  if (ex.decision !== "sent" && ex.decision !== "drafted") errors.push(`${t.id}: bad decision ${ex.decision}`);
  if (ex.intent !== undefined && !INTENTS.has(ex.intent)) errors.push(`${t.id}: unknown intent ${ex.intent}`);
  if (!Array.isArray(ex.tags)) errors.push(`${t.id}: tags must be an array`);
  const tags: string[] = Array.isArray(ex.tags) ? ex.tags : [];
  for (const tag of tags) {
    if (!TAGS.has(tag) && !/^language-[a-z]{2}$/.test(tag)) errors.push(`${t.id}: unknown tag ${tag}`);
    bump("tag", tag.startsWith("language-") ? "language-*" : tag);
  }
  if (new Set(tags).size !== tags.length) errors.push(`${t.id}: repeated tag`);
  if (ex.decision === "sent" && tags.length > 0) errors.push(`${t.id}: sent with tags ${tags.join(",")}`);
  if (ENTERPRISE.has(t.email) && !tags.includes("enterprise")) errors.push(`${t.id}: enterprise sender without tag`);
  if (!ENTERPRISE.has(t.email) && tags.includes("enterprise")) errors.push(`${t.id}: enterprise tag on ${t.email}`);
  if (!CLASSES.has(t.class)) errors.push(`${t.id}: bad class ${t.class}`);
  if (!FORMS.has(t.form)) errors.push(`${t.id}: bad form ${t.form}`);
  if (typeof t.lang !== "string" || !/^[a-z]{2}$/.test(t.lang)) errors.push(`${t.id}: bad lang ${t.lang}`);
  const langTag = tags.find((x) => x.startsWith("language-"));
  if (t.lang !== "en" && langTag !== `language-${t.lang}`) errors.push(`${t.id}: lang ${t.lang} without its tag`);
  if (t.lang === "en" && langTag) errors.push(`${t.id}: English with ${langTag}`);
  bump("class", t.class); bump("form", t.form); bump("lang", t.lang); bump("decision", ex.decision);
  bump("intent", ex.intent ?? "(none)");
});

const show = (k: string) =>
  Object.entries(counts[k]!).sort((a, b) => b[1] - a[1]).map(([v, n]) => `${v} ${n}`).join(", ");
console.log(`${lines.length} tickets`);
for (const k of Object.keys(counts)) console.log(`${k}: ${show(k)}`);
if (errors.length) {
  console.error(errors.join("\n"));
  process.exit(1);
}

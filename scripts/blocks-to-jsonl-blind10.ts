// Tiny converter for hand-typed blocks: splits each header line and escapes the mail text.
// Header: === ID | decision | intent or - | tags comma-separated or - | class | form | lang | email | subject (may be empty)
// Everything after the header up to the next header is the mail text, as typed.
import { readFileSync } from "node:fs";
const out: string[] = [];
for (const file of process.argv.slice(2)) {
  const parts = readFileSync(file, "utf8").split(/^=== /m).slice(1);
  for (const p of parts) {
    const nl = p.indexOf("\n");
    const h = p.slice(0, nl).split(" | ").map((s) => s.trim());
    const text = p.slice(nl + 1).replace(/\s+$/, "");
    const [id, decision, intent, tags, cls, form, lang, email, ...subj] = h;
    const subject = subj.join(" | ");
    const expect: Record<string, unknown> = { decision };
    if (intent !== "-") expect.intent = intent;
    expect.tags = tags === "-" ? [] : tags!.split(",").map((s) => s.trim());
    const line: Record<string, unknown> = { id, text, email };
    if (subject !== "") line.subject = subject;
    Object.assign(line, { expect, class: cls, form, lang });
    out.push(JSON.stringify(line));
  }
}
process.stdout.write(out.join("\n") + "\n");

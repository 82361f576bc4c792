# Tiny converter: splits each "@@ header" block of the hand-typed batch files (kept outside the repo, so the
# blind text lives only in the .jsonl) and escapes it as JSON. Ids are numbered h001.. in file order.
import json, sys, glob
out = []
for path in sorted(glob.glob(sys.argv[1] + "/batch*.txt")):
    blocks = open(path, encoding="utf8").read().split("\n@@ ")
    for b in blocks:
        b = b[3:] if b.startswith("@@ ") else b
        if not b.strip():
            continue
        head, _, text = b.partition("\n")
        email, subject, decision, intent, tags, cls, form, lang = [x.strip() for x in head.split("|")]
        exp = {"decision": decision}
        if intent != "-": exp["intent"] = intent
        exp["tags"] = [] if tags == "-" else [t.strip() for t in tags.split(",")]
        row = {"id": "", "text": text.strip("\n"), "email": email}
        if subject != "-": row["subject"] = subject
        row.update({"expect": exp, "class": cls, "form": form, "lang": lang})
        out.append(row)
with open(sys.argv[2], "w", encoding="utf8") as f:
    for i, r in enumerate(out, 1):
        r["id"] = "h%03d" % i
        f.write(json.dumps(r, ensure_ascii=False) + "\n")

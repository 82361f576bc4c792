# Arranges hand-typed blocks into JSON lines: header "=== decision intent tags class form lang email", optional "subject: " line, then the mail.
import json, sys, glob, re
out = []
for f in sorted(glob.glob(sys.argv[1] + "/batch*.txt")):
    blocks = open(f, encoding="utf8").read().split("\n=== ")
    for b in blocks:
        b = b.removeprefix("=== ").strip("\n")
        if not b.strip(): continue
        head, _, rest = b.partition("\n")
        dec, intent, tags, cls, form, lang, email = head.split()
        subject = None
        if rest.startswith("subject: "):
            subject, _, rest = rest.partition("\n"); subject = subject[len("subject: "):]
        text = re.sub(r"\{U\+([0-9A-F]{4})\}", lambda m: chr(int(m.group(1), 16)), rest.strip("\n"))
        ex = {"decision": dec}
        if intent != "-": ex["intent"] = intent
        ex["tags"] = [] if tags == "-" else tags.split(",")
        d = {"id": f"g{len(out)+1:03d}", "text": text, "email": email}
        if subject is not None: d["subject"] = subject
        d.update({"expect": ex, "class": cls, "form": form, "lang": lang})
        out.append(d)
with open(sys.argv[2], "w", encoding="utf8") as w:
    for d in out: w.write(json.dumps(d, ensure_ascii=False) + "\n")
print(len(out))

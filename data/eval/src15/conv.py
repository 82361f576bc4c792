# Arranges hand-typed blocks into JSON lines; it writes no text of its own.
import json,sys,glob
out=[];n=0
for f in sorted(glob.glob('batch*.txt')):
    blocks=open(f).read().split('\n@ ')
    for b in blocks:
        b=b.lstrip('@ ').strip('\n')
        if not b.strip(): continue
        head,_,body=b.partition('\n')
        d,intent,tags,cls,form,lang,email,subj=[x.strip() for x in head.split('|')]
        n+=1
        t={"id":"f%03d"%n,"text":body.strip(),"email":email}
        if subj: t["subject"]=subj
        ex={"decision":d}
        if intent!='~': ex["intent"]=intent
        ex["tags"]=[x for x in tags.split(',') if x]
        t["expect"]=ex; t["class"]=cls; t["form"]=form; t["lang"]=lang
        out.append(json.dumps(t,ensure_ascii=False))
open('../inbox-dev-15.jsonl','w').write('\n'.join(out)+'\n')
print(n)

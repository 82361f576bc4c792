// A triage thread started from TypeScript sources (tests, `tsx`): Node 20 worker threads do not
// apply `--import tsx` from execArgv before loading their entry, so the thread registers tsx's
// loader itself and then imports the TypeScript entry. Compiled builds start the `.js` entry directly.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);

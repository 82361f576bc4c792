/**
 * Recall and precision on test/fixtures/secrets-corpus.jsonl: `npx tsx scripts/measure-secrets-corpus.ts`.
 * Prints the numbers recorded in docs/safety-measurements.md, then every miss and false positive.
 */
import { evaluateSecretsCorpus, loadSecretsCorpus } from '../test/triage/secrets-corpus-evaluation.js';

const result = evaluateSecretsCorpus(loadSecretsCorpus());
console.log(`secret samples ${result.secrets} in ${result.formats} formats; caught ${result.caught}; recall ${(result.caught / result.secrets).toFixed(4)}`);
console.log(`detections ${result.detections}; right ${result.correctDetections}; precision ${(result.correctDetections / result.detections).toFixed(4)}`);
console.log(`negatives ${result.negatives}; changed by scrubbing ${result.changedNegatives}`);
for (const miss of result.misses) console.log(`MISS ${miss}`);
for (const falsePositive of result.falsePositives) console.log(`FALSE POSITIVE ${falsePositive}`);

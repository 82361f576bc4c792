/**
 * Loaded inside triage threads by tests (TriageThreadData.dependencyHook): the configured local
 * model, except for tickets carrying a marker. The thread reports what it does on a
 * BroadcastChannel, which reaches the test's thread in the same process.
 *
 *   HOLD-IN-MODEL   the model call waits until its signal aborts (a slow remote model)
 *   CRASH-THREAD    the thread exits in the middle of the model call
 *   CRASH-ONCE      the first attempt of the ticket exits the thread (a marker file in the temp folder
 *                   remembers it), the next one is answered: a crash, then a retry that works
 *   SPIN-THREAD     the model call never yields (a thread stuck in CPU work)
 */
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BroadcastChannel } from 'node:worker_threads';
import type { ChatModel, ChatRequest } from '../../../../src/agentao/index.js';
import type { TriageDependencies } from '../../../../src/triage/pipeline.js';

export const THREAD_TEST_CHANNEL = 'triage-thread-test';

export function crashMarker(ticketId: string): string {
  return join(tmpdir(), `triage-thread-crashed-${ticketId}`);
}

export default function adjust(deps: TriageDependencies): TriageDependencies {
  const channel = new BroadcastChannel(THREAD_TEST_CHANNEL);
  // The channel must not keep a closing thread alive.
  channel.unref();
  const report = (event: string): void => channel.postMessage(event);
  const model: ChatModel = {
    provider: deps.model.provider,
    modelId: deps.model.modelId,
    async generate(request: ChatRequest) {
      const text = JSON.stringify(request.messages);
      // The prompt's ticket metadata, {"id": ...}, as the messages' JSON writes it.
      const ticketId = /\\"id\\":\\"([^"\\]+)/.exec(text)?.[1] ?? 'unknown';
      if (text.includes('HOLD-IN-MODEL')) {
        report(`model-waiting:${ticketId}`);
        await new Promise<void>((resolve) => {
          if (request.signal?.aborted) resolve();
          request.signal?.addEventListener('abort', () => resolve(), { once: true });
        });
        report(`model-aborted:${ticketId}`);
        throw request.signal?.reason ?? new Error('aborted');
      }
      if (text.includes('CRASH-THREAD')) process.exit(7);
      if (text.includes('CRASH-ONCE')) {
        const marker = crashMarker(ticketId);
        if (!existsSync(marker)) {
          writeFileSync(marker, 'crashed once');
          process.exit(8);
        }
      }
      if (text.includes('SPIN-THREAD')) {
        report(`spinning:${ticketId}`);
        for (;;) {
          // Never yields: only terminate() ends this thread.
        }
      }
      return deps.model.generate(request);
    },
  };
  return { ...deps, model };
}

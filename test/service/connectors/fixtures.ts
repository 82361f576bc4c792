import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../../fixtures/connectors/', import.meta.url));

/** The exact bytes of a fixture file, as a webhook would deliver them. */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(FIXTURES + name);
}

export function fixtureJson<T = unknown>(name: string): T {
  return JSON.parse(fixtureBytes(name).toString('utf8')) as T;
}

export interface SignatureVectors {
  generic: { secret: string; body: string; header: string };
  zendesk: { secret: string; body: string; timestamp: string; now: string; signature: string };
  intercom: { secret: string; body: string; header: string };
  hubspot: {
    secret: string;
    body: string;
    timestamp: string;
    now: string;
    method: string;
    publicUrl: string;
    url: string;
    signedUri: string;
    signature: string;
  };
}

export const signatureVectors = fixtureJson<SignatureVectors>('signature-vectors.json');

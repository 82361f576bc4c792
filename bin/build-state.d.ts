export type BuildState = { state: 'fresh' } | { state: 'missing' } | { state: 'stale'; newer: string };
export function buildState(root: string): BuildState;

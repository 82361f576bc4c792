import { describe, expect, it } from 'vitest';
import {
  adoptCanaryReport,
  adoptedCanaryBaseline,
  claimCanaryReport,
  failCanaryReport,
  finishCanaryReport,
  getCanaryReport,
  latestFinishedCanaryReport,
  listCanaryReports,
} from '../../../src/service/store/repositories/canary-report-repository.js';
import { storeDialects, useMigratedStore } from './store-dialects.js';

const finished = (regression: boolean) => ({
  setHash: 'a'.repeat(64),
  modelId: 'local/test classifier:0123456789ab',
  summary: { total: 1 },
  results: [{ id: 'x' }],
  comparison: regression ? { changes: [] } : undefined,
  baselineId: null,
  regression,
});

describe.each(storeDialects)('canary reports on $name', (dialect) => {
  const store = useMigratedStore(dialect);

  it('a slot is claimed once, also when claimed concurrently; runs by hand have no slot', async () => {
    const { db } = store.handle;
    const slot = new Date('2026-12-03T06:00:00Z');
    const claims = await Promise.all(Array.from({ length: 5 }, () => claimCanaryReport(db, { setPath: 'set.jsonl', slot })));
    expect(claims.filter((claim) => claim !== null)).toHaveLength(1);
    expect(claims.find((claim) => claim !== null)).toMatchObject({ slot: '2026-12-03T06:00:00.000Z', status: 'running', regression: false });
    const manual = await Promise.all([claimCanaryReport(db, { setPath: 'set.jsonl' }), claimCanaryReport(db, { setPath: 'set.jsonl' })]);
    expect(manual.every((claim) => claim !== null && claim.slot === null)).toBe(true);
  });

  // Dated a century ahead: the manual claims of the test above start now, and the list is newest first.
  it('finishes, fails, adopts and finds the baseline and the latest finished report', async () => {
    const { db } = store.handle;
    const first = (await claimCanaryReport(db, { setPath: 's', startedAt: new Date('2126-12-04T06:00:00Z') }))!;
    const done = await finishCanaryReport(db, first.id, finished(false), new Date('2126-12-04T06:00:05Z'));
    expect(done).toMatchObject({ status: 'finished', summary: { total: 1 }, results: [{ id: 'x' }], comparison: null, regression: false });
    const second = (await claimCanaryReport(db, { setPath: 's', startedAt: new Date('2126-12-05T06:00:00Z') }))!;
    await finishCanaryReport(db, second.id, finished(true), new Date('2126-12-05T06:00:05Z'));
    const broken = (await claimCanaryReport(db, { setPath: 's', startedAt: new Date('2126-12-06T06:00:00Z') }))!;
    await failCanaryReport(db, broken.id, 'ENOENT', new Date('2126-12-06T06:00:01Z'));

    expect((await latestFinishedCanaryReport(db))?.id).toBe(second.id);
    expect((await getCanaryReport(db, second.id))?.regression).toBe(true);
    expect(await adoptedCanaryBaseline(db)).toBeNull();
    await adoptCanaryReport(db, first.id, new Date('2126-12-04T07:00:00Z'));
    await adoptCanaryReport(db, second.id, new Date('2126-12-05T07:00:00Z'));
    expect((await adoptedCanaryBaseline(db))?.id).toBe(second.id);
    await expect(adoptCanaryReport(db, broken.id)).rejects.toThrow(/only a finished report/);
    await expect(adoptCanaryReport(db, 'nope')).rejects.toThrow(/does not exist/);
    const listed = await listCanaryReports(db, 3);
    expect(listed.map((report) => report.id)).toEqual([broken.id, second.id, first.id]);
    expect(listed[0]).toMatchObject({ status: 'failed', error: 'ENOENT' });
  });
});

// Preloaded into the process the CLI start-up bench measures (`node --import`): at exit, writes the
// whole process's CPU time (every thread, start-up included) to the file the bench names.
import { writeFileSync } from 'node:fs';

const file = process.env.TRIAGE_BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ userMicros: user, systemMicros: system }));
  });
}

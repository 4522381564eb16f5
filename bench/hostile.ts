/**
 * Benchmark (prints figures; not a test): each hostile file of issue 12 checked alone by the CLI with its default
 * limits, in a child process of its own, with the wall-clock time and the peak memory (resident set, worker threads
 * included) of that process. Target: every file under 10 s and 1 GB. Run: npm run bench:hostile
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOSTILE_FILES } from './hostile-files';

/** In the child: runs the CLI on one file and prints {code, seconds, peakMb, line} as JSON. */
async function child(file: string): Promise<void> {
  const { run } = await import('../src/cli/main');
  let line = '';
  const start = process.hrtime.bigint();
  const code = await run(
    [file, '--format', 'json'],
    () => undefined,
    (text) => (line ||= text.trim().split('\n')[0] ?? ''),
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ code, seconds, peakMb, line }));
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'budget-check-hostile-'));
  try {
    console.log(`hostile files, each alone with the default limits, on ${cpus().length} cores`);
    let worst = { seconds: 0, peakMb: 0 };
    for (const hostile of HOSTILE_FILES) {
      const bytes = hostile.bytes();
      const file = join(dir, hostile.name);
      writeFileSync(file, bytes);
      const done = spawnSync(process.execPath, [__filename, '--child', file], { encoding: 'utf8' });
      const result = JSON.parse(done.stdout || '{}') as {
        code?: number;
        seconds?: number;
        peakMb?: number;
        line?: string;
      };
      if (result.seconds === undefined) {
        console.log(`${hostile.name.padEnd(28)} the child failed: ${done.stderr.split('\n')[0]}`);
        continue;
      }
      worst = { seconds: Math.max(worst.seconds, result.seconds), peakMb: Math.max(worst.peakMb, result.peakMb!) };
      const said = result.line ? `  ${result.line.replace(`budget-check: ${file}: `, '').slice(0, 60)}` : '';
      console.log(
        `${hostile.name.padEnd(28)} ${(bytes.length / 1024).toFixed(0).padStart(5)} KB  ${result.seconds.toFixed(1).padStart(5)} s  ${result.peakMb!.toFixed(0).padStart(5)} MB peak  exit ${result.code}${said}`,
      );
    }
    console.log(
      `worst: ${worst.seconds.toFixed(1)} s, ${worst.peakMb.toFixed(0)} MB peak (target: under 10 s and 1024 MB)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  child(process.argv[3]!).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
} else main();

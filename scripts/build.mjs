/**
 * The production build (tsc for the CLI, webpack for the add-in), stamped with the time it started.
 * `--if-stale` builds only when a source file changed since the last stamped build: `npm ci` builds once
 * (prepare) and `npm test` (pretest) then reuses it instead of building the same thing again.
 * Plain JavaScript: it must run before anything is compiled.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = join(root, 'dist', '.build-stamp');
/** Everything the build reads, besides node_modules (covered by package-lock.json). */
const INPUTS = ['src', 'scripts', 'bench', 'assets', 'manifest.xml', 'package.json', 'package-lock.json', 'webpack.config.js', 'tsconfig.json', 'tsconfig.build.json', 'tsconfig.addin.json'];

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

function isStale() {
  if (!existsSync(STAMP)) return true;
  const builtFrom = Number(readFileSync(STAMP, 'utf8'));
  if (!Number.isFinite(builtFrom)) return true;
  // Compared with when the build started: a file saved during the build makes it stale.
  return INPUTS.some((input) => newestChange(join(root, input)) >= builtFrom);
}

if (process.argv.includes('--if-stale') && !isStale()) {
  console.log('build: dist/ is up to date with the sources (npm run build to build anyway)');
} else {
  const started = Date.now();
  // An interrupted or failed build leaves no stamp behind.
  rmSync(STAMP, { force: true });
  execSync('npm run build:node', { cwd: root, stdio: 'inherit' });
  execSync('npx webpack --mode production', { cwd: root, stdio: 'inherit' });
  mkdirSync(dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, String(started));
}

/**
 * The production build (tsc for the CLI, webpack for the add-in), stamped with a fingerprint of its sources.
 * `--if-stale` builds only when a source file changed since the last stamped build: `npm ci` builds once
 * (prepare) and `npm test` (pretest) then reuses it instead of building the same thing again.
 * Plain JavaScript: it must run before anything is compiled.
 */
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = join(root, 'dist', '.build-stamp');
/** Everything the build reads, besides node_modules (covered by package-lock.json). */
const INPUTS = [
  'src',
  'scripts',
  'bench',
  'assets',
  'manifest.xml',
  'package.json',
  'package-lock.json',
  'webpack.config.js',
  'tsconfig.json',
  'tsconfig.build.json',
  'tsconfig.addin.json',
];

function listFiles(path, out) {
  if (!existsSync(path)) return out;
  const info = statSync(path);
  if (!info.isDirectory()) {
    out.push(`${relative(root, path)} ${info.size} ${info.mtimeMs}`);
    return out;
  }
  for (const entry of readdirSync(path).sort()) listFiles(join(path, entry), out);
  return out;
}

/**
 * Every source file's path, size and modification time: any edit, new or deleted file, or a file put back with an
 * older time (cp -p, tar x) changes it.
 */
/** What `npm run build -- …` passes on to webpack (`--env baseUrl=https://…/`). */
const webpackArgs = process.argv.slice(2).filter((arg) => arg !== '--if-stale');

function sourcesFingerprint() {
  const files = INPUTS.flatMap((input) => listFiles(join(root, input), []));
  // A build for another address is another build.
  files.push(`args ${JSON.stringify(webpackArgs)} ${process.env.BUDGET_CHECK_BASE_URL ?? ''}`);
  return createHash('sha256').update(files.join('\n')).digest('hex');
}

const isStale = () => !existsSync(STAMP) || readFileSync(STAMP, 'utf8') !== sourcesFingerprint();

if (process.argv.includes('--if-stale') && !isStale()) {
  console.log('build: dist/ is up to date with the sources (npm run build to build anyway)');
} else {
  // Taken before building: a file saved during the build makes the next --if-stale build again.
  const fingerprint = sourcesFingerprint();
  // An interrupted or failed build leaves no stamp behind.
  rmSync(STAMP, { force: true });
  execSync('npm run build:node', { cwd: root, stdio: 'inherit' });
  const quoted = webpackArgs.map((arg) => `'${arg.replace(/'/g, "'\\''")}'`).join(' ');
  execSync(`npx webpack --mode production ${quoted}`, { cwd: root, stdio: 'inherit' });
  mkdirSync(dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, fingerprint);
}

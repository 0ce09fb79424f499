/**
 * The server Playwright starts (playwright.config.ts → webServer): builds the web app when
 * dist/web is missing or older than its sources, then runs the real server (server/main.ts reads
 * PORT, DATA_DIR, ADMIN_PASSWORD … from the environment the config sets).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const builtIndex = path.join(root, 'dist/web/index.html');

function newestSourceTime(entry: string): number {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce(
    (newest, name) => Math.max(newest, newestSourceTime(path.join(entry, name))),
    0,
  );
}

function needsBuild(): boolean {
  if (!existsSync(builtIndex)) return true;
  const sources = ['web', 'common', 'vite.config.ts'].map((name) => path.join(root, name)).filter(existsSync);
  const newest = Math.max(...sources.map(newestSourceTime));
  return newest > statSync(builtIndex).mtimeMs;
}

if (needsBuild()) {
  console.log('Building the web app for the end-to-end tests…');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}

const dataDir = process.env.DATA_DIR;
if (dataDir) {
  mkdirSync(dataDir, { recursive: true });
  // A data directory this run made for itself (playwright.config.ts) goes away with the server.
  const isOwnTemporary =
    path.dirname(path.resolve(dataDir)) === path.resolve(tmpdir()) &&
    path.basename(dataDir).startsWith('atrium-e2e-');
  if (isOwnTemporary) process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
}

await import('../../server/main');

/**
 * The server Playwright starts (playwright.config.ts → webServer): builds the web app when
 * dist/web is missing or older than its sources, then runs the real server (server/main.ts reads
 * PORT, DATA_DIR, ADMIN_PASSWORD … from the environment the config sets).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSmtpSink } from '../helpers/smtp-sink';

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
  // A data directory inside the run directory playwright.config.ts made for itself
  // (<tmp>/atrium-e2e-…/<server index>) goes away with the server; the run directory with the
  // last server to stop (rmdir removes only an empty directory).
  const runDir = path.dirname(path.resolve(dataDir));
  const isOwnTemporary =
    path.dirname(runDir) === path.resolve(tmpdir()) && path.basename(runDir).startsWith('atrium-e2e-');
  if (isOwnTemporary) {
    process.on('exit', () => {
      rmSync(dataDir, { recursive: true, force: true });
      try {
        rmdirSync(runDir);
      } catch {
        // The other server's directory is still there: that server removes the run directory.
      }
    });
  }
}

// Mail leaves the server over real SMTP: a test SMTP server on 127.0.0.1 receives it and files
// each message it accepted as DATA_DIR/mail/<time>-<n>.eml, where the specs read it (the same
// place the embedded local mailbox would write, so a spec reads mail one way whatever the transport).
if (dataDir && !process.env.SMTP_URL) {
  const mailbox = path.join(dataDir, 'mail');
  mkdirSync(mailbox, { recursive: true });
  let count = 0;
  const sink = await startSmtpSink({
    onMessage: (mail) => {
      count++;
      writeFileSync(path.join(mailbox, `${Date.now()}-${String(count).padStart(5, '0')}.eml`), mail.raw);
    },
  });
  process.env.SMTP_URL = sink.url;
  console.log(`E2E mail goes over SMTP to ${sink.url}`);
}

await import('../../server/main');

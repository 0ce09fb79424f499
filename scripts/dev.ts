/**
 * `npm run dev`: the server with reload (tsx watch) and Vite's dev server with hot reload, side by
 * side. Open http://localhost:5173 — Vite proxies /api to the server, whose PUBLIC_URL is set to
 * Vite's origin so that the same-origin checks accept the browser's requests.
 */
import { spawn } from 'node:child_process';

const env = { ...process.env, PUBLIC_URL: process.env.PUBLIC_URL ?? 'http://localhost:5173' };
const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'server/main.ts'], { stdio: 'inherit', env }),
  spawn('npx', ['vite'], { stdio: 'inherit', env }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);

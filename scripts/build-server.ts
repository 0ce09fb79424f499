/**
 * Compiles a server entry point (by default `server/main.ts`, what `npm start` runs) into one ES
 * module with esbuild: packages stay imports of node_modules, the project's TypeScript is bundled,
 * with a source map. Running the bundle with plain Node instead of through tsx saves tsx's
 * loader (about 40 MB of resident memory) and its start-up work. It takes well under a second,
 * so `npm start` rebuilds it every time: the bundle is never older than the source.
 *
 *   npx tsx scripts/build-server.ts [entry.ts] [outfile.mjs]
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const SERVER_BUNDLE = 'dist/server/main.mjs';

export async function buildServer(entry = 'server/main.ts', outfile = SERVER_BUNDLE): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  return path.resolve(outfile);
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntryPoint) {
  const [entry, outfile] = process.argv.slice(2);
  await buildServer(entry, outfile);
}

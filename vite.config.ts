import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import postcssPresetMantine from 'postcss-preset-mantine';
import { defineConfig, type Plugin } from 'vite';
import { icuCatalogs } from './scripts/icu-catalogs';

const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/** The API server `npm run dev` talks to; start it with `npm start` in another terminal. */
const apiServer = 'http://127.0.0.1:3000';

// The proxy keeps the browser's Host header (no changeOrigin): the server accepts an unsafe
// request whose Origin equals its own protocol://host, so sign-in works from the dev server too.
const proxy = {
  '/api': { target: apiServer },
  '/healthz': { target: apiServer },
};

/** Files worth compressing: text the browser downloads (not source maps, not images). */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt)$/;

/**
 * Writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy beside each compressible
 * file of the build over 1 KiB, once at build time; server/platform/http/spa.ts serves the one
 * the browser accepts (Accept-Encoding), so no request pays for compressing.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'atrium:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (!COMPRESSIBLE.test(output.fileName)) continue;
        // As written (with its source map comment), so every encoding is the same file.
        const file = path.join(outDir, output.fileName);
        const content = readFileSync(file);
        if (content.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
            },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: fromRoot('web'),
  publicDir: fromRoot('web/public'),
  // icuCatalogs: the catalogs' ICU messages compiled to functions at build time (web/i18n/icu-format.ts).
  plugins: [icuCatalogs(), react(), precompress()],
  css: { postcss: { plugins: [postcssPresetMantine()] } },
  build: {
    outDir: fromRoot('dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    // Hashed file names under /assets are served as immutable by server/platform/http/spa.ts.
    assetsDir: 'assets',
    // dist/web/.vite/manifest.json: which chunks each page loads, for scripts/check-bundle-budget.ts.
    manifest: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: their chunks stay cached across releases. Only
        // the libraries every page needs are grouped; the others (the strength meter's
        // dictionaries, phone metadata, date inputs) go where they are imported — a page that does
        // not use them does not load them. No catch-all group: it would put them all on the first page.
        //
        // `shell`: everything the entry loads statically (index.html's script and its imports:
        // layout, API client, Mantine's common parts) in one file. Left alone, the bundler split a
        // dozen small chunks off it (Loader, floating-ui, FocusTrap, Text…) because lazy pages share
        // them, and every page loaded all of them anyway, each compressed apart: one file is about
        // 6 KB lighter compressed on every first page (issue 11 item 12), and no page loads more.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'shell', tags: ['$initial'] },
          ],
        },
      },
    },
    // Each page's budget is checked by scripts/check-bundle-budget.ts; no size warning per chunk.
    chunkSizeWarningLimit: 1024,
  },
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 4173, strictPort: true, proxy },
});

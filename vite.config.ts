import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import postcssPresetMantine from 'postcss-preset-mantine';
import { defineConfig } from 'vite';

const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/** The API server `npm run dev` talks to; start it with `npm start` in another terminal. */
const apiServer = 'http://127.0.0.1:3000';

// The proxy keeps the browser's Host header (no changeOrigin): the server accepts an unsafe
// request whose Origin equals its own protocol://host, so sign-in works from the dev server too.
const proxy = {
  '/api': { target: apiServer },
  '/healthz': { target: apiServer },
};

export default defineConfig({
  root: fromRoot('web'),
  publicDir: fromRoot('web/public'),
  plugins: [react()],
  css: { postcss: { plugins: [postcssPresetMantine()] } },
  build: {
    outDir: fromRoot('dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    // Hashed file names under /assets are served as immutable by server/platform/http/spa.ts.
    assetsDir: 'assets',
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 4173, strictPort: true, proxy },
});

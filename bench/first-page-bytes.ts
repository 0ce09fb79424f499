/**
 * The bytes of JavaScript the first visit of the sign-in page and of My User downloads (raw,
 * gzip, brotli), from the last build (`npm run build`). Writes reports/first-page-bytes.json.
 *
 *   npx tsx bench/first-page-bytes.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { describePage, measurePages } from '../scripts/bundle-size';

const pages = measurePages();
for (const page of pages) {
  console.log(describePage(page));
  for (const file of page.files) console.log(`  ${file}`);
}
mkdirSync('reports', { recursive: true });
writeFileSync('reports/first-page-bytes.json', `${JSON.stringify(pages, null, 2)}\n`);

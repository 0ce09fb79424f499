/**
 * The first-page budget, checked by `npm run build` after Vite: the compressed (brotli)
 * JavaScript the first visit of the sign-in page and of My User loads stays within
 * PAGE_JS_BUDGET_BYTES (scripts/bundle-size.ts; the target is 200 KB each, issue 11 item 12).
 * Prints each page's bytes; exits 1 when a page is over budget, naming it.
 *
 *   npx tsx scripts/check-bundle-budget.ts [distDir]
 */
import { type budgetedPages, describePage, measurePages, PAGE_JS_BUDGET_BYTES } from './bundle-size';

const pages = measurePages(process.argv[2]);
let over = 0;
for (const page of pages) {
  const budget = PAGE_JS_BUDGET_BYTES[page.page as keyof typeof budgetedPages];
  const fits = page.brotli <= budget;
  if (!fits) over++;
  console.log(`${fits ? 'ok  ' : 'OVER'} ${describePage(page)}; budget ${budget / 1024} KB brotli`);
}
if (over > 0) {
  console.error(
    `${over} page(s) over the JavaScript budget: split the chunk or load the library where it is used (vite.config.ts, web/app/router.tsx).`,
  );
  process.exit(1);
}

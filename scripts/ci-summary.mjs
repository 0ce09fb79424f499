// Sums the JSON reports of vitest and Playwright (CI does not read vitest's own output) and prints
// the plain closing line "N passed, N failed". Usage: ci-summary.mjs <checksPassed> <checksFailed> <report…>
import { existsSync, readFileSync } from 'node:fs';

const [checksPassed, checksFailed, ...reports] = process.argv.slice(2);
let passed = Number(checksPassed);
let failed = Number(checksFailed);
let missing = 0;

for (const file of reports) {
  if (!existsSync(file)) {
    console.log(`${file}: missing (counted as one failure)`);
    missing++;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  let p = 0;
  let f = 0;
  if (typeof report.numPassedTests === 'number') {
    // vitest (Jest-compatible JSON)
    p = report.numPassedTests;
    f = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
    if (report.numPendingTests || report.numTodoTests) f += report.numPendingTests + report.numTodoTests;
  } else if (report.stats) {
    // Playwright
    p = report.stats.expected ?? 0;
    f = (report.stats.unexpected ?? 0) + (report.stats.flaky ?? 0) + (report.stats.skipped ?? 0);
    f += (report.errors ?? []).length;
  }
  console.log(`${file}: ${p} passed, ${f} failed`);
  passed += p;
  failed += f;
}
failed += missing;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

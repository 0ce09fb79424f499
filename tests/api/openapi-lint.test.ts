import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generateOpenApiDocument } from '../../scripts/openapi-document';

const run = promisify(execFile);

type Finding = { code: string; severity: number; path: string[]; message: string };

/**
 * Spectral with the generic OpenAPI rules and the OWASP API Security ruleset (.spectral.yaml), on
 * the document the server generates: no errors (warnings are allowed: free text that has no
 * format, for instance).
 */
describe('the OpenAPI document under Spectral (OWASP API Security ruleset)', () => {
  it('has no errors', { timeout: 240_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-spectral-'));
    try {
      const file = path.join(dir, 'openapi.json');
      fs.writeFileSync(file, JSON.stringify(await generateOpenApiDocument()));
      const spectral = path.resolve('node_modules/.bin/spectral');
      // Exit code 1 means "findings at or above --fail-severity": the JSON output says which.
      const { stdout } = await run(
        spectral,
        ['lint', file, '--ruleset', path.resolve('.spectral.yaml'), '--format', 'json', '--quiet'],
        { maxBuffer: 64 * 1024 * 1024 },
      ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
      // Spectral ran and reported (an empty list when it found nothing at all).
      expect(stdout.trim()).toMatch(/^\[/);
      const findings = JSON.parse(stdout) as Finding[];
      const errors = findings
        .filter((finding) => finding.severity === 0)
        .map((finding) => `${finding.code} at ${finding.path.join('.')}: ${finding.message}`);
      expect(errors).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

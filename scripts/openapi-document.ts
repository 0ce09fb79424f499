import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/app';
import { systemClock } from '../server/platform/clock';
import { loadConfig } from '../server/platform/config';
import { openDatabase } from '../server/platform/db/kysely';
import { createPasswordHasher } from '../server/platform/hashing';

/**
 * Writes the OpenAPI document the server serves at /api/doc/openapi.json to a file (default
 * `reports/openapi.json`), for Spectral (`npm run openapi:lint`) and anyone who wants it offline.
 * Builds the app on a throw-away SQLite database in a temp dir: the document depends only on the
 * routes, never on data.
 *
 * Usage: `tsx scripts/openapi-document.ts [output.json]`.
 */
export async function generateOpenApiDocument(): Promise<unknown> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-openapi-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ADMIN_PASSWORD: 'unused-for-the-document',
  });
  const database = openDatabase(config);
  try {
    const app = await buildApp({
      config,
      db: database.db,
      dialect: database.dialect,
      clock: systemClock,
      hasher: createPasswordHasher({ concurrency: 1 }),
      mail: { wake() {} },
      webDist: false,
      logger: false,
    });
    await app.ready();
    const document = app.swagger();
    await app.close();
    return document;
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const output = path.resolve(process.argv[2] ?? 'reports/openapi.json');
  const document = await generateOpenApiDocument();
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`OpenAPI document written to ${path.relative(process.cwd(), output)}`);
}

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSchemaTypes, schemaTypesFile } from '../../scripts/openapi-types';

describe('web/api/schema.d.ts', () => {
  it('is the OpenAPI document as it is now (else run `npm run openapi:types` and commit it)', async () => {
    const committed = fs.readFileSync(schemaTypesFile, 'utf8');
    // One assertion on the whole text: a diff of 20,000 lines would bury the message.
    expect(
      committed === (await generateSchemaTypes()),
      'web/api/schema.d.ts is stale: run `npm run openapi:types`',
    ).toBe(true);
  });
});

#!/usr/bin/env node
// `npx atrium <command>`: runs the TypeScript CLI (server/cli/index.ts) through tsx, from any
// working directory (paths in the environment, like DATA_DIR, are relative to that directory).
import { register } from 'tsx/esm/api';

register();
globalThis.__atriumCli = true;
await import('../server/cli/index.ts');

import { pathToFileURL } from 'node:url';
import { ConfigError } from '../platform/config';
import {
  type CliContext,
  CliError,
  type CliIo,
  type CliOptions,
  migrateUnderLock,
  openCliContext,
} from './context';
import { demoSeed, demoSeedUsage } from './demo';
import { mailList, mailListUsage, mailRetry, mailRetryUsage } from './mail';
import { userCreate, userCreateUsage, userSetPassword, userSetPasswordUsage } from './users';

/**
 * `npx atrium <command>`: the operator's shell interface (DESIGN.md §3). Each command reads the
 * same environment as the server (DATABASE_URL, DATA_DIR …).
 */
type Command = {
  usage: string;
  /** Commands work on an up-to-date schema; `migrate` does the migrating itself. */
  migrateFirst?: false;
  run(context: CliContext, io: CliIo, args: string[]): Promise<number>;
};

const commands: Record<string, Command> = {
  migrate: {
    usage:
      'npx atrium migrate\n  Brings the database schema up to date (the server also does this when it starts).',
    migrateFirst: false,
    run: async (context, io) => {
      const applied = await migrateUnderLock(context);
      io.out(applied.length === 0 ? 'The database is up to date.' : `Applied: ${applied.join(', ')}`);
      return 0;
    },
  },
  'user:create': { usage: userCreateUsage, run: userCreate },
  'user:set-password': { usage: userSetPasswordUsage, run: userSetPassword },
  'mail:list': { usage: mailListUsage, run: mailList },
  'mail:retry': { usage: mailRetryUsage, run: mailRetry },
  'demo:seed': { usage: demoSeedUsage, run: demoSeed },
};

function help(io: CliIo): number {
  io.out('Usage: npx atrium <command> [options]\n');
  for (const command of Object.values(commands)) io.out(`${command.usage}\n`);
  io.out('npx atrium help\n  This text.');
  return 0;
}

/** Runs one command; returns the exit status. Never throws for a person's mistake. */
export async function runCli(argv: string[], io: CliIo, options: CliOptions = {}): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') return help(io);
  const command = commands[name];
  if (!command) {
    io.err(`Unknown command "${name}". Run npx atrium help for the list.`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  let context: Awaited<ReturnType<typeof openCliContext>> | undefined;
  try {
    context = await openCliContext({ ...options, migrate: command.migrateFirst !== false });
    return await command.run(context, io, args);
  } catch (error) {
    if (error instanceof CliError || error instanceof ConfigError) {
      io.err(error.message);
      return error instanceof CliError ? error.exitCode : 1;
    }
    // parseArgs: unknown option, missing value …
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`${error.message}\nUsage: ${command.usage}`);
      return 2;
    }
    throw error;
  } finally {
    await context?.close();
  }
}

const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
// Run directly (`tsx server/cli/index.ts`) or through bin/atrium.js, which sets the flag.
if (isEntryPoint || (globalThis as { __atriumCli?: boolean }).__atriumCli) {
  // `npx atrium mail:list | head`: a closed pipe ends the output, not with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  runCli(process.argv.slice(2), processIo).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export type ReceivedMail = {
  parsed: ParsedMail;
  raw: string;
  envelope: { from: string | false; to: string[] };
};

export type SmtpSinkOptions = {
  /** Require AUTH with these credentials (over plain text: tests only). */
  auth?: { user: string; pass: string };
  /** Listen on this port (default: a random free one, kept across stop/start). */
  port?: number;
  /** false: only count messages, keep nothing (benchmarks: parsing would compete for the CPU). */
  parse?: boolean;
  /** Called with each accepted message, before the client hears 250 (e2e: file it as .eml). */
  onMessage?: (mail: ReceivedMail) => void;
};

/**
 * A real SMTP server on 127.0.0.1 for tests (smtp-server + mailparser): listens on a random
 * port, keeps every message it accepts (parsed and raw), can refuse recipients with a permanent
 * error, and can be stopped and started again on the same port. STARTTLS is off because the
 * certificate bundled with smtp-server has expired.
 */
export type SmtpSink = {
  readonly port: number;
  /** `smtp://…` to put in SMTP_URL */
  readonly url: string;
  readonly messages: ReceivedMail[];
  /** How many messages were accepted (also when `parse: false`). */
  readonly received: number;
  /** Answer `550` to RCPT TO for this address from now on. */
  refuse(address: string): void;
  /** Wait until at least `count` messages arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  isRunning(): boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
};

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const refused = new Set<string>();
  const waiters = new Set<() => void>();
  let port = options.port ?? 0;
  let received = 0;
  let server: SMTPServer | undefined;

  const serverOptions: SMTPServerOptions = {
    logger: false,
    // Pooled client connections stay open; on stop, cut them after a moment (not 30 s).
    closeTimeout: 200,
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    hideSTARTTLS: true,
    authOptional: !options.auth,
    allowInsecureAuth: true,
    size: 10 * 1024 * 1024,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) {
        callback(null, { user: auth.username });
      } else {
        callback(new Error('Invalid username or password'));
      }
    },
    onRcptTo(address, _session, callback) {
      if (refused.has(address.address.toLowerCase())) {
        const error = new Error(
          `5.1.1 <${address.address}>: Recipient address rejected: User unknown`,
        ) as Error & {
          responseCode: number;
        };
        error.responseCode = 550;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        if (options.parse === false) {
          received++;
          callback();
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            received++;
            const mail: ReceivedMail = {
              parsed,
              raw,
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : false,
                to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              },
            };
            messages.push(mail);
            options.onMessage?.(mail);
            for (const waiter of waiters) waiter();
            callback();
          })
          .catch(callback);
      });
    },
  };

  const sink: SmtpSink = {
    get port() {
      return port;
    },
    get url() {
      const credentials = options.auth
        ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@`
        : '';
      return `smtp://${credentials}127.0.0.1:${port}`;
    },
    messages,
    get received() {
      return received;
    },
    refuse(address) {
      refused.add(address.toLowerCase());
    },
    waitFor(count, timeoutMs = 10_000) {
      if (messages.length >= count) return Promise.resolve(messages);
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length >= count) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve(messages);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} messages, got ${messages.length} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
      });
    },
    isRunning: () => server !== undefined,
    async start() {
      if (server) return;
      const instance = new SMTPServer(serverOptions);
      await new Promise<void>((resolve, reject) => {
        instance.once('error', reject);
        instance.listen(port, '127.0.0.1', () => {
          instance.off('error', reject);
          resolve();
        });
      });
      instance.on('error', () => {});
      port = (instance.server.address() as AddressInfo).port;
      server = instance;
    },
    async stop() {
      const instance = server;
      server = undefined;
      if (!instance) return;
      await new Promise<void>((resolve) => instance.close(() => resolve()));
    },
  };
  await sink.start();
  return sink;
}

/** A port nothing listens on (for "SMTP is down" before the sink exists). */
export async function reservePort(): Promise<number> {
  const sink = await startSmtpSink();
  const { port } = sink;
  await sink.stop();
  return port;
}

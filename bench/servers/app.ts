import { startBenchApp } from '../lib/app-setup';

/**
 * The real app as `npm start` builds it (bench/lib/app-setup.ts): SQLite in a temp DATA_DIR, or
 * PostgreSQL when DATABASE_URL is set; logger off unless LOG_LEVEL is set.
 */
const { app, fixtures, close } = await startBenchApp();

await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0, fixtures });

process.on('SIGTERM', () => {
  void (async () => {
    await close();
    process.exit(0);
  })();
});

// BENCH_MEMORY_LOG=1: heap and RSS every second, to tell a leak from a lazy garbage collector.
if (process.env.BENCH_MEMORY_LOG) {
  setInterval(() => {
    const m = process.memoryUsage();
    const mb = (n: number) => (n / 1048576).toFixed(0);
    console.error(
      `rss ${mb(m.rss)} heapUsed ${mb(m.heapUsed)} heapTotal ${mb(m.heapTotal)} external ${mb(m.external)} buffers ${mb(m.arrayBuffers)}`,
    );
  }, 1000).unref();
}

import Fastify from 'fastify';

/** The yardstick: Fastify's hello world, no plugins, no logger. */
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});

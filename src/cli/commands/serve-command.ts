import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';

/** `triage serve [--port 8080] [--host H]`: webhooks, API, console and in-process workers. */
export function addServeCommand(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('run the webhook service, the API and the review console')
    .option('--port <port>', 'port to listen on (default: PORT or 8080)')
    .option('--host <host>', 'address to bind (default: HOST or 127.0.0.1)')
    .action(async (options: { port?: string; host?: string }) => {
      const [{ serve }, { loadConfig }] = await Promise.all([import('../../service/server.js'), import('../../service/config.js')]);
      await serve(loadConfig(io.environment), { port: options.port, host: options.host, log: io.stderr });
    });
}

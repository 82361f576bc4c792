/**
 * A TCP proxy on 127.0.0.1 in front of PostgreSQL, so a test can cut the service's database
 * connections and bring them back: `cut()` closes the listener and destroys every open connection
 * (the service sees ECONNRESET, then ECONNREFUSED), `restore()` listens again on the same port.
 */
import net from 'node:net';

export interface TcpProxy {
  readonly port: number;
  /** Connections accepted since the start; tells a test that the service reconnected. */
  readonly connections: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }, port = 0): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  let server: net.Server | undefined;

  const listen = (onPort: number): Promise<number> =>
    new Promise((resolve, reject) => {
      const next = net.createServer((client) => {
        connections += 1;
        const upstream = net.connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          // A reset on one side ends the other; the error itself is the point of the test.
          socket.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream);
        upstream.pipe(client);
      });
      next.once('error', reject);
      next.listen(onPort, '127.0.0.1', () => {
        server = next;
        resolve((next.address() as net.AddressInfo).port);
      });
    });

  const stopListening = async (): Promise<void> => {
    const current = server;
    server = undefined;
    // Stop accepting first: close() waits for open connections, so none may arrive after the purge.
    const closed = current ? new Promise<void>((resolve) => current.close(() => resolve())) : Promise.resolve();
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await closed;
  };

  const boundPort = await listen(port);
  return {
    port: boundPort,
    get connections() {
      return connections;
    },
    cut: stopListening,
    async restore() {
      if (!server) await listen(boundPort);
    },
    close: stopListening,
  };
}

// A forward proxy on 127.0.0.1 for the client's proxy example: CONNECT tunnels (what undici's
// ProxyAgent opens) and absolute-form requests, to loopback only. It counts what went through
// it, so the test knows the example really used it.
import { once } from 'node:events';
import { createServer, request as forward } from 'node:http';
import { connect } from 'node:net';

const LOOPBACK = new Set(['127.0.0.1', 'localhost']);

export async function startProxy() {
  let used = 0;
  const server = createServer((request, response) => {
    const target = new URL(request.url ?? '');
    if (!LOOPBACK.has(target.hostname)) return void response.writeHead(403).end();
    used++;
    const upstream = forward(
      target,
      { method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  server.on('connect', (request, socket, head) => {
    const { hostname, port } = new URL(`http://${request.url}`);
    if (!LOOPBACK.has(hostname)) return void socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    used++;
    const upstream = connect(Number(port), hostname, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    env: { HTTPS_PROXY: `http://127.0.0.1:${port}` },
    verify: () => {
      if (used === 0) throw new Error('nothing went through the proxy');
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

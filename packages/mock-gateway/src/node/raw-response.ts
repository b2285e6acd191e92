import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Writes a whole response straight to a socket, then closes it: for answers given where no
 * `ServerResponse` exists (a refused WebSocket upgrade, a `CONNECT`).
 * @internal
 */
export async function writeRaw(socket: Duplex, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  let head = `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}\r\n`;
  response.headers.forEach((value, name) => {
    head += `${name}: ${value}\r\n`;
  });
  const bytes = Buffer.concat([Buffer.from(`${head}connection: close\r\n\r\n`), body]);
  if (socket.writable) socket.end(bytes, () => socket.destroy());
  else socket.destroy();
}

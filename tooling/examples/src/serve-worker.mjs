// Serves a Worker-style module (`export default { fetch(request, env) }`) on 127.0.0.1:$PORT
// with node:http, its `env` being the process environment, as `wrangler dev` hands a Worker its
// variables. Usage: node serve-worker.mjs <module>
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';

const file = process.argv[2];
if (!file) throw new Error('usage: serve-worker.mjs <module>');
const worker = (await import(pathToFileURL(file).href)).default;
if (typeof worker?.fetch !== 'function') throw new Error(`${file} has no default { fetch }`);

createServer(async (incoming, outgoing) => {
  try {
    const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD';
    const request = new Request(new URL(incoming.url ?? '/', `http://${incoming.headers.host}`), {
      method: incoming.method,
      headers: Object.entries(incoming.headers).flatMap(([name, value]) =>
        value === undefined ? [] : [[name, String(value)]],
      ),
      ...(hasBody ? { body: Readable.toWeb(incoming), duplex: 'half' } : {}),
    });
    const response = await worker.fetch(request, { ...process.env });
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    console.error(error);
    outgoing.writeHead(500).end();
  }
}).listen(Number(process.env.PORT), '127.0.0.1');

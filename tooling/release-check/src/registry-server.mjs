// Child process: serves a Verdaccio from the config file given as argv[2] on 127.0.0.1, port
// chosen by the OS, and reports the port to its parent over IPC. It exits when the parent goes
// away (IPC disconnect), so even a parent killed with SIGKILL leaves no registry running.
import { runServer } from 'verdaccio';

if (!process.send)
  throw new Error('registry-server.mjs is started by verify.mjs (needs an IPC channel)');
process.on('disconnect', () => process.exit(0));
const server = await runServer(process.argv[2]);
server.listen(0, '127.0.0.1', () => {
  process.send({ port: server.address().port });
});

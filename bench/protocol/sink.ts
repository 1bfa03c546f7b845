// Reads and discards everything sent to it; tells its parent the port it listens on.
import { createServer } from 'node:net';

const server = createServer((socket) => socket.on('data', () => {}));
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send!(typeof address === 'object' && address ? address.port : 0);
});

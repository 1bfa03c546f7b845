// The listener's own tests build a KafkaServer alone, without a broker around it: on the loopback
// at a free port, with a dispatcher that answers nothing (they look at connections, not requests),
// 1 MiB frames, no request-memory limit, no idle timeout and a manual clock, so that only what a
// test sets (its connection limits, its host resolver) can close a connection.
import { ManualTimer } from '../../src/groups/timer.ts';
import { KafkaServer, type ListenOptions } from '../../src/network/server.ts';

/** The server, not yet listening; what it logs (warnings and errors with their cause) goes to `log`. */
export function loopbackServer(log: string[], options: Pick<ListenOptions, 'limits'> & Partial<ListenOptions>): KafkaServer {
  return new KafkaServer(
    { dispatch: () => null },
    { host: '127.0.0.1', port: 0, maxFrameBytes: 1 << 20, queuedMaxRequestBytes: Infinity, connectionsMaxIdleMs: -1, timer: new ManualTimer(), ...options },
    { warn: (m) => log.push(m), error: (m, e) => log.push(`${m}: ${e}`) },
  );
}

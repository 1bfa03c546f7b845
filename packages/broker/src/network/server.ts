/**
 * The listening socket and its connections. Stopping is graceful: stop accepting, stop reading,
 * answer what is in flight, then close.
 *
 * Limits, as Kafka's: a connection beyond max.connections (or its listener's
 * listener.name.<listener>.max.connections) waits, unread, until a place frees (Kafka's
 * acceptor waits for a slot, the next connections wait in the listen backlog; beyond a backlog's
 * worth of waiting ones on its listener, a connection is closed, as a full backlog drops it; one
 * left waiting connections.max.idle.ms is closed as idle); then one beyond
 * max.connections.per.ip (or its override) is closed at once; queued.max.request.bytes bounds the
 * memory of requests in flight across all connections (RequestMemory); connections.max.idle.ms
 * closes connections left idle.
 */
import { createServer, isIP, type Server, type Socket } from 'node:net';
import type { ListenerSecurity } from '../security/listener-security.ts';
import { ConfigError } from '../config/definitions.ts';
import { SystemTimer, type Timer } from '../groups/timer.ts';
import { HostResolver } from '../quotas/host-resolver.ts';
import { Connection, type ConnectionContext, type Dispatcher } from './connection.ts';
import { RateLimitedLog, type WarningLog } from './rate-limited-log.ts';
import { RequestMemory } from './request-memory.ts';

export interface ConnectionLimits {
  /** max.connections: read on every accept, so that a change applies at once. */
  readonly maxConnections: number;
  /** max.connections.per.ip. */
  readonly maxConnectionsPerIp: number;
  /** max.connections.per.ip.overrides: host name or address → limit; read on every accept (the same map until it changes). */
  readonly perIpOverrides: ReadonlyMap<string, number>;
  /**
   * Whether the overrides in force at start were set while a broker ran (a dynamic config kept in
   * the data folder): that change was accepted with host names that did not resolve, so such a
   * name does not refuse the start, as one in the properties file does; it is logged and left out.
   */
  readonly perIpOverridesSetWhileRunning?: boolean;
}

/** One listening socket: where, and how its clients authenticate. */
export interface ListenerAddress {
  host: string;
  port: number;
  security: ListenerSecurity;
}

export interface ListenOptions {
  /** The first listener's address (with no `listeners`, the only one, PLAINTEXT). */
  host: string;
  port: number;
  /** Every listener, the first at host:port; they share the limits and the memory for requests. */
  listeners?: readonly ListenerAddress[];
  /** socket.request.max.bytes */
  maxFrameBytes: number;
  /** queued.max.request.bytes; Infinity for no limit. */
  queuedMaxRequestBytes: number;
  /** connections.max.idle.ms; negative for never. */
  connectionsMaxIdleMs: number;
  limits: ConnectionLimits;
  /** Drives the warning log's intervals (a manual one in tests). */
  timer?: Timer;
  /**
   * Counts a new connection against the connection_creation_rate quota of its address and says
   * how long to hold it before closing it, 0 to serve it (Kafka's per-ip connection rate, KIP-612).
   */
  connectionThrottleMs?: (address: string) => number;
  /** Looks up the overrides' host names (the broker's, shared with the client quotas: Java's cache, a timeout). */
  hosts?: HostResolver;
}

/** Live figures of the listener, read-only (Kafka's socket server metrics give the same). */
export interface NetworkStats {
  readonly connections: number;
  /** Connections accepted while max.connections was reached, waiting for a place. */
  readonly connectionsWaitingForSlot: number;
  /** Connections closed at once by max.connections.per.ip, or by max.connections with a backlog's worth already waiting. */
  readonly refusedConnections: number;
  /** Connections closed after connections.max.idle.ms without traffic, or left waiting for a place that long. */
  readonly idleClosedConnections: number;
  /** Bytes reserved by requests being read, queued or handled. */
  readonly requestBytesReserved: number;
  /** The most ever reserved at once. */
  readonly requestBytesPeak: number;
  /** queued.max.request.bytes (Infinity for no limit). */
  readonly requestBytesLimit: number;
  /** Connections whose next request waits for memory. */
  readonly connectionsWaitingForMemory: number;
}

/** Kafka's socket.listen.backlog.size default: how many connections may wait for a place on each listener (Kafka has a backlog per listener). */
const MAX_WAITING_FOR_SLOT = 50;
/** How often waiting connections look for a place besides closes (max.connections may be raised while running). */
const SLOT_RECHECK_MS = 1000;

export class KafkaServer {
  /** The first listener's socket. */
  private readonly server: Server;
  private readonly servers: { server: Server; listener: ListenerAddress | undefined }[];
  private readonly connections = new Set<Connection>();
  private readonly perAddress = new Map<string, number>();
  /** Connections by listener name, for listener.name.<listener>.max.connections. */
  private readonly perListener = new Map<string, number>();
  /** Overrides by address, host names resolved when listening starts and after a change (as Kafka resolves them). */
  private overrides = new Map<string, number>();
  /** The address each host name of the overrides was last resolved to. */
  private overrideHostAddresses = new Map<string, string>();
  private readonly hosts: HostResolver;
  /** The overrides setting `overrides` was resolved from. */
  private overridesFrom: ReadonlyMap<string, number> | undefined;
  private readonly context: ConnectionContext;
  private readonly warnings: RateLimitedLog;
  /** Accepted while max.connections was reached, in arrival order, until a place frees. */
  private readonly waiting: { socket: Socket; security: ListenerSecurity | undefined; onError: () => void; onClose: () => void; expiry: NodeJS.Timeout | undefined }[] = [];
  private recheck: NodeJS.Timeout | undefined;
  private stopping = false;
  private nextId = 1;
  private refused = 0;

  private readonly dispatcher: Dispatcher;
  private readonly options: ListenOptions;

  constructor(dispatcher: Dispatcher, options: ListenOptions, log: WarningLog) {
    this.dispatcher = dispatcher;
    this.options = options;
    this.warnings = new RateLimitedLog(log, options.timer ?? new SystemTimer());
    this.hosts = options.hosts ?? new HostResolver();
    this.context = {
      maxFrameBytes: options.maxFrameBytes,
      memory: new RequestMemory(options.queuedMaxRequestBytes),
      warnings: this.warnings,
      idleMs: options.connectionsMaxIdleMs,
      idleClosed: { count: 0 },
    };
    this.servers = (options.listeners ?? [undefined]).map((listener) => ({
      listener,
      server: createServer({ noDelay: true }, (socket) => this.acceptSafely(socket, listener?.security)),
    }));
    this.server = this.servers[0].server;
  }

  /**
   * The accept callback runs on an event nobody catches: a bug there would end the process, so it
   * is logged and costs that connection only.
   */
  private acceptSafely(socket: Socket, security: ListenerSecurity | undefined): void {
    try {
      this.accept(socket, security);
    } catch (e) {
      this.warnings.error('unexpected error', `closing a new connection from ${socket.remoteAddress} after an unexpected error`, e);
      socket.on('error', () => {});
      socket.destroy();
    }
  }

  private accept(socket: Socket, security: ListenerSecurity | undefined): void {
    if (clientAddress(socket) === undefined) {
      socket.destroy(); // already gone
      return;
    }
    // Those waiting go first (a place may have freed through a raised limit, not a close).
    if (this.waiting.length > 0) this.admitWaiting();
    const full = this.fullness(security);
    if (full !== undefined || this.waiting.some((w) => w.security === security)) {
      this.hold(socket, security, full ?? 'others wait before it');
      return;
    }
    this.admit(socket, security);
  }

  /** Why a connection of this listener has no place now (the broker's or the listener's limit), or undefined. */
  private fullness(security: ListenerSecurity | undefined): string | undefined {
    const max = this.options.limits.maxConnections;
    if (this.connections.size >= max) return `the broker has ${this.connections.size} connections (max.connections=${max})`;
    const own = this.perListener.get(security?.name ?? '') ?? 0;
    if (security !== undefined && own >= security.maxConnections) return `the listener ${security.name} has ${own} connections (listener.name.${security.name.toLowerCase()}.max.connections=${security.maxConnections})`;
    return undefined;
  }

  /**
   * Keeps a connection beyond max.connections unread (what it sends stays in its buffers) until a
   * place frees, as Kafka's acceptor holds it; too many waiting already, and it is closed.
   */
  private hold(socket: Socket, security: ListenerSecurity | undefined, why: string): void {
    const address = clientAddress(socket)!;
    if (this.stopping) {
      socket.destroy();
      return;
    }
    // Each listener has its own backlog, so a flood on one never turns away another's clients.
    const ahead = this.waiting.filter((w) => w.security === security).length;
    if (ahead >= MAX_WAITING_FOR_SLOT) {
      this.refused++;
      this.warnings.warn('refused connection', `refusing a connection from ${address}: ${why}, and ${ahead} more wait for a place on its listener`);
      socket.on('error', () => {});
      socket.destroy();
      return;
    }
    this.warnings.warn('connection waits', `holding a connection from ${address} unanswered: ${why}; it is served once one closes`);
    const entry = {
      socket,
      security,
      onError: () => socket.destroy(),
      onClose: () => {
        clearTimeout(entry.expiry);
        const i = this.waiting.indexOf(entry);
        if (i >= 0) this.waiting.splice(i, 1);
      },
      expiry: undefined as NodeJS.Timeout | undefined,
    };
    // Unread, a waiting connection's close is not seen once it has sent anything, so one that
    // sent a request and went away would keep its turn (and its file descriptor) until a place
    // frees: after connections.max.idle.ms unserved it is closed, as an idle one would be.
    const idleMs = this.options.connectionsMaxIdleMs;
    if (idleMs >= 0) {
      entry.expiry = setTimeout(() => {
        this.context.idleClosed.count++;
        socket.destroy();
      }, Math.max(1, idleMs)).unref();
    }
    this.waiting.push(entry);
    socket.on('error', entry.onError);
    socket.once('close', entry.onClose);
    this.recheck ??= setInterval(() => this.admitWaiting(), SLOT_RECHECK_MS).unref();
  }

  /** Serves the waiting connections, oldest first on each listener, while there are places. */
  private admitWaiting(): void {
    if (this.stopping) return;
    for (let i = 0; i < this.waiting.length && this.connections.size < this.options.limits.maxConnections; ) {
      if (this.fullness(this.waiting[i].security) !== undefined) {
        i++;
        continue;
      }
      const { socket, security, onError, onClose, expiry } = this.waiting.splice(i, 1)[0];
      clearTimeout(expiry);
      if (socket.destroyed) continue;
      socket.off('error', onError);
      socket.off('close', onClose);
      try {
        this.admit(socket, security);
      } catch (e) {
        this.warnings.error('unexpected error', `closing a waiting connection from ${socket.remoteAddress} after an unexpected error`, e);
        socket.on('error', () => {});
        socket.destroy();
      }
    }
    if (this.waiting.length === 0 && this.recheck !== undefined) {
      clearInterval(this.recheck);
      this.recheck = undefined;
    }
  }

  /** A connection with a place: refused over its address's limit or rate, else served. */
  private admit(socket: Socket, security: ListenerSecurity | undefined): void {
    const address = clientAddress(socket);
    if (address === undefined) {
      socket.destroy(); // already gone
      return;
    }
    const refusal = this.refusal(address);
    if (refusal !== undefined) {
      this.refused++;
      this.warnings.warn('refused connection', `refusing a connection from ${address}: ${refusal}`);
      socket.on('error', () => {});
      socket.destroy();
      return;
    }
    const throttleMs = this.options.connectionThrottleMs?.(address) ?? 0;
    if (throttleMs > 0) {
      // Kafka holds a connection over its address's rate for the throttle time, then closes it.
      this.warnings.warn('throttled connection', `closing a connection from ${address} in ${throttleMs} ms: over its connection_creation_rate quota`);
      socket.on('error', () => {});
      socket.pause();
      setTimeout(() => socket.destroy(), throttleMs).unref();
      return;
    }
    const listenerName = security?.name ?? '';
    const remote = `${socket.remoteAddress}:${socket.remotePort}`;
    // On a TLS listener the connection reads and writes through TLS; a client that does not speak
    // it fails the handshake, which closes that connection only (its error event is handled there).
    const channel = security?.tls !== undefined ? security.tls.wrap(socket) : socket;
    if (channel !== socket) socket.on('error', () => channel.destroy());
    const c = new Connection(
      this.nextId++,
      channel,
      this.dispatcher,
      this.context,
      (closed) => {
        this.connections.delete(closed);
        const left = (this.perAddress.get(address) ?? 1) - 1;
        if (left === 0) this.perAddress.delete(address);
        else this.perAddress.set(address, left);
        this.perListener.set(listenerName, (this.perListener.get(listenerName) ?? 1) - 1);
        if (this.waiting.length > 0) this.admitWaiting();
      },
      security,
      remote,
    );
    // Counted once the connection exists (its close undoes this), so a failure above leaks no place.
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
    this.perListener.set(listenerName, (this.perListener.get(listenerName) ?? 0) + 1);
    this.connections.add(c);
  }

  /** Why a new connection from `address` is refused, or undefined to accept it. */
  private refusal(address: string): string | undefined {
    const { limits } = this.options;
    if (limits.perIpOverrides !== this.overridesFrom) this.overridesChanged();
    const fromAddress = this.perAddress.get(address) ?? 0;
    const limit = this.overrides.get(address) ?? limits.maxConnectionsPerIp;
    if (fromAddress >= limit) return `it has ${fromAddress} connections (max.connections.per.ip${this.overrides.has(address) ? '.overrides' : ''} allows ${limit})`;
    return undefined;
  }

  /** Opens every listener; the first one's address is returned, each one's in `all` (listener order). */
  async listen(): Promise<{ host: string; port: number; all: { host: string; port: number }[] }> {
    await this.resolveOverrides();
    const all: { host: string; port: number }[] = [];
    try {
      for (const { server, listener } of this.servers) all.push(await this.listenOn(server, listener?.host ?? this.options.host, listener?.port ?? this.options.port));
    } catch (e) {
      for (const { server } of this.servers) if (server.listening) server.close();
      throw Object.assign(e as object, { listenerIndex: all.length });
    }
    return { ...all[0], all };
  }

  private listenOn(server: Server, host: string, port: number): Promise<{ host: string; port: number }> {
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        // Once listening, an error of the listener (accept failing for want of file descriptors,
        // say) has no caller either; without a listener Node would end the process. Node keeps
        // listening after one, so it is logged and the broker carries on.
        server.on('error', (e) => this.warnings.error('listener error', 'the listener reported an error', e));
        const address = server.address();
        if (address === null || typeof address === 'string') return reject(new Error('server has no TCP address'));
        resolve({ host: address.address, port: address.port });
      });
    });
  }

  private async resolveOverrides(): Promise<void> {
    this.overridesFrom = this.options.limits.perIpOverrides;
    const { byAddress, hostAddresses, unresolved } = await resolved(this.overridesFrom, this.hosts);
    if (unresolved.length > 0) {
      const problem = `Invalid max.connections.per.ip.overrides: cannot resolve host ${unresolved.join(', ')} (no address, or its lookup did not answer in time)`;
      if (this.options.limits.perIpOverridesSetWhileRunning !== true) throw new ConfigError(problem);
      this.warnings.warn('overrides', `${problem}; the rest of the setting applies`);
    }
    this.overrides = byAddress;
    this.overrideHostAddresses = hostAddresses;
  }

  /**
   * max.connections.per.ip.overrides changed while running: addresses and host names whose address
   * is cached apply at once; a host name still to be looked up keeps the address it had until its
   * lookup answers (its override is not dropped meanwhile), then the whole setting applies. One
   * that cannot be resolved is logged and left out (the change was accepted).
   */
  private overridesChanged(): void {
    const from = this.options.limits.perIpOverrides;
    this.overridesFrom = from;
    const now = new Map<string, number>();
    let pending = false;
    for (const [host, limit] of from) {
      const cached = isIP(host) !== 0 ? host : this.hosts.peek(host);
      if (typeof cached !== 'string') pending = true;
      const address = cached === undefined ? this.overrideHostAddresses.get(host) : cached;
      if (typeof address === 'string') now.set(normalizeAddress(address), limit);
    }
    this.overrides = now;
    if (!pending) return;
    // Never rejects: each name's lookup answers, if only "does not resolve".
    void resolved(from, this.hosts).then(({ byAddress, hostAddresses, unresolved }) => {
      if (this.overridesFrom !== from) return;
      this.overrides = byAddress;
      this.overrideHostAddresses = hostAddresses;
      if (unresolved.length > 0) this.warnings.warn('overrides', `max.connections.per.ip.overrides: cannot resolve host ${unresolved.join(', ')}; the rest of the setting applies`);
    });
  }

  /** A live view: each read gives the current figures. */
  get stats(): NetworkStats {
    const server = this;
    const memory = this.context.memory;
    return {
      get connections() {
        return server.connections.size;
      },
      get connectionsWaitingForSlot() {
        return server.waiting.length;
      },
      get refusedConnections() {
        return server.refused;
      },
      get idleClosedConnections() {
        return server.context.idleClosed.count;
      },
      get requestBytesReserved() {
        return memory.reservedBytes;
      },
      get requestBytesPeak() {
        return memory.peakReservedBytes;
      },
      get requestBytesLimit() {
        return memory.limit;
      },
      get connectionsWaitingForMemory() {
        return memory.waitingCount;
      },
    };
  }

  /** Stops accepting, lets in-flight requests finish (up to `timeoutMs`), closes every connection. */
  async stop(timeoutMs: number): Promise<void> {
    // Waiting connections are not served any more: a place freed while stopping must not admit one.
    this.stopping = true;
    clearInterval(this.recheck);
    for (const { socket, expiry } of this.waiting.splice(0)) {
      clearTimeout(expiry);
      socket.destroy();
    }
    const closed = Promise.all(this.servers.map(({ server }) => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()))));
    for (const { listener } of this.servers) listener?.security.tls?.close();
    const drained = Promise.all([...this.connections].map((c) => c.drain()));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([drained, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    for (const c of this.connections) c.close();
    await closed;
    this.warnings.flush();
  }
}

/**
 * The overrides by address, each host name resolved to the one address Java's InetAddress.getByName
 * gives it (its first IPv4 one), as Kafka's ConnectionQuotas resolves them; the names that do not
 * resolve (or whose lookup does not answer in time) are left out and listed. Never rejects.
 */
async function resolved(overrides: ReadonlyMap<string, number>, hosts: HostResolver): Promise<{ byAddress: Map<string, number>; hostAddresses: Map<string, string>; unresolved: string[] }> {
  const byAddress = new Map<string, number>();
  const hostAddresses = new Map<string, string>();
  const unresolved: string[] = [];
  for (const [host, limit] of overrides) {
    if (isIP(host) !== 0) {
      byAddress.set(normalizeAddress(host), limit);
      continue;
    }
    const address = await hosts.resolve(host);
    if (address === undefined) {
      unresolved.push(host);
      continue;
    }
    hostAddresses.set(host, address);
    byAddress.set(normalizeAddress(address), limit);
  }
  return { byAddress, hostAddresses, unresolved };
}

/** The client's address, an IPv4 address mapped into IPv6 (a listener on ::) written as IPv4. */
function clientAddress(socket: Socket): string | undefined {
  return socket.remoteAddress === undefined ? undefined : normalizeAddress(socket.remoteAddress);
}

function normalizeAddress(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

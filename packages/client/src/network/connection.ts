/**
 * One connection to one broker. Requests are pipelined: many may be in flight, and since a Kafka
 * broker answers each connection's requests in order, responses are matched to the oldest
 * outstanding request by correlation id (a mismatch means the stream is corrupt, and the
 * connection closes). On open, the connection negotiates versions with ApiVersions (falling back
 * as KIP-511 describes when the broker does not know our ApiVersions version), then runs SASL
 * when configured.
 *
 * A request that outlives its timeout closes the connection, failing everything in flight on it:
 * responses arrive in order, so a lost one would hold every later one hostage (Java does the same).
 *
 * A response with a throttle time (a broker quota, KIP-219) holds the requests sent after it
 * until that time has passed, in order, their timeouts starting when they leave, as Java's client
 * does: the broker reads nothing from the connection meanwhile.
 */
import net from 'node:net';
import tls from 'node:tls';
import { type ApiCodec, Apis, ApiKey, ErrorCode, FrameDecoder, decodeResponse, encodeRequest } from '@sluice/protocol';
import { requestChannel, type ClientRequestMessage } from '../diagnostics.ts';
import { ClientErrorCode, KafkaError, abortError, brokerError } from '../errors.ts';
import type { SaslMechanism } from './sasl.ts';
import { ThrottleGate, clientThrottles } from './throttle.ts';
import { type BrokerVersions, CLIENT_VERSIONS, negotiate } from './versions.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Api = ApiCodec<any, any, any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RequestInputOf<A> = A extends ApiCodec<any, infer ReqIn, any, any> ? ReqIn : never;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ResponseOf<A> = A extends ApiCodec<any, any, infer Res, any> ? Res : never;

/** Finalized feature levels by name, with the epoch of the broker's feature metadata they come from (-1: none). */
export interface FinalizedFeatures {
  readonly epoch: bigint;
  readonly levels: ReadonlyMap<string, number>;
}

export const NO_FINALIZED_FEATURES: FinalizedFeatures = { epoch: -1n, levels: new Map() };

export const CLIENT_SOFTWARE_NAME = 'sluice-client';
export const CLIENT_SOFTWARE_VERSION = '0.1.0';

export interface ConnectionConfig {
  host: string;
  port: number;
  /** The broker's node id (negative for bootstrap addresses); for messages. */
  nodeId: number;
  clientId: string;
  tls?: tls.ConnectionOptions | undefined;
  sasl?: SaslMechanism | undefined;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  /** Refuse response frames above this size. */
  maxFrameBytes?: number;
}

export interface RequestOptions {
  /** The version to send; default: the negotiated one. */
  version?: number;
  /** Added to requestTimeoutMs (e.g. a fetch's max wait). */
  extraTimeoutMs?: number;
  /** Replaces requestTimeoutMs. */
  timeoutMs?: number;
  /**
   * How long a broker's throttle time (KIP-219) may hold the request unsent before it fails with
   * REQUEST_TIMEOUT; default: its request timeout. The producer passes its delivery timeout.
   */
  maxThrottleWaitMs?: number;
  /** The request gets no response (Produce with acks=0): resolves once written. */
  noResponse?: boolean;
  signal?: AbortSignal | undefined;
}

interface Pending {
  correlationId: number;
  api: Api;
  version: number;
  deadline: number;
  abandoned: boolean;
  resolve(body: unknown): void;
  reject(error: unknown): void;
  decode: ((frame: Buffer) => unknown) | undefined;
  cleanup: (() => void) | undefined;
}

/**
 * Runs `act` (a timeout) once the event loop has looked at the network again. A timer that fell
 * due while this process was paused (a loaded machine, a long garbage collection) fires before
 * the loop reads what arrived meanwhile, so acting at once would time out a connection that has
 * opened or a request whose response is waiting in the socket. setImmediate runs after the loop's
 * next I/O poll: what already arrived wins, as in Java's NetworkClient, whose poll handles the
 * completed connections and receives before it looks for timed-out requests.
 */
function afterPendingIo(act: () => void): void {
  setImmediate(act);
}

export class Connection {
  readonly host: string;
  readonly port: number;
  readonly nodeId: number;
  private readonly config: ConnectionConfig;
  private socket: net.Socket | null = null;
  private readonly decoder: FrameDecoder;
  private readonly pending: Pending[] = [];
  private nextCorrelationId = 1;
  private corked = false;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = 0;
  private closedError: KafkaError | null = null;
  private readonly closeListeners: Array<(error: KafkaError) => void> = [];
  private brokerVersions: BrokerVersions = new Map();
  private features: FinalizedFeatures = NO_FINALIZED_FEATURES;
  private readonly negotiated = new Map<number, number>();
  /** Holds requests while a broker's throttle time runs (KIP-219). */
  private readonly throttle = new ThrottleGate(() => this.closedError, () => this.describe());

  private constructor(config: ConnectionConfig) {
    this.config = config;
    this.host = config.host;
    this.port = config.port;
    this.nodeId = config.nodeId;
    this.decoder = new FrameDecoder(config.maxFrameBytes ?? 512 * 1024 * 1024);
  }

  /** Opens a connection, negotiates versions and authenticates. */
  static async open(config: ConnectionConfig, signal?: AbortSignal): Promise<Connection> {
    const c = new Connection(config);
    await c.connectSocket(signal);
    try {
      await c.negotiateVersions();
      if (config.sasl) await c.authenticate(config.sasl);
    } catch (e) {
      c.destroy(e instanceof KafkaError ? e : new KafkaError(ClientErrorCode.CONNECTION_FAILED, `handshake with ${c.describe()} failed`, { cause: e, retriable: true }));
      throw e;
    }
    return c;
  }

  describe(): string {
    return `broker ${this.nodeId >= 0 ? this.nodeId : '(bootstrap)'} at ${this.host}:${this.port}`;
  }

  get isOpen(): boolean {
    return this.closedError === null && this.socket !== null;
  }

  /** Requests waiting for their response. */
  get inFlight(): number {
    return this.pending.length;
  }

  /** Calls `listener` once when the connection closes, for whatever reason. */
  onClose(listener: (error: KafkaError) => void): void {
    if (this.closedError) queueMicrotask(() => listener(this.closedError!));
    else this.closeListeners.push(listener);
  }

  /** The version to use for an API (capped at `cap`), or -1 when none is usable. */
  versionOf(api: Api, cap?: number): number {
    if (cap === undefined) {
      const known = this.negotiated.get(api.apiKey);
      if (known !== undefined) return known;
      const v = negotiate(api.apiKey, this.brokerVersions);
      this.negotiated.set(api.apiKey, v);
      return v;
    }
    return negotiate(api.apiKey, this.brokerVersions, cap);
  }

  /** The feature levels the broker's ApiVersions answer finalized (KIP-584), e.g. `transaction.version`. */
  get finalizedFeatures(): FinalizedFeatures {
    return this.features;
  }

  /** Whether the broker advertises the API at all. */
  supports(apiKey: number): boolean {
    return this.brokerVersions.has(apiKey);
  }

  /** The version to use, or a thrown UNSUPPORTED_API error. */
  requireVersion(api: Api, cap?: number): number {
    const v = this.versionOf(api, cap);
    if (v < 0) {
      const theirs = this.brokerVersions.get(api.apiKey);
      const ours = CLIENT_VERSIONS.get(api.apiKey);
      throw new KafkaError(
        ClientErrorCode.UNSUPPORTED_API,
        theirs
          ? `${this.describe()} supports ${api.name} versions ${theirs[0]}-${theirs[1]}, this client ${ours ? `${ours[0]}-${Math.min(ours[1], cap ?? ours[1])}` : 'none'}`
          : `${this.describe()} does not support ${api.name}`,
      );
    }
    return v;
  }

  request<A extends Api>(api: A, body: RequestInputOf<A>, options: RequestOptions = {}): Promise<ResponseOf<A>> {
    return this.send(api, body, options, undefined) as Promise<ResponseOf<A>>;
  }

  private send(api: Api, body: unknown, options: RequestOptions, decode: ((frame: Buffer) => unknown) | undefined): Promise<unknown> {
    if (this.closedError) return Promise.reject(this.closedError);
    const socket = this.socket!;
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal, `${api.name} request`));
    let version: number;
    try {
      version = options.version ?? this.requireVersion(api);
    } catch (e) {
      return Promise.reject(e);
    }
    const correlationId = this.nextCorrelationId;
    this.nextCorrelationId = this.nextCorrelationId === 0x7fffffff ? 1 : this.nextCorrelationId + 1;
    let frame: Buffer[];
    try {
      frame = encodeRequest(api, version, correlationId, this.config.clientId, body as never);
    } catch (e) {
      return Promise.reject(new KafkaError(ClientErrorCode.INVALID_ARGUMENT, `cannot encode ${api.name} v${version}: ${(e as Error).message}`, { cause: e }));
    }
    if (requestChannel.hasSubscribers) return this.observed(api, version, correlationId, performance.now(), this.sendFrame(socket, api, version, correlationId, frame, options, decode));
    return this.sendFrame(socket, api, version, correlationId, frame, options, decode);
  }

  private sendFrame(socket: net.Socket, api: Api, version: number, correlationId: number, frame: Buffer[], options: RequestOptions, decode: ((frame: Buffer) => unknown) | undefined): Promise<unknown> {
    // Held while throttled, and behind those already held, so that requests leave in order.
    if (this.throttle.holding) {
      const limitMs = options.maxThrottleWaitMs ?? (options.timeoutMs ?? this.config.requestTimeoutMs) + (options.extraTimeoutMs ?? 0);
      return this.throttle.hold(api.name, options.signal, limitMs, () => this.sendFrame(socket, api, version, correlationId, frame, options, decode));
    }
    const { signal } = options;
    if (options.noResponse) {
      // Resolve once the bytes are handed to the kernel, so that closing the connection right
      // after (a producer with acks=0 closing) does not discard a request still in Node's buffer.
      return new Promise((resolve, reject) => {
        this.write(socket, frame, (err) => (err ? reject(new KafkaError(ClientErrorCode.CONNECTION_CLOSED, `writing ${api.name} to ${this.describe()} failed: ${err.message}`, { retriable: true, cause: err })) : resolve(undefined)));
      });
    }
    return new Promise((resolve, reject) => {
      const timeout = (options.timeoutMs ?? this.config.requestTimeoutMs) + (options.extraTimeoutMs ?? 0);
      const p: Pending = { correlationId, api, version, deadline: Date.now() + timeout, abandoned: false, resolve, reject, decode, cleanup: undefined };
      if (signal) {
        const onAbort = () => {
          // The request is on the wire; its response will still come and is dropped then.
          p.abandoned = true;
          reject(abortError(signal, `${api.name} request`));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        p.cleanup = () => signal.removeEventListener('abort', onAbort);
      }
      this.pending.push(p);
      this.armTimer(p.deadline);
      this.write(socket, frame);
    });
  }

  /** Publishes a request on sluice:client:request once it is answered or has failed. */
  private observed(api: Api, version: number, correlationId: number, started: number, sent: Promise<unknown>): Promise<unknown> {
    const publish = (answer: unknown, error?: unknown) => {
      const message: ClientRequestMessage = {
        apiKey: api.apiKey,
        apiName: api.name,
        apiVersion: version,
        correlationId,
        clientId: this.config.clientId,
        broker: { nodeId: this.nodeId, host: this.host, port: this.port },
        durationMs: performance.now() - started,
      };
      const errorCode = (answer as { errorCode?: unknown } | undefined)?.errorCode;
      if (typeof errorCode === 'number' && errorCode !== 0) message.errorCode = errorCode;
      if (error !== undefined) message.error = error;
      requestChannel.publish(message);
    };
    return sent.then(
      (answer) => {
        publish(answer);
        return answer;
      },
      (e) => {
        publish(undefined, e);
        throw e;
      },
    );
  }

  /** Closes the connection; requests in flight fail with CONNECTION_CLOSED. */
  close(): void {
    this.destroy(new KafkaError(ClientErrorCode.CONNECTION_CLOSED, `connection to ${this.describe()} was closed by the client`, { retriable: true }));
  }

  private write(socket: net.Socket, chunks: Buffer[], written?: (err?: Error | null) => void): void {
    if (!this.corked) {
      this.corked = true;
      socket.cork();
      process.nextTick(() => {
        this.corked = false;
        socket.uncork();
      });
    }
    for (let i = 0; i < chunks.length; i++) socket.write(chunks[i], i === chunks.length - 1 ? written : undefined);
  }

  private connectSocket(signal?: AbortSignal): Promise<void> {
    const { host, port } = this.config;
    return new Promise<void>((resolve, reject) => {
      const socket = this.config.tls
        ? tls.connect({ servername: net.isIP(host) ? undefined : host, ...this.config.tls, host, port })
        : net.connect({ host, port });
      socket.setNoDelay(true);
      const readyEvent = this.config.tls ? 'secureConnect' : 'connect';
      let settled = false;
      const fail = (cause: unknown, code: string = ClientErrorCode.CONNECTION_FAILED) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        socket.destroy();
        reject(
          cause instanceof KafkaError
            ? cause
            : new KafkaError(code, `cannot connect to ${this.describe()}: ${(cause as Error)?.message ?? cause}`, { cause, retriable: true }),
        );
      };
      const onAbort = () => fail(abortError(signal, 'connecting'));
      // Acted on after the event loop's next look at the network (afterPendingIo): after a pause
      // of this process the timer is overdue, and the connection may have opened meanwhile.
      const timer = setTimeout(() => afterPendingIo(() => fail(new Error(`no connection within ${this.config.connectTimeoutMs} ms`))), this.config.connectTimeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      const onError = (e: NodeJS.ErrnoException) => {
        if (!this.config.tls || !isTlsHandshakeError(e)) return fail(e);
        // Retrying cannot help: the configuration or the certificate has to change.
        fail(new KafkaError(ClientErrorCode.TLS_HANDSHAKE_FAILED, `TLS handshake with ${this.describe()} failed: ${e.message} (check the \`tls\` option, e.g. \`ca\` for a broker certificate from a private CA)`, { cause: e, retriable: false }));
      };
      socket.once('error', onError);
      socket.once(readyEvent, () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        socket.removeListener('error', onError);
        this.socket = socket;
        socket.on('data', (chunk: Buffer) => this.onData(chunk));
        socket.on('error', (e) => this.destroy(new KafkaError(ClientErrorCode.CONNECTION_CLOSED, `connection to ${this.describe()} failed: ${e.message}`, { cause: e, retriable: true })));
        socket.on('close', () => this.destroy(new KafkaError(ClientErrorCode.CONNECTION_CLOSED, `connection to ${this.describe()} was closed`, { retriable: true })));
        resolve();
      });
    });
  }

  private onData(chunk: Buffer): void {
    let frames: Buffer[];
    try {
      frames = this.decoder.push(chunk);
    } catch (e) {
      this.destroy(new KafkaError(ClientErrorCode.PROTOCOL_ERROR, `bad frame from ${this.describe()}: ${(e as Error).message}`, { cause: e, retriable: true }));
      return;
    }
    for (const frame of frames) {
      if (this.closedError) return;
      const p = this.pending.shift();
      const correlationId = frame.length >= 4 ? frame.readInt32BE(0) : -1;
      if (!p || p.correlationId !== correlationId) {
        if (p) this.pending.unshift(p);
        this.destroy(
          new KafkaError(ClientErrorCode.PROTOCOL_ERROR, `${this.describe()} answered correlation id ${correlationId}, expected ${p ? p.correlationId : 'none'}`, { retriable: true }),
        );
        return;
      }
      p.cleanup?.();
      if (p.abandoned) continue;
      let body: unknown;
      try {
        body = p.decode ? p.decode(frame) : decodeResponse(p.api, p.version, frame).body;
      } catch (e) {
        p.reject(new KafkaError(ClientErrorCode.PROTOCOL_ERROR, `cannot decode ${p.api.name} v${p.version} response from ${this.describe()}: ${(e as Error).message}`, { cause: e }));
        continue;
      }
      const throttleTimeMs = (body as { throttleTimeMs?: unknown } | null)?.throttleTimeMs;
      if (typeof throttleTimeMs === 'number' && throttleTimeMs > 0 && clientThrottles(p.api.apiKey, p.version)) this.throttle.throttleFor(throttleTimeMs);
      p.resolve(body);
    }
  }

  private armTimer(deadline: number): void {
    if (this.timer && this.timerAt <= deadline) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = deadline;
    // Checked after the event loop's next look at the network (afterPendingIo): after a pause of
    // this process the timer is overdue, and the response may be waiting to be read.
    this.timer = setTimeout(() => afterPendingIo(() => this.checkTimeouts()), Math.max(0, deadline - Date.now()) + 5);
    this.timer.unref();
  }

  private checkTimeouts(): void {
    this.timer = null;
    if (this.closedError) return;
    const now = Date.now();
    let next = Infinity;
    for (const p of this.pending) {
      if (p.abandoned) continue;
      if (p.deadline <= now) {
        const e = new KafkaError(ClientErrorCode.REQUEST_TIMEOUT, `${p.api.name} request to ${this.describe()} got no response in time`, { retriable: true });
        p.abandoned = true;
        p.cleanup?.();
        p.reject(e);
        this.destroy(new KafkaError(ClientErrorCode.CONNECTION_CLOSED, `connection to ${this.describe()} closed after a request timed out`, { retriable: true, cause: e }));
        return;
      }
      next = Math.min(next, p.deadline);
    }
    if (next !== Infinity) this.armTimer(next);
  }

  private destroy(error: KafkaError): void {
    if (this.closedError) return;
    this.closedError = error;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.socket?.destroy();
    const pending = this.pending.splice(0);
    for (const p of pending) {
      p.cleanup?.();
      if (!p.abandoned) p.reject(error);
    }
    this.throttle.failAll(error);
    for (const l of this.closeListeners.splice(0)) l(error);
  }

  private async negotiateVersions(): Promise<void> {
    let version = CLIENT_VERSIONS.get(ApiKey.ApiVersions)![1];
    for (;;) {
      const asked = version;
      const decode = (frame: Buffer) => {
        // KIP-511: a broker that does not know our version answers in v0 with UNSUPPORTED_VERSION.
        const errorCode = frame.length >= 6 ? frame.readInt16BE(4) : 0;
        return decodeResponse(Apis.ApiVersions, errorCode === ErrorCode.UNSUPPORTED_VERSION ? 0 : asked, frame).body;
      };
      const body = (await this.send(
        Apis.ApiVersions,
        { clientSoftwareName: CLIENT_SOFTWARE_NAME, clientSoftwareVersion: CLIENT_SOFTWARE_VERSION },
        { version },
        decode,
      )) as ResponseOf<typeof Apis.ApiVersions>;
      if (body.errorCode === ErrorCode.UNSUPPORTED_VERSION && version > 0) {
        const theirs = body.apiKeys.find((k) => k.apiKey === ApiKey.ApiVersions);
        version = theirs ? Math.min(theirs.maxVersion, version - 1) : 0;
        continue;
      }
      if (body.errorCode !== 0) throw brokerError(body.errorCode, `ApiVersions from ${this.describe()}`);
      this.brokerVersions = new Map(body.apiKeys.map((k) => [k.apiKey, [k.minVersion, k.maxVersion] as const]));
      // Versions before 3 carry no features; Kafka omits a feature whose level is 0.
      if (version >= 3) this.features = { epoch: body.finalizedFeaturesEpoch, levels: new Map(body.finalizedFeatures.map((f) => [f.name, f.maxVersionLevel])) };
      return;
    }
  }

  private async authenticate(sasl: SaslMechanism): Promise<void> {
    const handshakeVersion = this.requireVersion(Apis.SaslHandshake);
    const hs = await this.request(Apis.SaslHandshake, { mechanism: sasl.mechanism }, { version: handshakeVersion });
    if (hs.errorCode !== 0) {
      throw brokerError(hs.errorCode, `SASL handshake with ${this.describe()}`, { message: `mechanism ${sasl.mechanism}; the broker enables ${hs.mechanisms.join(', ') || 'none'}` });
    }
    if (handshakeVersion < 1 || !this.supports(ApiKey.SaslAuthenticate)) {
      throw new KafkaError(ClientErrorCode.UNSUPPORTED_API, `${this.describe()} does not support SaslAuthenticate; raw SASL tokens are not implemented`);
    }
    await sasl.authenticate({
      host: this.host,
      port: this.port,
      send: async (token: Buffer) => {
        const res = await this.request(Apis.SaslAuthenticate, { authBytes: token });
        if (res.errorCode !== 0) throw brokerError(res.errorCode, `SASL ${sasl.mechanism} authentication with ${this.describe()}`, { message: res.errorMessage });
        return res.authBytes;
      },
    });
  }
}

/** Certificate verification (Node's codes) and TLS protocol failures (OpenSSL's), not network errors. */
function isTlsHandshakeError(e: NodeJS.ErrnoException): boolean {
  const code = e.code ?? '';
  return code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || /CERT|SIGNATURE|ISSUER/.test(code);
}

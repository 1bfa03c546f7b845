/**
 * Signed requests between the workers of a group (KIP-507, Kafka's DistributedHerder with
 * `inter.worker.*`): while the group's protocol is `sessioned`, the leader makes a session key and
 * writes it to the config topic (`session-key`), where every worker reads it; a worker signs its
 * requests to the leader's internal endpoints with it, and the leader refuses ones not signed
 * with it. The leader writes a new key when there is none, when the current one is older than
 * `inter.worker.key.ttl.ms`, or when it was made with another algorithm or size than this worker's
 * settings ask for.
 */
import { ConfigError } from '@sluice/config';
import { canonicalHmacAlgorithm, generateSessionKey, sessionKeyLength } from '../runtime/hmac-algorithms.ts';
import { checkRequestSignature, signatureHeaders, type InternalRequestSignature } from '../runtime/internal-request-signature.ts';
import { RestClient, type RestResponse } from '../runtime/rest-client.ts';
import type { WorkerConfig } from '../runtime/worker-config.ts';
import type { StoredSessionKey } from './storage-records.ts';

export interface InterWorkerSigningSettings {
  keyAlgorithm: string;
  /** `inter.worker.key.size` in bits, or null for the algorithm's default. */
  keySizeBits: number | null;
  ttlMs: number;
  signatureAlgorithm: string;
  verificationAlgorithms: readonly string[];
}

/** The worker's `inter.worker.*` settings, checked as Kafka's DistributedConfig checks them. */
export function interWorkerSigningSettings(config: WorkerConfig): InterWorkerSigningSettings {
  const canonical = (name: string, value: string) => {
    const c = canonicalHmacAlgorithm(value);
    if (c === undefined) throw new ConfigError(`Invalid value ${value} for configuration ${name}: the algorithm is not supported by this worker`);
    return c;
  };
  // Java finds an algorithm whatever the case of its name, but Kafka keeps the signature and
  // verification algorithms as written: the header names the signature algorithm so, and the
  // leader looks it up in its verification list as it is (case-sensitive, as List.contains).
  // Key generation names its keys with Java's own spelling of the algorithm (KeyGenerator), hence canonical.
  const supported = (name: string, value: string) => (canonical(name, value), value);
  const keyAlgorithm = canonical('inter.worker.key.generation.algorithm', config.string('inter.worker.key.generation.algorithm')!);
  const keySizeBits = config.string('inter.worker.key.size') === null ? null : config.number('inter.worker.key.size');
  try {
    sessionKeyLength(keyAlgorithm, keySizeBits);
  } catch (e) {
    throw new ConfigError(`Unable to create key generator with algorithm ${keyAlgorithm} and key size ${keySizeBits}: ${(e as Error).message}`);
  }
  const signatureAlgorithm = supported('inter.worker.signature.algorithm', config.string('inter.worker.signature.algorithm')!);
  const verificationAlgorithms = config.list('inter.worker.verification.algorithms').map((a) => supported('inter.worker.verification.algorithms', a));
  if (!verificationAlgorithms.includes(signatureAlgorithm)) {
    throw new ConfigError(`Invalid value ${signatureAlgorithm} for configuration inter.worker.signature.algorithm: Signature algorithm must be present in inter.worker.verification.algorithms list`);
  }
  return { keyAlgorithm, keySizeBits, ttlMs: config.number('inter.worker.key.ttl.ms'), signatureAlgorithm, verificationAlgorithms };
}

export class InterWorkerSigning {
  #key: StoredSessionKey | null = null;
  /** When the leader must write a new key (Kafka's keyExpiration); Infinity when not known. */
  #expiration = Infinity;

  readonly settings: InterWorkerSigningSettings;
  /** Calls other workers' REST APIs, with the worker's TLS settings for https. */
  private readonly rest: RestClient;

  constructor(settings: InterWorkerSigningSettings, rest: RestClient = new RestClient()) {
    this.settings = settings;
    this.rest = rest;
  }

  /** The session key in force (the last one read from the config topic), or null before one is read. */
  get sessionKey(): StoredSessionKey | null {
    return this.#key;
  }

  get expiration(): number {
    return this.#expiration;
  }

  /** A session key was read from the config topic (Kafka's onSessionKeyUpdate): every worker tracks its expiration, in case it leads later. */
  onKeyRead(key: StoredSessionKey): void {
    this.#key = key;
    this.#expiration = this.settings.ttlMs > 0 ? key.creationTimestamp + this.settings.ttlMs : Infinity;
  }

  /** Why the leader must write a new key now (Kafka's checkForKeyRotation), or null. */
  rotationReason(now: number): string | null {
    const key = this.#key;
    if (key === null) return 'Internal request signing is enabled but no session key has been distributed yet';
    if (this.#expiration <= now) return 'The existing session key has expired';
    if (canonicalHmacAlgorithm(key.algorithm) !== this.settings.keyAlgorithm || key.key.length !== sessionKeyLength(this.settings.keyAlgorithm, this.settings.keySizeBits)) {
      return 'The previously distributed session key uses a different algorithm or key size than this worker\'s inter.worker.key.* settings';
    }
    return null;
  }

  /** A new key for the leader to write; it takes effect when read back from the config topic. */
  newKey(now: number): StoredSessionKey {
    return { key: generateSessionKey(this.settings.keyAlgorithm, this.settings.keySizeBits), algorithm: this.settings.keyAlgorithm, creationTimestamp: now };
  }

  /** The signature headers of a request to the leader (none before a key was read, as Kafka sends unsigned then). */
  headers(body: string): Record<string, string> {
    return this.#key === null ? {} : signatureHeaders(this.#key.key, body, this.settings.signatureAlgorithm);
  }

  /** A request to another worker's internal endpoint, signed with the session key when one was read (Kafka's RestClient with the session key). */
  request(url: URL, method: string, body: string | undefined, timeoutMs: number): Promise<RestResponse> {
    return this.rest.request(url, { method, body, headers: this.headers(body ?? ''), timeoutMs });
  }

  /** Throws Kafka's answer (400, 403 or 503) for a request not signed with the session key in force. */
  verify(signature: InternalRequestSignature | null): void {
    checkRequestSignature(signature, this.settings.verificationAlgorithms, this.#key?.key ?? null);
  }
}

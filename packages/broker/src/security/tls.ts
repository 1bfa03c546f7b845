/**
 * The TLS side of an SSL or SASL_SSL listener: the key store and trust store read with Kafka's
 * settings (PEM files, inline PEM, or PKCS12), ssl.client.auth, the enabled protocols and cipher
 * suites, and the principal of a client certificate. OpenSSL checks a client's chain against
 * the trust store during the handshake (client-certificate.ts reads its verdict); the principal
 * mapping is Sluice's.
 *
 * Certificate reload: the key store and trust store files are watched (polled every few seconds,
 * which works on every file system and survives the file being replaced by a rename); when one
 * changes, the secure context is rebuilt and new connections get it, open ones keep theirs. A file
 * that cannot be read or does not hold a valid key and certificate at that moment keeps the old
 * context and logs why, so a half-written file never takes the listener down.
 */
import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { type SecureContext, type SecureContextOptions, TLSSocket, createSecureContext } from 'node:tls';
import type { Socket } from 'node:net';
import { ConfigError } from '../config/definitions.ts';
import type { BrokerLog } from '../log.ts';
import type { ListenerSettings } from './listener-settings.ts';
import { untrustedReason, verificationResultAvailable } from './client-certificate.ts';
import { PrincipalMapper, rfc2253Subject } from './principal-mapping.ts';

export type ClientAuth = 'none' | 'requested' | 'required';

const WATCH_INTERVAL_MS = 2000;

/** Node's names of the TLS versions Kafka lists in ssl.enabled.protocols. */
const TLS_VERSIONS = ['TLSv1.2', 'TLSv1.3'] as const;

export class TlsEndpoint {
  private context: SecureContext;
  private readonly watched: string[] = [];
  readonly clientAuth: ClientAuth;
  readonly principalMapper: PrincipalMapper;
  /** How many times the context was rebuilt from changed files (tests read it). */
  reloads = 0;

  private readonly settings: ListenerSettings;
  private readonly log: BrokerLog;

  constructor(settings: ListenerSettings, log: BrokerLog) {
    this.settings = settings;
    this.log = log;
    this.clientAuth = (settings.get('ssl.client.auth') ?? 'none').toLowerCase() as ClientAuth;
    if (this.clientAuth !== 'none' && !verificationResultAvailable()) {
      throw new ConfigError(`${settings.nameOf('ssl.client.auth')}=${this.clientAuth} on the listener ${settings.listenerName} needs the result of TLS client certificate verification, which Node.js ${process.version} does not give Sluice: run Sluice on Node.js 22, 24 or 26, or set ssl.client.auth=none`);
    }
    this.principalMapper = PrincipalMapper.parse(settings.get('ssl.principal.mapping.rules') ?? 'DEFAULT', settings.nameOf('ssl.principal.mapping.rules'));
    try {
      this.context = createSecureContext(this.contextOptions());
    } catch (e) {
      if (e instanceof ConfigError) throw e;
      throw new ConfigError(`The TLS key store or trust store of the listener ${settings.listenerName} cannot be used: ${(e as Error).message}; check ssl.keystore.* (a PEM file needs the private key and its certificate chain; an encrypted key needs ssl.key.password)`);
    }
    for (const setting of ['ssl.keystore.location', 'ssl.truststore.location']) {
      const file = settings.get(setting);
      if (file !== null && file !== '') {
        watchFile(file, { interval: WATCH_INTERVAL_MS, persistent: false }, (now, before) => {
          if (now.mtimeMs !== before.mtimeMs || now.size !== before.size) this.reload(file);
        });
        this.watched.push(file);
      }
    }
  }

  private reload(file: string): void {
    try {
      this.context = createSecureContext(this.contextOptions());
      this.reloads++;
      this.log.info(`listener ${this.settings.listenerName}: reloaded its TLS key store and trust store after ${file} changed`);
    } catch (e) {
      this.log.warn(`listener ${this.settings.listenerName}: ${file} changed but cannot be used, keeping the certificates in use: ${(e as Error).message}`);
    }
  }

  /** Wraps an accepted socket in TLS with the current certificates. */
  wrap(socket: Socket): TLSSocket {
    return new TLSSocket(socket, {
      isServer: true,
      secureContext: this.context,
      requestCert: this.clientAuth !== 'none',
      // OpenSSL verifies the chain; the connection acts on its verdict once the handshake is done
      // (clientCertificateProblem), so that the refusal is logged with OpenSSL's reason.
      rejectUnauthorized: false,
    });
  }

  /** Why a handshaken socket's client certificate is refused, or undefined. */
  clientCertificateProblem(socket: TLSSocket): string | undefined {
    if (this.clientAuth === 'none') return undefined;
    const presented = socket.getPeerX509Certificate() !== undefined;
    if (!presented) return this.clientAuth === 'required' ? 'no client certificate was presented, and ssl.client.auth=required' : undefined;
    const reason = untrustedReason(socket);
    return reason === undefined ? undefined : `its client certificate is not trusted: ${reason}; the client needs a certificate for TLS client authentication (extendedKeyUsage clientAuth, if any), valid now, issued through CAs of ssl.truststore`;
  }

  /** The principal of a verified client certificate (User:CN=…,OU=…), or undefined without one. */
  certificatePrincipal(socket: TLSSocket): string | undefined {
    if (this.clientAuth === 'none') return undefined;
    const cert = socket.getPeerX509Certificate();
    if (cert === undefined) return undefined;
    return `User:${this.principalMapper.map(rfc2253Subject(cert.subject))}`;
  }

  close(): void {
    for (const file of this.watched) unwatchFile(file);
  }

  private contextOptions(): SecureContextOptions {
    const s = this.settings;
    const trust = this.trustStore();
    // A trust store may hold an intermediate authority alone, which Java's trust manager takes as
    // an anchor; OpenSSL does too with a partial chain allowed.
    const options: SecureContextOptions = { ...this.keyStore(), ...trust, allowPartialTrustChain: true };
    const protocols = s.list('ssl.enabled.protocols');
    const known = protocols.filter((p): p is (typeof TLS_VERSIONS)[number] => (TLS_VERSIONS as readonly string[]).includes(p));
    if (known.length === 0) throw new ConfigError(`Invalid ${s.nameOf('ssl.enabled.protocols')} ${JSON.stringify(protocols.join(','))}: Sluice serves TLSv1.2 and TLSv1.3; list one or both`);
    options.minVersion = known.includes('TLSv1.2') ? 'TLSv1.2' : 'TLSv1.3';
    options.maxVersion = known.includes('TLSv1.3') ? 'TLSv1.3' : 'TLSv1.2';
    const ciphers = s.list('ssl.cipher.suites');
    if (ciphers.length > 0) options.ciphers = ciphers.join(':');
    return options;
  }

  private keyStore(): SecureContextOptions {
    const s = this.settings;
    const type = (s.get('ssl.keystore.type') ?? 'JKS').toUpperCase();
    const location = s.get('ssl.keystore.location');
    const keyPassword = s.get('ssl.key.password') ?? undefined;
    if (type === 'PEM') {
      const inlineKey = s.get('ssl.keystore.key');
      const inlineChain = s.get('ssl.keystore.certificate.chain');
      if (inlineKey !== null || inlineChain !== null) {
        if (inlineKey === null || inlineChain === null) throw new ConfigError(`Invalid TLS key store of the listener ${s.listenerName}: give both ssl.keystore.key and ssl.keystore.certificate.chain, or ssl.keystore.location`);
        return { key: inlineKey, cert: inlineChain, passphrase: keyPassword };
      }
      const pem = this.readFile('ssl.keystore.location', location).toString('utf8');
      // One file holds the private key and the chain, as Kafka's PEM key store.
      return { key: pem, cert: pem, passphrase: keyPassword };
    }
    if (type === 'PKCS12') {
      return { pfx: this.readFile('ssl.keystore.location', location), passphrase: s.get('ssl.keystore.password') ?? keyPassword };
    }
    throw new ConfigError(`Invalid ${s.nameOf('ssl.keystore.type')} ${type} for the listener ${s.listenerName}: Sluice reads PEM and PKCS12 key stores; convert a JKS one with keytool -importkeystore -deststoretype PKCS12, or set ssl.keystore.type=PEM with a PEM file`);
  }

  private trustStore(): SecureContextOptions {
    const s = this.settings;
    const type = (s.get('ssl.truststore.type') ?? 'JKS').toUpperCase();
    const location = s.get('ssl.truststore.location');
    const inline = s.get('ssl.truststore.certificates');
    if (inline !== null) return { ca: inline };
    if (location === null || location === '') return {};
    if (type === 'PEM') return { ca: this.readFile('ssl.truststore.location', location).toString('utf8') };
    throw new ConfigError(`Invalid ${s.nameOf('ssl.truststore.type')} ${type} for the listener ${s.listenerName}: Sluice reads PEM trust stores; set ssl.truststore.type=PEM with a file of CA certificates (keytool -exportcert -rfc writes one)`);
  }

  private readFile(setting: string, file: string | null): Buffer {
    if (file === null || file === '') throw new ConfigError(`The listener ${this.settings.listenerName} uses TLS but has no key store: set ${setting} (or listener.name.${this.settings.listenerName.toLowerCase()}.${setting})`);
    try {
      return readFileSync(file);
    } catch (e) {
      throw new ConfigError(`Cannot read ${this.settings.nameOf(setting)} ${file} of the listener ${this.settings.listenerName}: ${(e as Error).message}`);
    }
  }
}

/**
 * The herder of a distributed worker (Kafka's DistributedHerder). Reads are served from this
 * worker's view of the config and status topics. Writes (a connector's config, deletion, pause,
 * resume, stop, restart, offsets, task configs) are made by the group's leader: another worker
 * forwards the REST request to the leader's URL (RequestTargetError; 409 while no leader is known),
 * and the leader writes config records that every worker then reads. What this worker runs comes
 * from the group membership's assignments (LocalWork runs it); a change in the config topic
 * restarts, pauses or stops what runs here, and makes the leader rebalance when connectors come or
 * go or a connector's task count changes.
 */
import { ConnectException, type Connector, type ConnectorConfig } from '@sluice/connect-api';
import { AbstractHerder, type ConnectorHooks, initialTarget, notStopped } from '../runtime/abstract-herder.ts';
import { type ConnectorInfo, type ConnectorOffset, type ConnectorStateInfo, type ConnectorTaskId, type Herder, type InitialState, RequestTargetError, type StateInfo, type TaskInfo, type TaskStateInfo, badRequest, conflict, notFound } from '../runtime/herder.ts';
import type { TargetState } from '../runtime/status.ts';
import { refuseInvalid, validateConnectorConfig, type ValidationContext } from '../runtime/validation.ts';
import type { ConnectorType, Worker } from '../runtime/worker.ts';
import type { InternalRequestSignature } from '../runtime/internal-request-signature.ts';
import type { ClusterConfigState, ConfigChange, KafkaConfigBackingStore } from './config-store.ts';
import { ConnectAssignmentError, type ConnectAssignment, type WorkerGroupMembership, type WorkerRebalanceListener } from './contract.ts';
import type { ExactlyOnceSupport } from './exactly-once-support.ts';
import type { InterWorkerSigning } from './inter-worker-signing.ts';
import { SessionKeyRotation } from './session-key-rotation.ts';
import { LocalWork, taskName } from './local-work.ts';
import type { KafkaStatusBackingStore } from './status-store.ts';
import type { StoredSessionKey, StoredStatus } from './storage-records.ts';

export interface DistributedHerderOptions {
  worker: Worker;
  configs: KafkaConfigBackingStore;
  statuses: KafkaStatusBackingStore;
  /** `worker.sync.timeout.ms`: how long to read the config topic up to the leader's offset. */
  workerSyncTimeoutMs: number;
  /** `worker.unsync.backoff.ms`: how long a worker that could not catch up waits before it rejoins. */
  workerUnsyncBackoffMs: number;
  /** Makes the group membership once the herder is ready to be called back. */
  membership(listener: WorkerRebalanceListener): WorkerGroupMembership;
  /** Exactly-once source support (exactly.once.source.support); without it source tasks run at least once. */
  exactlyOnce?: ExactlyOnceSupport;
  /** Signed requests between workers (inter.worker.*), in force while the group's protocol is sessioned. */
  signing: InterWorkerSigning;
}

const NOT_LEADER = 'Cannot complete request since this worker is not the leader';

/** How long a leader waits before claiming the config topic again after a failed claim (Kafka's). */
const CONFIG_TOPIC_WRITE_PRIVILEGES_BACKOFF_MS = 250;

export class DistributedHerder extends AbstractHerder implements Herder, WorkerRebalanceListener {
  readonly configs: KafkaConfigBackingStore;
  readonly statuses: KafkaStatusBackingStore;
  readonly #work: LocalWork;
  #membership: WorkerGroupMembership | null = null;
  #generation = -1;
  #queue: Promise<unknown> = Promise.resolve();
  #stopping = false;
  readonly #syncTimeoutMs: number;
  readonly #keys: SessionKeyRotation;
  private readonly options: DistributedHerderOptions;

  constructor(options: DistributedHerderOptions) {
    super(options.worker);
    this.options = options;
    this.configs = options.configs;
    this.statuses = options.statuses;
    this.#syncTimeoutMs = options.workerSyncTimeoutMs;
    const host = this;
    this.#keys = new SessionKeyRotation(options.signing, {
      leads: () => !host.#stopping && (host.#membership?.isLeader ?? false) && host.requestSigningEnabled,
      putSessionKey: (key) => host.configs.putSessionKey(key),
      background: (what, fn) => host.#background(what, fn),
      log: (line) => host.worker.log(line),
    });
    this.#work = new LocalWork({
      worker: options.worker,
      statuses: options.statuses,
      generation: () => host.#generation,
      snapshot: () => host.#snapshot(),
      startConnectorInstance: (name, config, hooks) => host.#startInstance(name, config, hooks),
      generateTaskConfigs: (config, instance) => host.generateTaskConfigs(config, instance),
      publishTaskConfigs: (name, configs) => host.#publishTaskConfigs(name, configs),
      requestReconfiguration: (name) => host.#background(`reconfiguring the tasks of ${name}`, () => host.#work.reconfigure(name)),
      exactlyOnceTask: (id) => options.exactlyOnce?.taskSettings(id),
    });
  }

  #startInstance(name: string, config: ConnectorConfig, hooks: ConnectorHooks): Promise<Connector> {
    return this.startConnectorInstance(name, config, hooks);
  }

  /** Joins the group (the stores have been read to their ends). */
  start(): void {
    this.#membership = this.options.membership(this);
    this.#membership.start();
  }

  get membership(): WorkerGroupMembership | null {
    return this.#membership;
  }

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(fn, fn);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** Queues an operation nobody waits for; what it throws is logged, never left unhandled. */
  #background(what: string, fn: () => Promise<void>): void {
    this.#serial(fn).catch((e) => this.worker.log(`${what} failed: ${(e as Error)?.stack ?? String(e)}`));
  }

  #snapshot(): ClusterConfigState {
    return this.configs.snapshot();
  }

  // ------------------------------------------------------------------ reads

  connectors(): string[] {
    return this.#snapshot().connectors();
  }

  #config(name: string): ConnectorConfig {
    const config = this.#snapshot().connectorConfig(name);
    if (config === undefined) throw notFound(`Connector ${name} not found`);
    return config;
  }

  #type(config: ConnectorConfig): ConnectorType {
    try {
      return this.worker.newConnector(config['connector.class'] ?? '').type;
    } catch {
      return 'source';
    }
  }

  connectorInfo(name: string): ConnectorInfo {
    const config = this.#config(name);
    const count = this.#snapshot().taskCount(name);
    return { name, config: { ...config }, tasks: Array.from({ length: count }, (_, task) => ({ connector: name, task })), type: this.#type(config) };
  }

  connectorConfig(name: string): ConnectorConfig {
    return { ...this.#config(name) };
  }

  connectorStatus(name: string): ConnectorStateInfo {
    const config = this.#config(name);
    const status = this.statuses.connector(name);
    if (status === undefined) throw notFound(`No status found for connector ${name}`);
    return { name, connector: stateInfo(status), tasks: this.statuses.tasks(name).map(([id, s]) => ({ id, ...stateInfo(s) })), type: this.#type(config) };
  }

  taskConfigs(name: string): TaskInfo[] {
    this.#config(name);
    return this.#snapshot().taskConfigs(name).map((config, task) => ({ id: { connector: name, task }, config: { ...config } }));
  }

  taskStatus(name: string, task: number): TaskStateInfo {
    const s = this.statuses.task({ connector: name, task });
    if (s === undefined) throw notFound(`No status found for task ${name}-${task}`);
    return { id: task, ...stateInfo(s) };
  }

  connectorActiveTopics(name: string): string[] {
    this.#config(name);
    return this.statuses.topics(name);
  }

  resetConnectorActiveTopics(name: string): void {
    this.#config(name);
    void this.statuses.deleteTopics(name).catch((e) => this.worker.log(`Resetting the active topics of ${name} failed: ${(e as Error).message}`));
  }

  async connectorOffsets(name: string): Promise<ConnectorOffset[]> {
    const config = this.#config(name);
    return this.readOffsets(name, this.#type(config));
  }

  // ------------------------------------------------------------------ writes (the leader's)

  /** Throws what makes the REST layer forward the request to the leader, unless this worker leads. */
  #requireLeader(): void {
    const m = this.#membership;
    if (m === null || !m.isLeader) throw new RequestTargetError(NOT_LEADER, m?.leaderUrl ?? null);
  }

  putConnectorConfig(name: string, given: ConnectorConfig, allowReplace: boolean, initialState: InitialState = 'RUNNING'): Promise<{ created: boolean; info: ConnectorInfo }> {
    return this.#serial(async () => {
      const config = this.namedConfig(name, given);
      this.#requireLeader();
      const exists = this.#snapshot().contains(name);
      if (exists && !allowReplace) throw conflict(`Connector ${name} already exists`);
      refuseInvalid(validateConnectorConfig(this.worker, config, undefined, this.#validationContext()));
      await this.configs.putConnectorConfig(name, config, exists ? null : initialTarget(initialState));
      return { created: !exists, info: this.connectorInfo(name) };
    });
  }

  async patchConnectorConfig(name: string, patch: Record<string, string | null>): Promise<ConnectorInfo> {
    this.#requireLeader();
    return (await this.putConnectorConfig(name, this.patchedConfig(this.connectorConfig(name), patch), true)).info;
  }

  deleteConnector(name: string): Promise<void> {
    return this.#serial(async () => {
      this.#requireLeader();
      this.#config(name);
      const tasks = this.#snapshot().taskCount(name);
      await this.configs.removeConnectorConfig(name);
      await this.statuses.deleteConnector(name, tasks);
    });
  }

  protected setTargetState(name: string, target: TargetState): Promise<void> {
    return this.#serial(async () => {
      this.#requireLeader();
      this.#config(name);
      // Stopping also empties the connector's task configs, as Kafka does, so that no task of it runs anywhere.
      if (target === 'STOPPED') await this.configs.putTaskConfigs(name, []);
      await this.configs.putTargetState(name, target);
    });
  }

  restartConnector(name: string, includeTasks: boolean, onlyFailed: boolean): Promise<ConnectorStateInfo> {
    return this.#serial(async () => {
      this.#requireLeader();
      const answer = this.connectorStatus(name);
      if (!onlyFailed || answer.connector.state === 'FAILED') answer.connector.state = 'RESTARTING';
      if (includeTasks) for (const t of answer.tasks) if (!onlyFailed || t.state === 'FAILED') t.state = 'RESTARTING';
      await this.configs.putRestartRequest(name, includeTasks, onlyFailed);
      return answer;
    });
  }

  restartTask(name: string, task: number): Promise<void> {
    return this.#serial(async () => {
      const id = { connector: name, task };
      this.#config(name);
      if (task >= this.#snapshot().taskCount(name)) throw notFound(`Task ${name}-${task} not found`);
      if (this.#work.runsTask(id)) return this.#work.restartTask(id);
      // Kafka's NotAssignedException: the worker that runs it restarts it.
      const owner = this.#membership?.ownerUrl(id) ?? null;
      throw new RequestTargetError('Cannot restart task since it is not assigned to this member', owner ?? this.#membership?.leaderUrl ?? null);
    });
  }

  alterConnectorOffsets(name: string, offsets: ConnectorOffset[]): Promise<string> {
    return this.#serial(async () => {
      this.#requireLeader();
      const config = this.#stoppedConfig(name);
      await this.#fenceBeforeModifyingOffsets(name, config);
      return this.alterOffsets(name, this.#type(config), config, offsets);
    });
  }

  resetConnectorOffsets(name: string): Promise<string> {
    return this.#serial(async () => {
      this.#requireLeader();
      const config = this.#stoppedConfig(name);
      await this.#fenceBeforeModifyingOffsets(name, config);
      return this.resetOffsets(name, this.#type(config), config);
    });
  }

  /**
   * With exactly-once source support, a round of zombie fencing before a source connector's offsets
   * are changed (Kafka's modifyConnectorOffsets), so that no task of an earlier generation still
   * running somewhere can commit offsets over the new ones.
   */
  async #fenceBeforeModifyingOffsets(name: string, config: ConnectorConfig): Promise<void> {
    const eos = this.options.exactlyOnce;
    if (eos === undefined || !eos.enabled || this.#type(config) !== 'source') return;
    try {
      await eos.fenceAsLeader(name);
    } catch (e) {
      throw new ConnectException(`Failed to perform zombie fencing for source connector prior to modifying offsets: ${(e as Error).message}`, { cause: e });
    }
  }

  #stoppedConfig(name: string): ConnectorConfig {
    const config = this.#config(name);
    const snapshot = this.#snapshot();
    if (snapshot.targetState(name) !== 'STOPPED' || snapshot.taskCount(name) > 0) throw notStopped(name);
    return config;
  }

  /** Distributed mode's checks of source connectors' exactly-once settings (Kafka's DistributedHerder makes them whether or not the worker enables it). */
  #validationContext(): ValidationContext {
    return { exactlyOnceSourceEnabled: this.options.exactlyOnce?.enabled ?? false };
  }

  override validateConnectorConfig(pluginName: string, config: ConnectorConfig) {
    return validateConnectorConfig(this.worker, config, pluginName, this.#validationContext());
  }

  /** The leader's round of zombie fencing before a source connector's new task generation runs (Kafka's internal `PUT /connectors/{name}/fence`). */
  async fenceZombieSourceTasks(name: string, signature: InternalRequestSignature | null): Promise<void> {
    this.#checkSignature(signature);
    const eos = this.options.exactlyOnce;
    if (eos === undefined || !eos.enabled) throw badRequest('Exactly-once source support is not enabled on this worker (exactly.once.source.support=enabled)');
    this.#requireLeader();
    await eos.fenceAsLeader(name);
  }

  /** Task configs a connector generated, written by the leader (Kafka's internal `POST /connectors/{name}/tasks`). */
  putTaskConfigs(name: string, configs: ConnectorConfig[], signature: InternalRequestSignature | null): Promise<void> {
    this.#checkSignature(signature);
    return this.#serial(async () => {
      this.#requireLeader();
      this.#config(name);
      await this.configs.putTaskConfigs(name, configs);
    });
  }

  /** The session key this worker signs and verifies with (the last one read from the config topic), or null before one was read. */
  get sessionKey(): StoredSessionKey | null {
    return this.options.signing.sessionKey;
  }

  /** Whether requests between workers must be signed: the group's protocol is sessioned (Kafka's internalRequestValidationEnabled). */
  get requestSigningEnabled(): boolean {
    return this.#membership?.currentProtocol === 'sessioned';
  }

  /** Kafka's requestNotSignedProperly: with signing in force, a request to an internal endpoint must carry the session key's signature. */
  #checkSignature(signature: InternalRequestSignature | null): void {
    if (this.requestSigningEnabled) this.options.signing.verify(signature);
  }

  /** Hands new task configs to the leader (this worker, or over REST), retrying while the connector runs here. */
  #publishTaskConfigs(name: string, configs: ConnectorConfig[]): void {
    const attempt = async (): Promise<void> => {
      if (this.#stopping || !this.#work.runsConnector(name)) return;
      const m = this.#membership;
      try {
        if (m?.isLeader) await this.configs.putTaskConfigs(name, configs);
        else {
          if (m?.leaderUrl === null || m === null) throw new Error('no leader is known yet');
          const res = await this.options.signing.request(new URL(`/connectors/${encodeURIComponent(name)}/tasks?forward=true`, m.leaderUrl), 'POST', JSON.stringify(configs), 60_000);
          if (res.status < 200 || res.status >= 300) throw new Error(`the leader answered ${res.status}: ${res.text}`);
        }
      } catch (e) {
        this.worker.log(`[${name}] writing its ${configs.length} task config(s) failed, retrying: ${(e as Error).message}`);
        setTimeout(() => void attempt(), 1000).unref();
      }
    };
    void attempt();
  }

  // ------------------------------------------------------------------ the group and the config topic

  /** A record of the config topic was read (called by the config store, in topic order). */
  onConfigChange(change: ConfigChange): void {
    if (this.#stopping) return;
    if (change.kind === 'session-key') return this.#keys.onKeyRead(change.sessionKey);
    const name = change.connector;
    // Connectors coming or going, and new task counts, change what the group must share out.
    if (change.kind === 'connector' || change.kind === 'tasks') this.#lastShapeChange = this.#snapshot().offset;
    if (change.kind === 'restart') {
      this.#background(`restarting ${name}`, () => this.#restart(name, change.includeTasks, change.onlyFailed));
      return;
    }
    this.#background(`applying the config of ${name}`, async () => {
      await this.#work.configChanged(name);
      this.#rebalanceIfNeeded();
    });
  }

  /** The config offset of the last record that changed the connectors or their task counts. */
  #lastShapeChange = -1n;
  /** The config offset the current generation was assigned from. */
  #assignedOffset = -1n;

  /** The leader rebalances when the configs changed after the offset it last assigned from. */
  #rebalanceIfNeeded(): void {
    if (this.#membership?.isLeader && this.#lastShapeChange > this.#assignedOffset) this.#membership.requestRejoin('the connectors or their task counts changed');
  }

  async #restart(name: string, includeTasks: boolean, onlyFailed: boolean): Promise<void> {
    if (this.#work.runsConnector(name) && (!onlyFailed || this.statuses.connector(name)?.state === 'FAILED')) await this.#work.restartConnector(name);
    if (!includeTasks) return;
    for (const id of this.#work.taskIds().filter((t) => t.connector === name)) {
      if (!onlyFailed || this.#work.taskState(id) === 'FAILED') await this.#work.restartTask(id);
    }
  }

  onRevoked(_leader: string, connectors: string[], tasks: ConnectorTaskId[]): Promise<void> {
    return this.#serial(async () => {
      if (connectors.length + tasks.length > 0) this.worker.log(`Revoked: connectors [${connectors.join(', ')}], tasks [${tasks.map(taskName).join(', ')}]`);
      for (const t of tasks) await this.#work.stopTask(t, true);
      for (const c of connectors) await this.#work.stopConnector(c, true);
    });
  }

  onAssigned(assignment: ConnectAssignment, generation: number): Promise<void> {
    return this.#serial(async () => {
      // An assignment that lands while this worker shuts down (the others left meanwhile) starts nothing.
      if (this.#stopping) return;
      this.#generation = generation;
      await this.#claimWritePrivileges();
      this.worker.log(`Joined group at generation ${generation} (leader ${assignment.leaderUrl}${this.#membership?.isLeader ? ', this worker' : ''}; config offset ${assignment.configOffset}${assignment.error !== ConnectAssignmentError.NONE ? `; error ${assignment.error}` : ''}): connectors [${assignment.connectors.join(', ')}], tasks [${assignment.tasks.map(taskName).join(', ')}]${assignment.delayMs > 0 ? `; rebalance again in ${assignment.delayMs} ms` : ''}`);
      if (assignment.error === ConnectAssignmentError.CONFIG_MISMATCH || this.#snapshot().offset < assignment.configOffset) {
        // Behind the leader's config topic: read up to it, then rejoin with the new offset (Kafka's handleRebalanceCompleted).
        if (!(await this.#catchUp())) {
          // As Kafka's worker, it starts nothing it cannot see the configs of, and tries again after worker.unsync.backoff.ms.
          setTimeout(() => void (this.#stopping || this.#membership?.requestRejoin('retrying after worker.unsync.backoff.ms')), this.options.workerUnsyncBackoffMs).unref();
          return;
        }
        if (assignment.error === ConnectAssignmentError.CONFIG_MISMATCH) {
          this.#membership?.requestRejoin('this worker was behind the config topic');
          return;
        }
      }
      this.#assignedOffset = assignment.configOffset;
      if (this.#membership?.isLeader) await this.#removeStaleStatuses();
      await this.#keys.distributeIfNeeded();
      for (const c of assignment.connectors) await this.#work.startConnector(c);
      for (const t of assignment.tasks) this.#work.startTask(t);
      // The leader rebalances again if configs changed while this generation was being assigned.
      this.#rebalanceIfNeeded();
    });
  }

  /**
   * The leader removes the statuses of connectors that were deleted and of tasks that no longer
   * exist (fewer tasks, or a stopped connector), as Kafka's leader does after each rebalance: by then
   * the workers that ran them have stopped them and written their last status.
   */
  async #removeStaleStatuses(): Promise<void> {
    const snapshot = this.#snapshot();
    try {
      for (const connector of this.statuses.connectorNames()) {
        if (!snapshot.contains(connector)) {
          await this.statuses.deleteConnector(connector, 0);
          continue;
        }
        const count = snapshot.taskCount(connector);
        for (const [task] of this.statuses.tasks(connector)) if (task >= count) await this.statuses.deleteTask({ connector, task });
      }
    } catch (e) {
      this.worker.log(`Removing the statuses of deleted connectors and tasks failed; the next rebalance tries again: ${(e as Error).message}`);
    }
  }

  /** Reads the config topic to its end within worker.sync.timeout.ms; false when it could not. */
  async #catchUp(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), this.#syncTimeoutMs)));
    const read = await Promise.race([this.configs.log.readToEnd(this.#syncTimeoutMs).then(() => true, () => false), timedOut]);
    clearTimeout(timer);
    if (!read) this.worker.log(`Reading the config topic to the leader's offset took longer than worker.sync.timeout.ms (${this.#syncTimeoutMs} ms); this worker starts nothing and rejoins after worker.unsync.backoff.ms (${this.options.workerUnsyncBackoffMs} ms)`);
    return read;
  }

  /**
   * With a fencable config writer (exactly.once.source.support preparing or enabled): the leader
   * claims the config topic (Kafka's claimWritePrivileges after a rebalance), which fences any
   * earlier leader; a worker that no longer leads drops its producer. A failed claim is tried
   * again while this worker leads, as Kafka's tick does.
   */
  async #claimWritePrivileges(): Promise<void> {
    if (!this.configs.usesFencableWriter) return;
    if (this.#stopping || !this.#membership?.isLeader) return this.configs.relinquishWritePrivileges();
    try {
      await this.configs.claimWritePrivileges();
    } catch (e) {
      this.worker.log(`Unable to claim write privileges for config topic as the leader; trying again in ${CONFIG_TOPIC_WRITE_PRIVILEGES_BACKOFF_MS} ms while this worker leads: ${(e as Error).message}`);
      setTimeout(() => this.#background('claiming write privileges for the config topic', () => this.#claimWritePrivileges()), CONFIG_TOPIC_WRITE_PRIVILEGES_BACKOFF_MS).unref();
    }
  }

  /**
   * A leader's write to the config topic failed (a newer leader fenced it, or an error): it stops
   * writing (its producer is dropped) and rejoins the group; if it is still the leader after the
   * rebalance, it claims the topic again (Kafka's fencedFromConfigTopic).
   */
  onFencedFromConfigTopic(error: unknown): void {
    if (this.#stopping) return;
    this.worker.log(`Failed to write to config topic as leader; rejoining the group and, if still the leader, claiming write privileges for the config topic again: ${(error as Error)?.message ?? String(error)}`);
    this.#membership?.requestRejoin('the write to the config topic failed (fenced out by another leader?)');
  }

  /** Which worker runs each connector and task here (for tests and diagnostics). */
  running(): { connectors: string[]; tasks: string[] } {
    return { connectors: this.#work.connectorNames().sort(), tasks: this.#work.taskIds().map(taskName).sort() };
  }

  /** Stops every connector and task here, then leaves the group. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#keys.stop();
    await this.#serial(() => this.#work.stopAll());
    await this.#membership?.close().catch(() => undefined);
    await this.configs.relinquishWritePrivileges();
  }
}

/** A stored status as `/status` shows it (the version and trace only when known). */
function stateInfo(s: StoredStatus): StateInfo {
  return { state: s.state, worker_id: s.workerId, ...(s.version === null ? {} : { version: s.version }), ...(s.trace === null ? {} : { trace: s.trace }) };
}

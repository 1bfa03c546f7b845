// Coverage-guided fuzzing (tests/fuzz/README.md). For each target, the regression corpus runs
// first, as a plain test; then the fuzzer mutates it and real clients' frames for a bounded time.
// SLUICE_FUZZ_SECONDS (default 20, split between the targets) and SLUICE_FUZZ_SEED change the run;
// SLUICE_FUZZ_KEEP=<dir> writes every input that added coverage there.
import { test } from 'node:test';
import { fuzz, replay, type FuzzTarget } from './engine/fuzzer.ts';
import { failureDir, regressionCorpus } from './seeds.ts';
import { brokerRequestsTarget } from './targets/broker-requests.ts';
import { recordBatchesTarget } from './targets/record-batches.ts';
import { requestDecodersTarget } from './targets/request-decoders.ts';

const SECONDS = Number(process.env.SLUICE_FUZZ_SECONDS ?? 20);
const SEED = Number(process.env.SLUICE_FUZZ_SEED ?? 20261203);
const KEEP = process.env.SLUICE_FUZZ_KEEP;

interface Entry {
  /** replay: the regression corpus, one input at a time, with time for the timers each started. */
  target: (mode: 'replay' | 'fuzz') => FuzzTarget & { seeds(): Buffer[] | Promise<Buffer[]> };
  /** Share of the time budget. */
  share: number;
}

const TARGETS: Entry[] = [
  { target: requestDecodersTarget, share: 1 },
  { target: recordBatchesTarget, share: 1 },
  { target: (mode) => brokerRequestsTarget(mode === 'replay' ? 150 : 0), share: 2 },
];
const totalShares = TARGETS.reduce((n, t) => n + t.share, 0);

for (const { target, share } of TARGETS) {
  const name = target('fuzz').name;
  test(`${name}: the regression corpus`, async () => {
    await replay(target('replay'), regressionCorpus(name), failureDir);
  });
  test(`${name}: fuzzing`, async () => {
    const t = target('fuzz');
    const corpus = regressionCorpus(name).map((c) => c.bytes);
    const seeds = [...corpus, ...(await t.seeds())];
    const stats = await fuzz(t, {
      seed: SEED,
      budgetMs: (SECONDS * 1000 * share) / totalShares,
      seeds,
      failureDir,
      keepDir: KEEP === undefined ? undefined : `${KEEP}/${name}`,
    });
    console.log(`${name}: ${stats.executions} inputs, ${stats.corpus} in the corpus, ${stats.features} coverage features (seed ${SEED})`);
  });
}

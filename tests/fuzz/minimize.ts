/**
 * Picks, from the inputs a long run kept (SLUICE_FUZZ_KEEP), the few that add the most coverage
 * to what the seeds and the regression corpus already reach, and copies them into the corpus as
 * `cov-<hash>.bin`, so that CI's short run starts from where a long one got to.
 *
 *   node --conditions=sluice:source tests/fuzz/minimize.ts request-decoders /tmp/kept/request-decoders 12
 */
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CoverageTracker } from './engine/coverage.ts';
import type { FuzzTarget } from './engine/fuzzer.ts';
import { corpusDir, regressionCorpus } from './seeds.ts';
import { brokerRequestsTarget } from './targets/broker-requests.ts';
import { recordBatchesTarget } from './targets/record-batches.ts';
import { requestDecodersTarget } from './targets/request-decoders.ts';

const [name, dir, count = '12'] = process.argv.slice(2);
const targets: Record<string, () => FuzzTarget & { seeds(): Buffer[] | Promise<Buffer[]> }> = {
  'request-decoders': requestDecodersTarget,
  'record-batches': recordBatchesTarget,
  'broker-requests': () => brokerRequestsTarget(),
};
const target = targets[name]?.();
if (target === undefined || dir === undefined) {
  console.error(`usage: minimize.ts <${Object.keys(targets).join('|')}> <dir of kept inputs> [count]`);
  process.exit(2);
}

async function featuresOf(coverage: CoverageTracker, input: Buffer): Promise<Set<string>> {
  try {
    await target!.run(input);
  } catch {
    // a failing input is for the failures folder, not for this
  }
  return coverage.take();
}

await target.open?.();
const coverage = new CoverageTracker((url) => target.covers(url));
coverage.start();
for (const s of [...regressionCorpus(name).map((c) => c.bytes), ...(await target.seeds())]) coverage.merge(await featuresOf(coverage, s));
const candidates: { file: string; features: Set<string> }[] = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.bin'))) {
  candidates.push({ file, features: await featuresOf(coverage, readFileSync(join(dir, file))) });
}
const picked: string[] = [];
for (let i = 0; i < Number(count); i++) {
  let best: (typeof candidates)[number] | undefined;
  let bestGain = 0;
  for (const c of candidates) {
    let gain = 0;
    for (const f of c.features) if (!coverage.has(f)) gain++;
    if (gain > bestGain) [best, bestGain] = [c, gain];
  }
  if (best === undefined) break;
  coverage.merge(best.features);
  picked.push(`${best.file} (+${bestGain})`);
  copyFileSync(join(dir, best.file), join(corpusDir, name, `cov-${best.file}`));
}
coverage.stop();
await target.close?.();
console.log(`${name}: added ${picked.length} inputs to the corpus\n${picked.join('\n')}`);

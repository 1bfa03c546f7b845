/**
 * Coverage feedback from V8's precise block coverage, read in this process through node:inspector.
 *
 * V8 reports, per function, nested ranges with execution counts, and leaves out a nested range
 * whose count equals its parent's. So a block that ran exactly as often as its function shows up
 * only as the absence of a zero range. To see every block, the tracker remembers each range it has
 * ever been told about and resolves its count on every take from the innermost reported range
 * around it. A feature is a block with its count bucketed as AFL does (1, 2, 3, 4-7, 8-15, 16-31,
 * 32-127, 128+), so an input that runs a loop more often than before also counts as new.
 */
import { Session } from 'node:inspector';

interface Range {
  startOffset: number;
  endOffset: number;
  count: number;
}

interface FunctionCoverage {
  functionName: string;
  ranges: Range[];
}

interface ScriptCoverage {
  url: string;
  functions: FunctionCoverage[];
}

function bucket(count: number): number {
  if (count <= 3) return count;
  if (count < 8) return 4;
  if (count < 16) return 5;
  if (count < 32) return 6;
  if (count < 128) return 7;
  return 8;
}

export class CoverageTracker {
  private readonly session = new Session();
  /** Every range ever reported, per function (url and start offset): "start:end". */
  private readonly knownRanges = new Map<string, Set<string>>();
  /** Features (block and count bucket) some kept input has reached. */
  private readonly seen = new Set<string>();
  /** The blocks of those features, whatever their counts. */
  private readonly seenBlocks = new Set<string>();

  private readonly covers: (url: string) => boolean;

  /** @param covers which scripts count, by URL (file:///…/packages/protocol/src/…). */
  constructor(covers: (url: string) => boolean) {
    this.covers = covers;
  }

  start(): void {
    this.session.connect();
    this.post('Profiler.enable');
    this.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
    this.take(); // what ran before the first input (module loading) is nobody's coverage
  }

  stop(): void {
    this.post('Profiler.stopPreciseCoverage');
    this.post('Profiler.disable');
    this.session.disconnect();
  }

  /** Features reached since the last call (counters restart at every call). */
  take(): Set<string> {
    const features = new Set<string>();
    const { result } = this.post('Profiler.takePreciseCoverage') as { result: ScriptCoverage[] };
    for (const script of result) {
      if (!this.covers(script.url)) continue;
      for (const fn of script.functions) {
        const ranges = fn.ranges;
        if (ranges.length === 0 || ranges[0].count === 0) continue;
        const key = `${script.url}#${ranges[0].startOffset}`;
        let known = this.knownRanges.get(key);
        if (known === undefined) this.knownRanges.set(key, (known = new Set()));
        for (const r of ranges) known.add(`${r.startOffset}:${r.endOffset}`);
        for (const k of known) {
          const [start, end] = k.split(':').map(Number);
          const count = innermostCount(ranges, start, end);
          if (count > 0) features.add(`${key}@${k}=${bucket(count)}`);
        }
      }
    }
    return features;
  }

  /** Adds the features to what has been seen; returns how many of them were new. */
  merge(features: Set<string>): number {
    let added = 0;
    for (const f of features) {
      if (!this.seen.has(f)) {
        this.seen.add(f);
        this.seenBlocks.add(blockOf(f));
        added++;
      }
    }
    return added;
  }

  /** True when this feature has been seen. */
  has(feature: string): boolean {
    return this.seen.has(feature);
  }

  /** True when some feature has not been seen yet (without recording it). */
  hasNew(features: Set<string>): boolean {
    for (const f of features) if (!this.seen.has(f)) return true;
    return false;
  }

  /**
   * True when some block has not been reached yet. For the coverage of several inputs at once, whose
   * counts add up and so say nothing about any one input's.
   */
  hasNewBlock(features: Set<string>): boolean {
    for (const f of features) if (!this.seenBlocks.has(blockOf(f))) return true;
    return false;
  }

  get size(): number {
    return this.seen.size;
  }

  // The in-process session answers synchronously, so the callback has run when post returns.
  private post(method: string, params?: object): unknown {
    let error: Error | null = null;
    let answer: unknown;
    this.session.post(method, params ?? {}, (e, r) => {
      error = e;
      answer = r;
    });
    if (error) throw error;
    return answer;
  }
}

function blockOf(feature: string): string {
  return feature.slice(0, feature.lastIndexOf('='));
}

/** The count of the innermost reported range that contains start..end (ranges[0] is the function). */
function innermostCount(ranges: Range[], start: number, end: number): number {
  let count = ranges[0].count;
  let width = Infinity;
  for (const r of ranges) {
    if (r.startOffset <= start && end <= r.endOffset && r.endOffset - r.startOffset < width) {
      width = r.endOffset - r.startOffset;
      count = r.count;
    }
  }
  return count;
}

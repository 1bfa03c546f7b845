/** Small helpers shared by the benchmarks: timing loops and a table printer. */

export interface Measurement {
  name: string;
  opsPerSecond: number;
  megabytesPerSecond: number;
}

/** Runs `fn` repeatedly for about `seconds` (after a short warm-up) and reports its rate. */
export async function measure(name: string, bytesPerOp: number, fn: () => unknown, seconds = 1.5): Promise<Measurement> {
  const warmUntil = performance.now() + 300;
  while (performance.now() < warmUntil) await fn();
  let ops = 0;
  const start = performance.now();
  const until = start + seconds * 1000;
  while (performance.now() < until) {
    for (let i = 0; i < 8; i++) await fn();
    ops += 8;
  }
  const elapsed = (performance.now() - start) / 1000;
  return { name, opsPerSecond: ops / elapsed, megabytesPerSecond: (ops * bytesPerOp) / elapsed / 1e6 };
}

export function printTable(title: string, rows: Measurement[], reference: Measurement): void {
  console.log(`\n${title}`);
  const width = Math.max(...rows.map((r) => r.name.length), reference.name.length);
  for (const r of rows) {
    const ratio = r === reference ? '' : `  ${(r.megabytesPerSecond / reference.megabytesPerSecond).toFixed(2)}× ${reference.name}`;
    console.log(`  ${r.name.padEnd(width)}  ${r.megabytesPerSecond.toFixed(1).padStart(9)} MB/s  ${r.opsPerSecond.toFixed(0).padStart(8)} ops/s${ratio}`);
  }
}

/**
 * A target for testing the fuzzer itself: it throws only for inputs starting with "FUZZ", one
 * byte checked per branch. Random inputs would need about 4 billion tries to get there; a fuzzer
 * that keeps inputs reaching new branches needs each byte found in turn.
 */
export function maze(b: Buffer): void {
  if (b.length >= 4 && b[0] === 0x46) {
    if (b[1] === 0x55) {
      if (b[2] === 0x5a) {
        if (b[3] === 0x5a) throw new Error('found FUZZ');
      }
    }
  }
}

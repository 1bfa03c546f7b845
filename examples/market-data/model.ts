/**
 * The market-data example's records, shared by the application, its generator and its test.
 * Trades and reference data are keyed by symbol; values are JSON.
 */

/** One trade (topic `trades`); the record's timestamp is when it was executed. */
export interface Trade {
  symbol: string;
  price: number;
  quantity: number;
}

/** What is known about an instrument (topic `reference-data`, read whole by every instance). */
export interface Instrument {
  symbol: string;
  name: string;
  exchange: string;
  currency: string;
}

/** One window's bar (topic `market-bars`, keyed by symbol): one per symbol and window, final. */
export interface Bar {
  symbol: string;
  name: string;
  exchange: string;
  currency: string;
  /** The window [windowStart, windowEnd) in epoch milliseconds. */
  windowStart: number;
  windowEnd: number;
  trades: number;
  volume: number;
  /** Volume-weighted average price: the sum of price × quantity over the volume. */
  vwap: number;
  high: number;
  low: number;
}

/** Bars cover 1 minute and start every 15 seconds; trades up to 5 seconds late still count. */
export const BAR_SIZE_MS = 60_000;
export const BAR_ADVANCE_MS = 15_000;
export const BAR_GRACE_MS = 5_000;

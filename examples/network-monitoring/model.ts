/**
 * The network-monitoring example's records, shared by the application, its generator and its
 * test. Metrics are keyed by device; values are JSON.
 */

/** One reading of a device (topic `device-metrics`); the record's timestamp is when it was taken. */
export interface Metric {
  device: string;
  latencyMs: number;
  status: 'ok' | 'error';
}

/** A device's current session of activity (topic `device-dashboard`, keyed by device). */
export interface SessionSummary {
  device: string;
  /** First and last reading of the session, epoch milliseconds. */
  sessionStart: number;
  sessionEnd: number;
  readings: number;
  errors: number;
  maxLatencyMs: number;
}

/** An alert (topic `device-alerts`, keyed by device). */
export type DeviceAlert =
  | { device: string; reason: 'error-burst'; burstStart: number; burstEnd: number; errors: number }
  | { device: string; reason: 'silent'; lastSeen: number; detectedAt: number };

/** Readings closer than this belong to one session of activity. */
export const ACTIVITY_GAP_MS = 30_000;
/** Errors closer than this form one burst; a burst of this many errors or more is an alert. */
export const BURST_GAP_MS = 10_000;
export const BURST_MIN_ERRORS = 3;
/** A device not heard from for longer than this (in stream time) is reported silent. */
export const SILENCE_MS = 60_000;
/** How often (in stream time) the devices are checked for silence. */
export const SILENCE_CHECK_MS = 10_000;

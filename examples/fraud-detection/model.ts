/**
 * The fraud-detection example's records, shared by the application, its generator and its test.
 * Payments and profiles are keyed by card number; values are JSON.
 */

/** One card payment (topic `payments`); the record's timestamp is when it happened. */
export interface Payment {
  card: string;
  amount: number;
  /** ISO 3166 alpha-2 code of the country the card was used in. */
  country: string;
}

/** A customer's limits for one card (topic `customer-profiles`, a table: the latest per card). */
export interface Profile {
  card: string;
  customer: string;
  maxPaymentsPerMinute: number;
  maxAmountPer10Minutes: number;
}

export type AlertReason = 'too-many-payments' | 'amount-over-limit' | 'two-countries';

/** One alert (topic `fraud-alerts`, keyed by card). */
export interface Alert {
  card: string;
  customer: string;
  reason: AlertReason;
  /** The window that broke the rule: [windowStart, windowEnd] in epoch milliseconds. */
  windowStart: number;
  windowEnd: number;
  /** What was seen in that window and the limit it broke (for two-countries, the countries). */
  observed: number | string[];
  limit: number | null;
}

export const PAYMENT_WINDOW_MS = 60_000;
export const TRAVEL_WINDOW_MS = 10 * 60_000;

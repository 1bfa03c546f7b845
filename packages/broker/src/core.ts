/**
 * The broker's state as handlers see it. Filled in as the broker grows.
 */
export interface AdvertisedApi {
  apiKey: number;
  minVersion: number;
  maxVersion: number;
}

export interface BrokerCore {
  readonly advertisedApis: readonly AdvertisedApi[];
}

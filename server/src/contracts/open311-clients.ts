/** Open311 API clients (外部系统接入): outside systems such as FixMyStreet that report appeals with an API key. */

export interface Open311Client {
  id: number;
  name: string;
  /** The key's first 9 characters ("o311_Ab3x"), enough to tell keys apart; the key itself is not stored. */
  keyHint: string;
  defaultRegionCode: string | null;
  defaultRegionName: string | null;
  active: boolean;
  createdAt: string;
  deactivatedAt: string | null;
  /** Requests the client has submitted (no "last used" time is kept). */
  requestCount: number;
}

export interface Open311ClientInput {
  name: string;
  /** Where its requests are placed when they name no region (Open311 has no region field). */
  defaultRegionCode: string | null;
}

/** The answer to creating a client: the plaintext key, the only time it is ever sent. */
export interface CreatedOpen311Client {
  client: Open311Client;
  apiKey: string;
}

/**
 * Why a request failed, for the forms that keep what was typed on the device and send it again
 * (a visit drafted on a doorstep, a citizen's appeal): only the kind decides whether to wait for
 * the network, give the work back to be corrected, or try again later. Plain TypeScript, so it
 * is unit-tested without a browser.
 */

/**
 * offline: no answer at all (try again when the network is back);
 * refused: the server answered that the input is wrong or out of reach (resending cannot help);
 * retry: anything else, e.g. a signed-out session or a server error (try again later).
 */
export type FailureKind = 'offline' | 'refused' | 'retry';

/** Statuses that mean the server looked at the submission and will refuse it again, however often it is sent. */
const REFUSED = [400, 404, 409, 413, 422];

/** Reads the status of an ApiError (0 when no answer came) or of a plain fetch failure, which has none. */
export function failureKind(error: unknown): FailureKind {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status !== 'number' || status === 0) return 'offline';
  return REFUSED.includes(status) ? 'refused' : 'retry';
}

/** Telling a network failure from a refusal and from a passing server problem. */
import { describe, expect, it } from 'vitest';
import { failureKind } from './failure-kind';

const withStatus = (message: string, status: number) => Object.assign(new Error(message), { status });

describe('failureKind', () => {
  it('reads no answer at all as offline', () => {
    expect(failureKind(new TypeError('Failed to fetch'))).toBe('offline');
    // ApiError's status 0: lib/api.ts's network error.
    expect(failureKind(withStatus('无法连接服务器，请稍后重试', 0))).toBe('offline');
    expect(failureKind(null)).toBe('offline');
  });

  it('reads the server refusing the input as refused', () => {
    expect(failureKind(withStatus('x', 400))).toBe('refused');
    expect(failureKind(withStatus('not found', 404))).toBe('refused');
  });

  it('reads anything else as worth trying again later', () => {
    expect(failureKind(withStatus('signed out', 401))).toBe('retry');
    expect(failureKind(withStatus('boom', 502))).toBe('retry');
  });
});

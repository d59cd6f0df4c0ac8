/**
 * Crash points for fault tests. When HUIMIN_FAULT_POINT names a point, the process announces
 * it on stderr and waits there for ever, so a test can kill it at exactly that moment (say, a
 * payment run's lines written but not committed). Unset — always, outside those tests — a
 * point costs one comparison.
 */
export async function faultPoint(name: string): Promise<void> {
  if (process.env.HUIMIN_FAULT_POINT !== name) return;
  process.stderr.write(`fault point reached: ${name}\n`);
  await new Promise(() => {});
}

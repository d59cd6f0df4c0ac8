/**
 * Progress of payment runs being built in this process. A run is built in one transaction, so
 * until it commits nobody else can see it; the screen that asked for it polls this instead.
 */
import type { BuildProgress } from '../../../contracts/benefits.js';

export const BUILD_STAGES = ['正常发放明细', '补发与追回', '资金来源分摊', '汇总与校验'] as const;

const building = new Map<string, BuildProgress>();

export function startBuild(requestKey: string, period: string, policyCodes: string[]): (stage: number) => void {
  building.set(requestKey, { period, policyCodes, stage: BUILD_STAGES[0], done: 0, total: BUILD_STAGES.length, startedAt: new Date().toISOString() });
  return (stage) => {
    const entry = building.get(requestKey);
    if (entry) building.set(requestKey, { ...entry, stage: BUILD_STAGES[stage] ?? '完成', done: stage });
  };
}

export function endBuild(requestKey: string): void {
  building.delete(requestKey);
}

export function buildsInProgress(): BuildProgress[] {
  return [...building.values()];
}

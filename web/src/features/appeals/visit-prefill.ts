/** The intake form filled from a visit (诉求受理 ?visit=id): what the grid worker found and where. */
import type { Visit } from '@contracts/visits';

/** The findings and each need's note, as the appeal's description. */
export function visitDescription(visit: Pick<Visit, 'findings' | 'needs'>): string {
  return [visit.findings, ...visit.needs.map((n) => n.note)].map((s) => s?.trim()).filter(Boolean).join('\n');
}

/** What the intake form starts with: the description, and where the household lives. */
export function visitFill(visit: Pick<Visit, 'findings' | 'needs' | 'address' | 'regionCode'>): { description: string; address?: string; regionCode?: string } {
  return { description: visitDescription(visit), address: visit.address ?? undefined, regionCode: visit.regionCode ?? undefined };
}

/** The intake form filled from a visit (诉求受理 ?visit=id): what the grid worker found and where. */
import { useEffect, useRef, useState } from 'react';
import type { Visit } from '@contracts/visits';
import { api } from '../../lib/api';

/** The findings and each need's note, as the appeal's description. */
export function visitDescription(visit: Pick<Visit, 'findings' | 'needs'>): string {
  return [visit.findings, ...visit.needs.map((n) => n.note)].map((s) => s?.trim()).filter(Boolean).join('\n');
}

export interface VisitFill {
  description: string;
  address?: string;
  regionCode?: string;
}

/** Loads the visit named by `visitId` once and hands `fill` what the form should start with; returns the visit once loaded. */
export function useVisitPrefill(visitId: string | null, fill: (values: VisitFill) => void): Visit | null {
  const [visit, setVisit] = useState<Visit | null>(null);
  const filler = useRef(fill);
  filler.current = fill;
  useEffect(() => {
    if (!visitId || !/^\d+$/.test(visitId)) return;
    const controller = new AbortController();
    api.get<Visit>(`/api/visits/${visitId}`, undefined, controller.signal).then((v) => {
      filler.current({ description: visitDescription(v), address: v.address ?? undefined, regionCode: v.regionCode ?? undefined });
      setVisit(v);
    }).catch(() => {
      // Not found or not in scope: the form stays empty, as when opened from the menu.
    });
    return () => controller.abort();
  }, [visitId]);
  return visit;
}

/**
 * The household page's 待遇 tab. The benefit pages load only when the tab is opened, so the
 * household page stays light for users who never look at benefits.
 */
import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { HouseholdSummary, PersonView } from '@contracts/registry';

const HouseholdBenefits = lazy(() => import('./HouseholdBenefits').then((m) => ({ default: m.HouseholdBenefits })));

export function BenefitsTab({ household, members }: { household: HouseholdSummary; members: PersonView[] }) {
  return (
    <Suspense fallback={<Skeleton active />}>
      <HouseholdBenefits household={household} members={members} />
    </Suspense>
  );
}

/**
 * The household's 政策 tab. The policy feature is loaded only when the tab is opened, so the
 * household page stays light for users who never look at policies.
 */
import { Card, Skeleton } from 'antd';
import { lazy, Suspense } from 'react';

const HouseholdPolicies = lazy(() =>
  import('@/features/policies/household/HouseholdPolicies').then((m) => ({ default: m.HouseholdPolicies })),
);

export function PoliciesTab({ householdId }: { householdId: number }) {
  return (
    <Card className="page-section">
      <Suspense fallback={<Skeleton active />}>
        <HouseholdPolicies householdId={householdId} />
      </Suspense>
    </Card>
  );
}

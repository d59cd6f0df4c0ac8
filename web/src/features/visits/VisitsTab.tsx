/** The household page's 走访记录 tab: every visit to the household, newest first, and 记录走访 for it. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Skeleton } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { VisitCard } from './VisitCard';
import { VisitDrawer } from './VisitDrawer';
import { listHouseholdVisits } from './visits.api';
import './visits.css';

export function VisitsTab({ householdId }: { householdId: number }) {
  const t = useT();
  const navigate = useNavigate();
  const { can } = useAuth();
  const [open, setOpen] = useState<number | null>(null);
  const { data, error, loading, reload } = useRequest((signal) => listHouseholdVisits(householdId, signal), [householdId]);
  return (
    <Flex vertical gap={12} data-testid="household-visits">
      {can('visit:write') && (
        <Flex justify="flex-end">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/visits/new?householdId=${householdId}`)}>{t('记录走访')}</Button>
        </Flex>
      )}
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {loading && !data && <Skeleton active />}
      {data && data.length === 0 && <Empty description={t('还没有走访记录')} />}
      {data && data.length > 0 && (
        <div className="visit-grid">
          {data.map((v) => <VisitCard key={v.id} visit={v} showHousehold={false} onOpen={(visit) => setOpen(visit.id)} />)}
        </div>
      )}
      {open !== null && <VisitDrawer visitId={open} onClose={() => setOpen(null)} onChanged={() => void reload()} />}
    </Flex>
  );
}

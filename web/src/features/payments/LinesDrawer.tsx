/** The payment lines behind a figure (a ledger cell, a policy's month), in a drawer. */
import { Drawer } from 'antd';
import { useIsMobile } from '@/lib/useMedia';
import { LinesTable } from './LinesTable';
import type { LineFilter } from './payments.api';

export function LinesDrawer({ title, filter, onClose }: { title: string; filter: LineFilter; onClose: () => void }) {
  const mobile = useIsMobile();
  return (
    <Drawer open title={title} onClose={onClose} size={mobile ? '100%' : 960}>
      <LinesTable runId={null} filter={filter} testId="ledger-lines" />
    </Drawer>
  );
}

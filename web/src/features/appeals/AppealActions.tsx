/**
 * What the current user may do with an appeal now, as buttons with their dialogs. Dispatchers
 * (appeal:dispatch) dispatch, arbitrate returns, approve or send back replies, make the
 * satisfaction call and merge; the handling unit (appeal:handle, a member of the responsible
 * organisation or one above it) accepts, returns, transfers, reports progress and drafts the
 * reply. The server checks every step again; the buttons only follow its rules.
 */
import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { ReasonModal } from '@/components/ReasonModal';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { ApproveModal, DispatchModal, MergeModal, ReplyModal, SatisfactionModal, TransferModal, UpholdModal } from './appeal-modals';
import { acceptAppeal, arbitrateReturn, rejectReply, reportAppealProgress, returnAppeal, type AppealDetail, type AppealStatus } from './appeals.api';

type Dialog = 'dispatch' | 'return' | 'uphold' | 'refuse' | 'transfer' | 'progress' | 'reply' | 'approve' | 'reject' | 'satisfaction' | 'merge' | null;

const MERGEABLE: AppealStatus[] = ['received', 'dispatched', 'accepted', 'in_progress', 'returned'];

export function AppealActions({ appeal, onChanged }: { appeal: AppealDetail; onChanged: (a: AppealDetail) => void }) {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  // The server says whether the reader's unit (or one above it) holds the appeal.
  const handles = can('appeal:handle') && appeal.handles;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [accepting, setAccepting] = useState(false);
  const dispatcher = can('appeal:dispatch');
  const s = appeal.status;
  const done = (a: AppealDetail) => { setDialog(null); onChanged(a); };
  const close = () => setDialog(null);

  const accept = async () => {
    setAccepting(true);
    try {
      done(await acceptAppeal(appeal.id));
      message.success(t('已签收'));
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setAccepting(false);
    }
  };

  const buttons = [
    dispatcher && s === 'received' && <Button key="dispatch" type="primary" onClick={() => setDialog('dispatch')}>{t('派单')}</Button>,
    handles && s === 'dispatched' && <Button key="accept" type="primary" loading={accepting} onClick={() => void accept()}>{t('签收')}</Button>,
    handles && (s === 'accepted' || s === 'in_progress') && <Button key="reply" type="primary" onClick={() => setDialog('reply')}>{t('拟写答复')}</Button>,
    handles && (s === 'accepted' || s === 'in_progress') && <Button key="progress" onClick={() => setDialog('progress')}>{t('反馈进展')}</Button>,
    handles && (s === 'accepted' || s === 'in_progress') && <Button key="transfer" onClick={() => setDialog('transfer')}>{t('转办')}</Button>,
    handles && (s === 'dispatched' || s === 'accepted') && <Button key="return" danger onClick={() => setDialog('return')}>{t('退单')}</Button>,
    dispatcher && s === 'returned' && <Button key="uphold" type="primary" onClick={() => setDialog('uphold')}>{t('退单成立，改派')}</Button>,
    dispatcher && s === 'returned' && <Button key="refuse" onClick={() => setDialog('refuse')}>{t('退单不成立')}</Button>,
    dispatcher && s === 'reply_drafted' && <Button key="approve" type="primary" onClick={() => setDialog('approve')}>{t('审核通过')}</Button>,
    dispatcher && s === 'reply_drafted' && <Button key="reject" danger onClick={() => setDialog('reject')}>{t('退回答复')}</Button>,
    dispatcher && s === 'replied' && <Button key="satisfaction" type="primary" onClick={() => setDialog('satisfaction')}>{t('满意度回访')}</Button>,
    dispatcher && MERGEABLE.includes(s) && <Button key="merge" onClick={() => setDialog('merge')}>{t('并案')}</Button>,
  ].filter(Boolean);
  if (buttons.length === 0) return null;

  const step = { appeal, onClose: close, onDone: done };
  return (
    <Flex gap={8} wrap data-testid="appeal-actions">
      {buttons}
      {dialog === 'dispatch' && <DispatchModal {...step} />}
      {dialog === 'transfer' && <TransferModal {...step} />}
      {dialog === 'uphold' && <UpholdModal {...step} />}
      {dialog === 'reply' && <ReplyModal {...step} />}
      {dialog === 'approve' && <ApproveModal {...step} />}
      {dialog === 'satisfaction' && <SatisfactionModal {...step} />}
      {dialog === 'merge' && <MergeModal {...step} />}
      {dialog === 'return' && (
        <ReasonModal title={t('退单')} okText={t('退单')} reasonLabel={t('退单理由')} subject={t('诉求 {number}', { number: appeal.number })}
          placeholder={t('说明为何不属于本单位职责，建议由哪个单位办理')} onClose={close}
          onSubmit={async (v) => done(await returnAppeal(appeal.id, v.reason ?? ''))} />
      )}
      {dialog === 'refuse' && (
        <ReasonModal title={t('退单不成立')} okText={t('退回原单位')} reasonLabel={t('仲裁意见')} subject={t('{org} 继续办理诉求 {number}', { org: appeal.responsibleOrgName ?? '', number: appeal.number })}
          onClose={close} onSubmit={async (v) => done(await arbitrateReturn(appeal.id, { upheld: false, note: v.reason ?? '' }))} />
      )}
      {dialog === 'progress' && (
        <ReasonModal title={t('反馈进展')} okText={t('提交')} reasonLabel={t('办理情况')} onClose={close}
          onSubmit={async (v) => done(await reportAppealProgress(appeal.id, v.reason ?? ''))} />
      )}
      {dialog === 'reject' && (
        <ReasonModal title={t('退回答复')} okText={t('退回')} reasonLabel={t('退回意见')} subject={appeal.replyText} onClose={close}
          onSubmit={async (v) => done(await rejectReply(appeal.id, v.reason ?? ''))} />
      )}
    </Flex>
  );
}

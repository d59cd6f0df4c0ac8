/** English for the reminders (see features/policies/i18n-en.ts for how features add words). */
import { EN } from '@/lib/i18n-en';

const WORDS: Record<string, string> = {
  消息提醒: 'Reminders',
  全部已读: 'Mark all read',
  全部标为已读: 'Mark all read',
  查看全部: 'See all',
  暂无消息: 'No reminders',
  消息暂不可用: 'Reminders are not available',
  全部: 'All',
  未读: 'Unread',
  '未读（{n}）': 'Unread ({n})',
  资格变化: 'Eligibility changed',
  岗位到期: 'Post ending',
  转介待办: 'Referral to act on',
  措施反馈: 'Measure answered',
  措施逾期: 'Measure overdue',
  大病快速通道: 'Serious-illness fast channel',
  诉求超时: 'Appeal overdue',
  信息变更: 'Fact changed',
};

for (const [zh, en] of Object.entries(WORDS)) if (!(zh in EN)) EN[zh] = en;

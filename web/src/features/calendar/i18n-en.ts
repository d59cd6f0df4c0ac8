/** English for the working calendar page. */
import { addEnglish } from '@/features/policies/i18n-en';

addEnglish({
  工作日历: 'Working calendar',
  '法定节假日和调休上班日来自官方日历；管理员可以调整某一天（如尚未公布的年份、地方性假日），调整优先。诉求办理时限按此日历计算。':
    'Public holidays and swapped working days come from the official calendar; an administrator can correct a day (a year not yet published, a local holiday), and the correction wins. Appeals\' time limits count on this calendar.',
  调整某天: 'Correct a day',
  时限试算: 'Try a time limit',
  开始时间: 'Start',
  时限: 'Limit',
  单位: 'Unit',
  工作日: 'Working days',
  小时: 'Hours',
  计算到期时间: 'Compute the due time',
  到期时间: 'Due',
  '规则：只在工作日计时（全天 24 小时）；按工作日计的时限从次日 0 时起算，到第 N 个工作日 24 时到期；按小时计的时限立即起算；暂停期间不计时。':
    'Rules: the clock runs on working days only (all 24 hours); a limit in working days counts from 00:00 the next day and runs out at 24:00 of the Nth working day; a limit in hours counts at once; pauses stop the clock.',
  安排: 'Day',
  上班: 'Working',
  休息: 'Off',
  来源: 'Source',
  官方日历: 'Official calendar',
  管理员调整: 'Corrected',
  撤销调整: 'Undo',
  请填写说明: 'Say what the day is',
  '如：春节、调休上班': 'e.g. Spring Festival, swapped working day',
  周日: 'Sun', 周一: 'Mon', 周二: 'Tue', 周三: 'Wed', 周四: 'Thu', 周五: 'Fri', 周六: 'Sat',
});

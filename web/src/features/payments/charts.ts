/** The payment pages' charts: amounts by policy as bars, by funding source as a pie (yuan on screen, fen in data). */
import type { EChartOption } from '@/components/EChart';
import type { Translate } from '@/lib/i18n';

const yuan = (fen: number) => Math.round(fen) / 100;
const money = (value: number) => `¥${value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function amountBars(items: { name: string; amountFen: number }[], t: Translate): EChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => money(v) },
    grid: { left: 72, right: 16, top: 24, bottom: 64 },
    xAxis: { type: 'category', data: items.map((i) => i.name), axisLabel: { interval: 0, rotate: items.length > 3 ? 30 : 0 } },
    yAxis: { type: 'value', name: t('元') },
    series: [{ name: t('金额'), type: 'bar', barMaxWidth: 40, itemStyle: { color: '#1d5bbf' }, data: items.map((i) => yuan(i.amountFen)) }],
  };
}

export function sourcePie(items: { source: string; amountFen: number }[]): EChartOption {
  return {
    tooltip: { trigger: 'item', valueFormatter: (v: number) => money(v) },
    legend: { bottom: 0, type: 'scroll' },
    series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], data: items.map((i) => ({ name: i.source, value: yuan(i.amountFen) })), label: { formatter: '{b}\n{d}%' } }],
  };
}

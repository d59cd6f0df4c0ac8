/**
 * The dashboard's charts: bars by category and by area, a line by day, a pie of the satisfaction
 * calls and a gauge of the on-time rate. The shared EChart component registers bars and pies;
 * the line and the gauge are registered here, for this page.
 */
import * as echarts from 'echarts/core';
import { GaugeChart, LineChart } from 'echarts/charts';
import type { EChartOption } from '@/components/EChart';
import type { Translate } from '@/lib/i18n';
import type { AppealDashboard, AppealDashboardCount } from './appeal-dashboard.api';

echarts.use([LineChart, GaugeChart]);

const BLUE = '#1d5bbf';

export function countBars(items: AppealDashboardCount[], name: string, t: Translate): EChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 24, bottom: 64 },
    xAxis: { type: 'category', data: items.map((i) => t(i.name)), axisTick: { alignWithLabel: true }, axisLabel: { interval: 0, rotate: items.length > 5 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name, type: 'bar', barMaxWidth: 40, data: items.map((i) => i.count), itemStyle: { color: BLUE, borderRadius: [4, 4, 0, 0] }, label: { show: items.length <= 12, position: 'top' } }],
  };
}

export function dayLine(data: AppealDashboard, t: Translate): EChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', boundaryGap: false, data: data.byDay.map((d) => d.day.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: t('受理量'), type: 'line', smooth: true, symbolSize: 6, data: data.byDay.map((d) => d.received), itemStyle: { color: BLUE }, areaStyle: { opacity: 0.08 } }],
  };
}

export function satisfactionPie(data: AppealDashboard, t: Translate): EChartOption {
  const { satisfied, unsatisfied, unreachable } = data.satisfaction;
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{
      type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], label: { formatter: '{b}\n{c}（{d}%）' },
      data: [
        { name: t('满意'), value: satisfied, itemStyle: { color: '#389e0d' } },
        { name: t('不满意'), value: unsatisfied, itemStyle: { color: '#cf1322' } },
        { name: t('未接通'), value: unreachable, itemStyle: { color: '#8c8c8c' } },
      ],
    }],
  };
}

export function onTimeGauge(data: AppealDashboard, t: Translate): EChartOption {
  const rate = data.onTime.rate === null ? 0 : Math.round(data.onTime.rate * 1000) / 10;
  return {
    series: [{
      type: 'gauge', min: 0, max: 100, radius: '90%', center: ['50%', '58%'], startAngle: 200, endAngle: -20, progress: { show: true, width: 14 },
      axisLine: { lineStyle: { width: 14 } }, axisTick: { show: false }, splitLine: { length: 8 }, axisLabel: { distance: 18 }, pointer: { show: false },
      title: { offsetCenter: [0, '30%'], fontSize: 14 }, detail: { valueAnimation: false, offsetCenter: [0, '-5%'], fontSize: 28, formatter: data.onTime.rate === null ? '—' : '{value}%' },
      itemStyle: { color: rate >= 90 ? '#389e0d' : rate >= 75 ? '#d48806' : '#cf1322' },
      data: [{ value: rate, name: t('按时答复率') }],
    }],
  };
}

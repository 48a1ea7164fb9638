import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChannelFigures } from '../../api/tracking';
import { CHANNEL_LOOK, CHANNEL_ORDER } from './channels';

// Only the parts drawn here: the whole of ECharts would triple the dashboard's script.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** Visits (stacked bars) and leads (lines) per channel and day. Default export: loaded with React.lazy, apart from the rest of the dashboard. */
export default function ChannelChart({ data, measure }: { data: ChannelFigures; measure: 'visits' | 'leads' }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    const days = daysOf(data.from, data.to);
    const present = CHANNEL_ORDER.filter((channel) => data.by_day.some((d) => d.channel === channel && d[measure] > 0));
    chart.setOption({
      animation: false,
      grid: { left: 40, right: 16, top: 40, bottom: 28 },
      legend: { top: 0, icon: 'circle', itemWidth: 8, itemHeight: 8, textStyle: { fontSize: 12 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: days, axisLabel: { formatter: (day: string) => day.slice(5) } },
      yAxis: { type: 'value', minInterval: 1 },
      series: present.map((channel) => ({
        name: CHANNEL_LOOK[channel].label,
        type: measure === 'visits' ? 'bar' : 'line',
        stack: measure === 'visits' ? 'visits' : undefined,
        itemStyle: { color: CHANNEL_LOOK[channel].color },
        data: days.map((day) => data.by_day.find((d) => d.day === day && d.channel === channel)?.[measure] ?? 0),
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [data, measure]);
  return <div ref={element} style={{ height: 280, width: '100%' }} role="img" aria-label={`${measure === 'visits' ? 'Visits' : 'Leads'} by channel and day`} />;
}

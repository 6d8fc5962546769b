import {
  Bar,
  type BarShapeProps,
  CartesianGrid,
  type DotItemDotProps,
  LabelList,
  Line,
  BarChart as RBarChart,
  LineChart as RLineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Figure } from '../api/contract.ts';
import type { ChartProps, Series } from './chart-types.ts';
import { formatFigure } from './format.ts';

/**
 * The drawing of the figures charts through Recharts, loaded lazily by Charts.tsx so that the chart
 * library only reaches users who open figures. The figure, title, legend and table stay in Charts.tsx.
 */

export const TONES: Record<Series['tone'], string> = { a: '#1f5f99', b: '#6fa8dc', c: '#b45309' };
const AXIS_TEXT = { fontSize: 11, fill: '#475467' };
const GRID = '#e4e7ec';
const HEIGHT = 240;

/**
 * One row per label; `v<j>` is what series j draws, `raw<j>` what it says. A suppressed value is a gap in
 * a line (null) and a bar of height 0 that still carries its label.
 */
type Row = Record<string, string | number | null>;

function rows({ labels, series }: ChartProps, gap: null | 0): Row[] {
  return labels.map((label, i) => {
    const row: Row = { label };
    series.forEach((s, j) => {
      const v = s.values[i] ?? null;
      row[`v${j}`] = typeof v === 'number' ? v : gap;
      row[`raw${j}`] = v;
    });
    return row;
  });
}

function formatters(props: ChartProps) {
  const kind = props.kind ?? 'number';
  return {
    tick: (v: number) => formatFigure(v, kind, props.locale),
    /** the tooltip says what the table says: "< 5" or "verborgen" rather than nothing */
    tooltip: (_v: unknown, name: unknown, item: { payload?: Row; dataKey?: unknown }) => {
      const j = String(item.dataKey ?? '').slice(1);
      const raw = (item.payload?.[`raw${j}`] ?? null) as Figure;
      return [formatFigure(raw, kind, props.locale), String(name)] as [string, string];
    },
    label: (raw: unknown) => formatFigure((raw ?? null) as Figure, kind, props.locale),
  };
}

const short = (max: number) => (l: string) => (l.length > max ? `${l.slice(0, max - 1)}…` : l);

function BarShape(props: BarShapeProps & { dataKey?: unknown }) {
  const { x, y, width, height, fill, payload, index } = props;
  const j = String(props.dataKey ?? '').slice(1);
  return (
    <rect
      key={index}
      x={x}
      y={y}
      width={Math.max(0, width ?? 0)}
      height={Math.max(0, height ?? 0)}
      fill={fill}
      className="chart__bar"
      data-value={String(payload?.[`raw${j}`] ?? null)}
    />
  );
}

function LineDot({ cx, cy, value, index, stroke }: DotItemDotProps) {
  if (typeof value !== 'number' || cx == null || cy == null) return <g key={index} />;
  return <circle key={index} cx={cx} cy={cy} r={3} fill={stroke} className="chart__dot" data-value={value} />;
}

/** A line over ordered labels (months, years); a suppressed point breaks the line. */
export function LinePlot(props: ChartProps) {
  const f = formatters(props);
  return (
    <RLineChart
      data={rows(props, null)}
      height={HEIGHT}
      style={{ width: '100%' }}
      responsive
      accessibilityLayer={false}
      margin={{ top: 16, right: 16, bottom: 8, left: 0 }}
    >
      <CartesianGrid vertical={false} stroke={GRID} />
      <XAxis dataKey="label" tick={AXIS_TEXT} interval="preserveStartEnd" minTickGap={8} tickLine={false} />
      <YAxis tick={AXIS_TEXT} tickFormatter={f.tick} tickCount={3} width={56} axisLine={false} />
      <Tooltip formatter={f.tooltip} isAnimationActive={false} />
      {props.series.map((s, j) => (
        <Line
          key={s.name}
          dataKey={`v${j}`}
          name={s.name}
          stroke={TONES[s.tone]}
          strokeWidth={2.5}
          dot={LineDot}
          connectNulls={false}
          isAnimationActive={false}
        />
      ))}
    </RLineChart>
  );
}

/** Grouped bars, vertical or (for long category names) horizontal; a suppressed value draws no bar but "< 5". */
export function BarPlot(props: ChartProps & { horizontal?: boolean }) {
  const f = formatters(props);
  const data = rows(props, 0);
  const horizontal = props.horizontal === true;
  const rowH = 26 * Math.max(1, props.series.length * 0.75);
  const height = horizontal ? 8 + rowH * props.labels.length + 32 : HEIGHT;
  return (
    <RBarChart
      data={data}
      height={height}
      style={{ width: '100%' }}
      responsive
      layout={horizontal ? 'vertical' : 'horizontal'}
      accessibilityLayer={false}
      barCategoryGap="20%"
      margin={{ top: 16, right: horizontal ? 56 : 16, bottom: 8, left: 0 }}
    >
      <CartesianGrid vertical={horizontal} horizontal={!horizontal} stroke={GRID} />
      {horizontal ? (
        <>
          <XAxis type="number" tick={AXIS_TEXT} tickFormatter={f.tick} tickCount={3} />
          <YAxis
            type="category"
            dataKey="label"
            tick={AXIS_TEXT}
            tickFormatter={short(26)}
            width={148}
            interval={0}
          />
        </>
      ) : (
        <>
          <XAxis dataKey="label" tick={AXIS_TEXT} tickFormatter={short(16)} interval={0} tickLine={false} />
          <YAxis tick={AXIS_TEXT} tickFormatter={f.tick} tickCount={3} width={56} axisLine={false} />
        </>
      )}
      <Tooltip formatter={f.tooltip} isAnimationActive={false} cursor={{ fill: '#f2f4f7' }} />
      {props.series.map((s, j) => (
        <Bar
          key={s.name}
          dataKey={`v${j}`}
          name={s.name}
          fill={TONES[s.tone]}
          maxBarSize={48}
          shape={(p: BarShapeProps) => <BarShape {...p} dataKey={`v${j}`} />}
          isAnimationActive={false}
        >
          <LabelList
            dataKey={`raw${j}`}
            position={horizontal ? 'right' : 'top'}
            formatter={f.label}
            style={AXIS_TEXT}
          />
        </Bar>
      ))}
    </RBarChart>
  );
}

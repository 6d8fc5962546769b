import { useId } from 'react';
import { type FigureKind, formatFigure, plotted } from './format.ts';
import type { Figure } from './types.ts';

export interface Series {
  name: string;
  values: Figure[];
  /** CSS class for the colour */
  tone: 'a' | 'b' | 'c';
}

interface ChartProps {
  title: string;
  labels: string[];
  series: Series[];
  kind?: FigureKind;
  locale: string;
  /** caption of the table alternative */
  tableLabel: string;
}

const W = 640;
const H = 240;
const PAD = { top: 16, right: 12, bottom: 40, left: 48 };

function scale(max: number) {
  const top = max <= 0 ? 1 : niceCeil(max);
  return { top, y: (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / top) };
}

function niceCeil(v: number) {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function summary(props: ChartProps) {
  return `${props.title}: ${props.series
    .map(
      (s) =>
        `${s.name} ${props.labels.map((l, i) => `${l} ${formatFigure(s.values[i] ?? null, props.kind ?? 'number', props.locale)}`).join(', ')}`,
    )
    .join('; ')}`;
}

function Axis({ top, kind, locale }: { top: number; kind: FigureKind; locale: string }) {
  const ticks = [0, top / 2, top];
  const { y } = scale(top);
  return (
    <g className="chart__axis">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="chart__grid" />
          <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end">
            {formatFigure(t, kind, locale)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** The figures behind a chart as a table (for screen readers, and for anyone who wants the numbers). */
function DataTable({ labels, series, kind = 'number', locale, tableLabel }: ChartProps) {
  return (
    <details className="chart__data">
      <summary>{tableLabel}</summary>
      <table className="table table--compact">
        <thead>
          <tr>
            <td />
            {series.map((s) => (
              <th key={s.name} scope="col" className="num">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((l, i) => (
            <tr key={l}>
              <th scope="row">{l}</th>
              {series.map((s) => (
                <td key={s.name} className="num">
                  {formatFigure(s.values[i] ?? null, kind, locale)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function Legend({ series }: { series: Series[] }) {
  if (series.length < 2) return null;
  return (
    <ul className="chart__legend" aria-hidden="true">
      {series.map((s) => (
        <li key={s.name}>
          <span className={`chart__swatch chart__tone-${s.tone}`} />
          {s.name}
        </li>
      ))}
    </ul>
  );
}

/** A line chart over ordered labels (months, years). Suppressed points break the line. */
export function LineChart(props: ChartProps) {
  const titleId = useId();
  const kind = props.kind ?? 'number';
  const { top, y } = scale(Math.max(0, ...props.series.flatMap((s) => s.values.map(plotted))));
  const n = props.labels.length;
  const x = (i: number) => PAD.left + (n <= 1 ? 0 : ((W - PAD.left - PAD.right) * i) / (n - 1));
  const every = Math.max(1, Math.ceil(n / 12));
  return (
    <figure className="chart">
      <figcaption id={titleId} className="chart__title">
        {props.title}
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={titleId}
        aria-label={summary(props)}
        data-chart="line"
      >
        <Axis top={top} kind={kind} locale={props.locale} />
        {props.series.map((s) => {
          const segments: string[][] = [[]];
          s.values.forEach((v, i) => {
            if (typeof v === 'number') segments[segments.length - 1]!.push(`${x(i)},${y(v)}`);
            else segments.push([]);
          });
          return (
            <g key={s.name} className={`chart__tone-${s.tone}`}>
              {segments
                .filter((seg) => seg.length > 0)
                .map((seg) => (
                  <polyline key={seg[0]} points={seg.join(' ')} className="chart__line" />
                ))}
              {s.values.map((v, i) =>
                typeof v === 'number' ? (
                  <circle
                    key={props.labels[i]}
                    cx={x(i)}
                    cy={y(v)}
                    r={3}
                    className="chart__dot"
                    data-value={v}
                  />
                ) : null,
              )}
            </g>
          );
        })}
        {props.labels.map((l, i) =>
          i % every === 0 ? (
            <text key={l} x={x(i)} y={H - PAD.bottom + 16} textAnchor="middle" className="chart__label">
              {l}
            </text>
          ) : null,
        )}
      </svg>
      <Legend series={props.series} />
      <DataTable {...props} />
    </figure>
  );
}

/** A grouped bar chart. A suppressed value draws no bar but its label "< 5". */
export function BarChart(props: ChartProps) {
  const titleId = useId();
  const kind = props.kind ?? 'number';
  const { top, y } = scale(Math.max(0, ...props.series.flatMap((s) => s.values.map(plotted))));
  const n = props.labels.length;
  const slot = (W - PAD.left - PAD.right) / Math.max(1, n);
  const barW = Math.min(48, (slot * 0.8) / props.series.length);
  const base = y(0);
  return (
    <figure className="chart">
      <figcaption id={titleId} className="chart__title">
        {props.title}
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={titleId}
        aria-label={summary(props)}
        data-chart="bar"
      >
        <Axis top={top} kind={kind} locale={props.locale} />
        {props.labels.map((l, i) => {
          const groupX = PAD.left + slot * i + (slot - barW * props.series.length) / 2;
          return (
            <g key={l}>
              {props.series.map((s, j) => {
                const v = s.values[i] ?? null;
                const h = base - y(plotted(v));
                const bx = groupX + j * barW;
                return (
                  <g key={s.name} className={`chart__tone-${s.tone}`}>
                    <rect
                      x={bx + 1}
                      y={base - h}
                      width={barW - 2}
                      height={h}
                      className="chart__bar"
                      data-value={String(v)}
                    />
                    <text x={bx + barW / 2} y={base - h - 4} textAnchor="middle" className="chart__value">
                      {formatFigure(v, kind, props.locale)}
                    </text>
                  </g>
                );
              })}
              <text
                x={PAD.left + slot * i + slot / 2}
                y={H - PAD.bottom + 16}
                textAnchor="middle"
                className="chart__label"
              >
                {l.length > 16 ? `${l.slice(0, 15)}…` : l}
              </text>
            </g>
          );
        })}
      </svg>
      <Legend series={props.series} />
      <DataTable {...props} />
    </figure>
  );
}

/** narrower than the other charts, so that its text is drawn larger in the same box */
const HW = 480;
const ROW = 26;
const LABEL_W = 140;
const HPAD = { top: 8, right: 56, bottom: 24 };

/**
 * A horizontal bar chart for categories with long names (outcomes): one row per label, the label in full
 * on the left, so that eight or more categories never overlap. A suppressed value draws no bar but "< 5".
 */
export function HorizontalBarChart(props: ChartProps) {
  const titleId = useId();
  const kind = props.kind ?? 'number';
  const max = Math.max(0, ...props.series.flatMap((s) => s.values.map(plotted)));
  const top = max <= 0 ? 1 : niceCeil(max);
  const rowH = ROW * Math.max(1, props.series.length * 0.75);
  const height = HPAD.top + rowH * props.labels.length + HPAD.bottom;
  const x = (v: number) => LABEL_W + ((HW - LABEL_W - HPAD.right) * v) / top;
  const barH = Math.min(18, (rowH - 6) / props.series.length);
  return (
    <figure className="chart">
      <figcaption id={titleId} className="chart__title">
        {props.title}
      </figcaption>
      <svg
        viewBox={`0 0 ${HW} ${height}`}
        role="img"
        aria-labelledby={titleId}
        aria-label={summary(props)}
        data-chart="bar"
        data-orientation="horizontal"
      >
        <g className="chart__axis">
          {[0, top / 2, top].map((t) => (
            <g key={t}>
              <line x1={x(t)} x2={x(t)} y1={HPAD.top} y2={height - HPAD.bottom} className="chart__grid" />
              <text x={x(t)} y={height - HPAD.bottom + 16} textAnchor="middle">
                {formatFigure(t, kind, props.locale)}
              </text>
            </g>
          ))}
        </g>
        {props.labels.map((l, i) => {
          const rowY = HPAD.top + rowH * i;
          const groupY = rowY + (rowH - barH * props.series.length) / 2;
          return (
            <g key={l}>
              <text x={LABEL_W - 8} y={rowY + rowH / 2 + 4} textAnchor="end" className="chart__label">
                {l.length > 26 ? `${l.slice(0, 25)}…` : l}
              </text>
              {props.series.map((s, j) => {
                const v = s.values[i] ?? null;
                const by = groupY + j * barH;
                const w = x(plotted(v)) - LABEL_W;
                return (
                  <g key={s.name} className={`chart__tone-${s.tone}`}>
                    <rect
                      x={LABEL_W}
                      y={by + 1}
                      width={w}
                      height={barH - 2}
                      className="chart__bar"
                      data-value={String(v)}
                    />
                    <text x={LABEL_W + w + 4} y={by + barH / 2 + 4} className="chart__value">
                      {formatFigure(v, kind, props.locale)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <Legend series={props.series} />
      <DataTable {...props} />
    </figure>
  );
}

import { lazy, type ReactNode, Suspense, useId } from 'react';
import type { ChartProps, Series } from './chart-types.ts';
import { formatFigure } from './format.ts';

// Recharts draws the plots; it loads with the first chart, so other pages do not carry it
const LinePlot = lazy(() => import('./ChartPlots.tsx').then((m) => ({ default: m.LinePlot })));
const BarPlot = lazy(() => import('./ChartPlots.tsx').then((m) => ({ default: m.BarPlot })));

function summary(props: ChartProps) {
  return `${props.title}: ${props.series
    .map(
      (s) =>
        `${s.name} ${props.labels.map((l, i) => `${l} ${formatFigure(s.values[i] ?? null, props.kind ?? 'number', props.locale)}`).join(', ')}`,
    )
    .join('; ')}`;
}

/** The figures behind a chart as a table (for screen readers, and for anyone who wants the numbers). */
function DataTable({ labels, series, kind = 'number', locale, tableLabel }: ChartProps) {
  return (
    <details className="chart__data">
      <summary>{tableLabel}</summary>
      <table className="utrecht-table table--compact">
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
    <ul className="plain-list chart__legend" aria-hidden="true">
      {series.map((s) => (
        <li key={s.name}>
          <span className={`chart__swatch chart__tone-${s.tone}`} />
          {s.name}
        </li>
      ))}
    </ul>
  );
}

/**
 * The frame every chart shares: title, the plot as one image whose name is the title and whose
 * description lists every figure, the legend and the table alternative.
 */
function ChartFrame({
  props,
  chart,
  orientation,
  height,
  children,
}: {
  props: ChartProps;
  chart: 'line' | 'bar';
  orientation?: 'horizontal';
  height: number;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <figure className="panel chart">
      <figcaption id={titleId} className="chart__title">
        {props.title}
      </figcaption>
      <div
        className="chart__plot"
        role="img"
        aria-labelledby={titleId}
        aria-label={summary(props)}
        data-chart={chart}
        data-orientation={orientation}
        style={{ minHeight: height }}
      >
        <Suspense fallback={null}>{children}</Suspense>
      </div>
      <Legend series={props.series} />
      <DataTable {...props} />
    </figure>
  );
}

/** A line chart over ordered labels (months, years). Suppressed points break the line. */
export function LineChart(props: ChartProps) {
  return (
    <ChartFrame props={props} chart="line" height={240}>
      <LinePlot {...props} />
    </ChartFrame>
  );
}

/** A grouped bar chart. A suppressed value draws no bar but its label "< 5". */
export function BarChart(props: ChartProps) {
  return (
    <ChartFrame props={props} chart="bar" height={240}>
      <BarPlot {...props} />
    </ChartFrame>
  );
}

/**
 * A horizontal bar chart for categories with long names (outcomes): one row per label, the label in full
 * on the left, so that eight or more categories never overlap. A suppressed value draws no bar but "< 5".
 */
export function HorizontalBarChart(props: ChartProps) {
  const height = 40 + 26 * Math.max(1, props.series.length * 0.75) * props.labels.length;
  return (
    <ChartFrame props={props} chart="bar" orientation="horizontal" height={height}>
      <BarPlot {...props} horizontal />
    </ChartFrame>
  );
}

import type { Figure } from '../api/contract.ts';
import type { FigureKind } from './format.ts';

export interface Series {
  name: string;
  values: Figure[];
  /** the colour of the series */
  tone: 'a' | 'b' | 'c';
}

export interface ChartProps {
  title: string;
  labels: string[];
  series: Series[];
  kind?: FigureKind;
  locale: string;
  /** caption of the table alternative */
  tableLabel: string;
}

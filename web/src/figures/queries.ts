// The figures pages' server state: query keys (one place) and reads.
import { useQuery } from '@tanstack/react-query';
import { type ApiError, call, typed } from '../api/client.ts';
import {
  type Dashboard,
  DRILL_FIGURES,
  type DrillDown,
  type DrillFigure,
  TARGET_GROUPS,
  type TargetGroup,
} from '../api/contract.ts';

/** A figures question as the URL holds it: every part optional, empty text meaning "the default". */
export interface FigureFilters {
  from?: string;
  to?: string;
  targetGroup?: string;
  organisationId?: string;
}

interface FigureQuery {
  from?: string;
  to?: string;
  targetGroup?: TargetGroup;
  organisationId?: string;
}

/** The question as the API takes it: empty parts left out, a target group only when it is one. */
export function figureQuery(filters: FigureFilters): FigureQuery {
  const out: FigureQuery = {};
  if (filters.from) out.from = filters.from;
  if (filters.to) out.to = filters.to;
  const group = TARGET_GROUPS.find((g) => g === filters.targetGroup);
  if (group) out.targetGroup = group;
  if (filters.organisationId) out.organisationId = filters.organisationId;
  return out;
}

export const figureKeys = {
  dashboard: (query: FigureQuery) => ['figures', 'dashboard', query] as const,
  cases: (query: FigureQuery & { figure?: DrillFigure }) => ['figures', 'cases', query] as const,
};

export function useDashboard(filters: FigureFilters) {
  const query = figureQuery(filters);
  return useQuery<Dashboard, ApiError>({
    queryKey: figureKeys.dashboard(query),
    queryFn: ({ signal }) => call(typed.GET('/api/v1/figures/dashboard', { params: { query }, signal })),
  });
}

export function useDrillDown(filters: FigureFilters & { figure?: string }) {
  const query = { ...figureQuery(filters), figure: DRILL_FIGURES.find((f) => f === filters.figure) };
  return useQuery<DrillDown, ApiError>({
    queryKey: figureKeys.cases(query),
    queryFn: ({ signal }) => call(typed.GET('/api/v1/figures/cases', { params: { query }, signal })),
  });
}

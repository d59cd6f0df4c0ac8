/**
 * The dashboard's figures, counted with the existing list endpoints (pageSize=1 → total),
 * so every number is the same query a user can open as a list.
 */
import { api, type Query } from '@/lib/api';

interface Counted {
  total: number;
  totalCapped: boolean;
}

export interface Count {
  value: number;
  capped: boolean;
}

const count = async (path: string, query: Query, signal?: AbortSignal): Promise<Count> => {
  const page = await api.get<Counted>(path, { ...query, pageSize: 1 }, signal);
  return { value: page.total, capped: page.totalCapped };
};

export const CITIES = [
  { code: '640100', name: '银川市' },
  { code: '640200', name: '石嘴山市' },
  { code: '640300', name: '吴忠市' },
  { code: '640400', name: '固原市' },
  { code: '640500', name: '中卫市' },
];

export const STATUSES = [
  { key: 'dibao', name: '低保' },
  { key: 'tekun', name: '特困' },
  { key: 'dibao_edge', name: '低保边缘' },
] as const;

export interface DashboardFigures {
  households: Count;
  persons: Count;
  statuses: Record<(typeof STATUSES)[number]['key'], Count>;
  byCity: { code: string; name: string; count: Count }[];
}

export async function loadDashboard(signal: AbortSignal): Promise<DashboardFigures> {
  const [households, persons, ...rest] = await Promise.all([
    count('/api/households', {}, signal),
    count('/api/persons', {}, signal),
    ...STATUSES.map((s) => count('/api/households', { assistanceStatus: s.key }, signal)),
    ...CITIES.map((c) => count('/api/households', { regionCode: c.code }, signal)),
  ]);
  const statusCounts = rest.slice(0, STATUSES.length);
  const cityCounts = rest.slice(STATUSES.length);
  return {
    households,
    persons,
    statuses: Object.fromEntries(STATUSES.map((s, i) => [s.key, statusCounts[i]])) as DashboardFigures['statuses'],
    byCity: CITIES.map((c, i) => ({ ...c, count: cityCounts[i] })),
  };
}

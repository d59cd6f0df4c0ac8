/** Organisations (the bodies that take part) as a flat list from the server and as a tree for pickers. */
import { api } from './api';

export interface Organisation {
  id: number;
  parentId: number | null;
  name: string;
  type: string;
  regionCode: string;
  regionName: string;
  path: string;
}

export interface OrganisationNode extends Organisation {
  children?: OrganisationNode[];
}

export const listOrganisations = () => api.get<Organisation[]>('/api/organisations');

/** The list comes in path order; parents may still be missing when a list is partial, so orphans become roots. */
export function organisationTree(list: Organisation[]): OrganisationNode[] {
  const nodes = new Map<number, OrganisationNode>(list.map((o) => [o.id, { ...o }]));
  const roots: OrganisationNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId !== null ? nodes.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

export const ORGANISATION_TYPES: Record<string, string> = {
  trade_union: '工会',
  womens_federation: '妇联',
  disabled_federation: '残联',
  civil_affairs: '民政',
  hr_social_security: '人社',
  education: '教育',
  medical_insurance: '医保',
  health: '卫健',
  hospital: '医院',
  insurer: '保险机构',
  enterprise: '企业',
  charity: '慈善组织',
  community: '社区',
  grid: '网格',
  government: '政府部门',
  other: '其他',
};

let cache: Promise<Organisation[]> | null = null;

/** The organisation list changes rarely; pickers share one request until something is created. */
export function cachedOrganisations(): Promise<Organisation[]> {
  cache ??= listOrganisations().catch((error) => {
    cache = null;
    throw error;
  });
  return cache;
}

export function forgetOrganisations(): void {
  cache = null;
}

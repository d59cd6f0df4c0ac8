/** The registry API as the web app uses it: households, persons, members, facts, reveal. */
import { api, type Query } from '@/lib/api';
import type { FilterValues, ListQuery, Page } from '@/components/SearchList';
import type { FactKind, Relationship } from './labels';
import type { FactView as Fact, HouseholdSummary, PersonView as Person } from '@contracts/registry';

export type { HouseholdSummary, PersonView as Person, FactView as Fact } from '@contracts/registry';

export interface HistoryEntry {
  id: number;
  at: string;
  actorName: string;
  action: string;
  reason: string | null;
}

export interface HouseholdPageData {
  household: HouseholdSummary;
  members: Person[];
  facts: Fact[];
  history: HistoryEntry[];
}

export interface PersonInput {
  name: string;
  idNumber: string;
  phone?: string | null;
  address?: string | null;
  regionCode: string;
}

export interface NewHousehold {
  address?: string | null;
  regionCode: string;
  orgId?: number;
  members: { relationship: Relationship; person: PersonInput }[];
}

export interface NewFact {
  kind: FactKind;
  value: Record<string, unknown>;
  source: string;
  validFrom: string;
  validTo?: string | null;
}

export type RevealField = 'idNumber' | 'phone' | 'health';
export interface Revealed {
  idNumber?: string;
  phone?: string | null;
  healthFacts?: Fact[];
}

/** The list filters as the API's querystring (shared by the list and its export). */
export function householdFilters(v: FilterValues): Query {
  return { q: v.q, regionCode: v.regionCode, orgId: v.orgId, factKind: v.factKind, assistanceStatus: v.assistanceStatus };
}

export const personFilters = (v: FilterValues): Query => ({ q: v.q, regionCode: v.regionCode, orgId: v.orgId, householdless: v.householdless });

export const searchHouseholds = (query: ListQuery, signal?: AbortSignal) =>
  api.get<Page<HouseholdSummary>>('/api/households', { ...householdFilters(query.values), page: query.page, pageSize: query.pageSize }, signal);
export const searchPersons = (query: ListQuery, signal?: AbortSignal) =>
  api.get<Page<Person>>('/api/persons', { ...personFilters(query.values), page: query.page, pageSize: query.pageSize }, signal);

export const getPerson = (id: number, signal?: AbortSignal) => api.get<Person & { facts: Fact[] }>(`/api/persons/${id}`, undefined, signal);
export const getHousehold = (id: number, signal?: AbortSignal) => api.get<HouseholdPageData>(`/api/households/${id}`, undefined, signal);
export const createHousehold = (body: NewHousehold) => api.post<HouseholdSummary>('/api/households', body);
export const editHousehold = (id: number, body: { address: string | null; regionCode: string }) => api.put<HouseholdSummary>(`/api/households/${id}`, body);
export const addMember = (id: number, relationship: Relationship, person: PersonInput) =>
  api.post<{ personId: number }>(`/api/households/${id}/members`, { relationship, person });
export const removeMember = (id: number, personId: number) => api.delete<{ ok: true }>(`/api/households/${id}/members/${personId}`);
export const recordHouseholdFact = (id: number, fact: NewFact) => api.post<Fact>(`/api/households/${id}/facts`, fact);
export const recordPersonFact = (personId: number, fact: NewFact) => api.post<Fact>(`/api/persons/${personId}/facts`, fact);
export const endFact = (factId: number, validTo: string) => api.post<Fact>(`/api/facts/${factId}/end`, { validTo });
export const revealPerson = (personId: number, fields: RevealField[], reason: string) =>
  api.post<Revealed>(`/api/persons/${personId}/reveal`, { fields, reason });

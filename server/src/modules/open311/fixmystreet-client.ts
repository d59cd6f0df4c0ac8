/**
 * Test support: an Open311 client that behaves like FixMyStreet's perllib/Open311.pm, so the
 * tests talk to us as a real FixMyStreet site would.
 *
 * send_service_request: a form-encoded POST to requests.xml of jurisdiction_id (when set),
 * api_key, description (title, detail and the report's URL — the "extended description" of a
 * site outside the UK), service_code, first_name and last_name (split_name), phone and email when
 * the user has them, lat and long (truncate_coordinate: 6 decimals, trailing zeros dropped),
 * media_url (the photo) and one attribute[name] per extra field (fms_extra_ dropped). The reply is
 * read with XML::Simple's options (ForceArray on the item tags, GroupTags, empty element =
 * undef): service_requests/request[0]/service_request_id, or else the token, resolved through
 * tokens/{token}.xml. get_service_request_updates: GET servicerequestupdates.xml with api_key,
 * start_date and end_date (both or neither), returning the request_update list.
 */
import { XMLParser } from 'fast-xml-parser';

export interface FmsProblem {
  id: number;
  title: string;
  detail: string;
  /** The reporter's name as typed. */
  name: string;
  latitude: number;
  longitude: number;
  user: { email?: string | null; phone?: string | null };
  /** The category's extra fields the reporter filled in (get_extra_fields). */
  extra?: Array<{ name: string; value: string }>;
}

export interface FmsExtra {
  url: string;
  image_url?: string;
}

export type Transport = (request: { method: 'GET' | 'POST'; url: string; body?: string; headers: Record<string, string> }) => Promise<{ status: number; body: string }>;

// Open311.pm's _get_xml_object: these list tags always parse as arrays, and their wrappers vanish.
const GROUP_TAGS: Record<string, string> = {
  services: 'service', attributes: 'attribute', values: 'value', service_requests: 'request', errors: 'error', service_request_updates: 'request_update',
};
const parser = new XMLParser({
  ignoreAttributes: true, ignoreDeclaration: true, parseTagValue: false, trimValues: true,
  isArray: (name) => Object.values(GROUP_TAGS).includes(name),
});

function simplify(node: unknown): unknown {
  if (node === '') return null; // SuppressEmpty => undef
  if (Array.isArray(node)) return node.map(simplify);
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => {
      const item = GROUP_TAGS[k];
      if (item && v && typeof v === 'object' && !Array.isArray(v)) return [k, simplify((v as Record<string, unknown>)[item])];
      return [k, simplify(v)];
    }));
  }
  return node;
}

/** XMLin: the root element's content, as Open311.pm reads it. */
export function xmlObject(xml: string): any {
  try {
    const parsed = parser.parse(xml) as Record<string, unknown>;
    const root = Object.keys(parsed)[0];
    return root === undefined ? undefined : simplify(parsed[root]);
  } catch {
    return undefined;
  }
}

export function truncateCoordinate(value: number): string {
  let out = value.toFixed(6);
  if (out.includes('.')) out = out.replace(/\.?0+$/, '');
  return out;
}

/** split_name: the first word, and the rest after a space (Perl's \w matches Chinese too). */
export function splitName(name: string | null | undefined): [string, string] {
  if (!name) return ['', ''];
  const m = /([\p{L}\p{N}_]+)(?:\.?\s+(.+))?/u.exec(name);
  return [m?.[1] ?? '', m?.[2] ?? ''];
}

export class FixMyStreetOpen311 {
  /** What went wrong with the last call, like Open311.pm's `error` (code: description lines). */
  error = '';

  constructor(readonly options: { endpoint: string; apiKey?: string; jurisdiction?: string; transport: Transport }) {}

  populateServiceRequestParams(problem: FmsProblem, extra: FmsExtra, serviceCode: string): Record<string, string> {
    const [firstName, lastName] = splitName(problem.name);
    const params: Record<string, string> = {
      description: `${problem.title}\n\n${problem.detail}\n\n${extra.url}\n`,
      service_code: serviceCode,
      first_name: firstName,
      last_name: lastName,
    };
    if (problem.user.phone) params.phone = problem.user.phone;
    if (problem.user.email) params.email = problem.user.email;
    params.lat = truncateCoordinate(problem.latitude);
    params.long = truncateCoordinate(problem.longitude);
    if (extra.image_url) params.media_url = extra.image_url;
    for (const attr of problem.extra ?? []) {
      if (attr.name === 'first_name' || attr.name === 'last_name') {
        if (attr.value) params[attr.name] = attr.value;
        if (attr.name === 'first_name') continue;
      }
      params[`attribute[${attr.name.replace(/fms_extra_/, '')}]`] = attr.value;
    }
    return params;
  }

  /** The service_request_id, or 0 when the endpoint did not take the report. */
  async sendServiceRequest(problem: FmsProblem, extra: FmsExtra, serviceCode: string): Promise<string | 0> {
    const response = await this.request('POST', 'requests.xml', this.populateServiceRequestParams(problem, extra, serviceCode));
    if (response === null) return 0;
    const obj = xmlObject(response);
    const requestId = obj?.request?.[0]?.service_request_id;
    if (typeof requestId === 'string' && requestId) return requestId;
    const token = obj?.request?.[0]?.token;
    if (typeof token === 'string' && token) return this.getServiceRequestIdFromToken(token);
    return 0;
  }

  async getServiceRequestIdFromToken(token: string): Promise<string | 0> {
    const response = await this.request('GET', `tokens/${token}.xml`, {});
    const id = response === null ? undefined : xmlObject(response)?.request?.[0]?.service_request_id;
    return typeof id === 'string' && id ? id : 0;
  }

  /** The request_update list (undefined when there is none), or 0 when given only one of the dates. */
  async getServiceRequestUpdates(startDate?: string, endDate?: string): Promise<any[] | undefined | 0> {
    const params: Record<string, string> = { api_key: this.options.apiKey ?? '' };
    if (startDate || endDate) {
      if (!startDate || !endDate) return 0;
      params.start_date = startDate;
      params.end_date = endDate;
    }
    const response = await this.request('GET', 'servicerequestupdates.xml', params);
    return response === null ? undefined : xmlObject(response)?.request_update ?? undefined;
  }

  async getServiceList(): Promise<any> {
    const response = await this.request('GET', 'services.xml', {});
    return response === null ? undefined : xmlObject(response);
  }

  async getServiceMetaInfo(serviceCode: string): Promise<any> {
    const response = await this.request('GET', `services/${serviceCode}.xml`, {});
    return response === null ? undefined : xmlObject(response);
  }

  /** _request: jurisdiction_id on every call, api_key on POSTs; GET in the query, POST as a form. */
  private async request(method: 'GET' | 'POST', path: string, params: Record<string, string>): Promise<string | null> {
    const all = { ...params };
    if (this.options.jurisdiction) all.jurisdiction_id = this.options.jurisdiction;
    if (method === 'POST' && this.options.apiKey) all.api_key = this.options.apiKey;
    const form = new URLSearchParams(all).toString();
    const url = new URL(path, this.options.endpoint);
    const response = method === 'GET'
      ? await this.options.transport({ method, url: `${url.toString()}${form ? `?${form}` : ''}`, headers: {} })
      : await this.options.transport({ method, url: url.toString(), body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    if (response.status >= 200 && response.status < 300) {
      this.error = '';
      return response.body;
    }
    const errors = xmlObject(response.body)?.error ?? [];
    this.error = `request failed: ${response.status}\nerror: ${errors.map((e: any) => `${e?.code ?? '???'}: ${e?.description ?? 'unknown error'}`).join('\n') || 'unknown error'}`;
    return null;
  }
}

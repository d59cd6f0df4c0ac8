/** The pure pieces of Open311: the XML writer, W3C dates, the form parser, the status words and FixMyStreet's helpers. */
import { describe, expect, it } from 'vitest';
import { readOpen311Xml } from './conformance.js';
import { splitName, truncateCoordinate, xmlObject } from './fixmystreet-client.js';
import { parseForm, readParams } from './form-body.js';
import { specStatus, statusNotes } from './status.js';
import { parseW3cDateTime, w3cDateTime } from './time.js';
import { escapeXml, xmlDocument } from './xml.js';

describe('the XML writer', () => {
  it('escapes the five characters, drops what XML 1.0 cannot carry, and reads back to the same shape', () => {
    expect(escapeXml(`A&B <i>"x"</i> 'y'\u0001\u0007ok\n`)).toBe('A&amp;B &lt;i&gt;&quot;x&quot;&lt;/i&gt; &apos;y&apos;ok\n');
    const requests = [{ service_request_id: '1', description: '<script>alert("x")</script> & 更多', lat: null }, { service_request_id: '2', description: '二', lat: 38.5 }];
    const xml = xmlDocument('service_requests', requests);
    expect(xml).toContain('<service_requests><request><service_request_id>1</service_request_id><description>&lt;script&gt;');
    expect(xml).toContain('<lat/>');
    expect(readOpen311Xml(xml)).toEqual({ root: 'service_requests', body: [{ service_request_id: '1', description: requests[0]!.description, lat: null }, { service_request_id: '2', description: '二', lat: '38.5' }] });
    expect(readOpen311Xml(xmlDocument('service_requests', []))).toEqual({ root: 'service_requests', body: [] });
    expect(() => xmlDocument('things', [1])).toThrow(/no XML item name/);
  });

  it('is read by the FixMyStreet client as XML::Simple would: lists forced, groups unwrapped, empty = undef', () => {
    const xml = xmlDocument('service_definition', { service_code: 'noise', attributes: [{ code: 'region_code', datatype_description: null, values: [{ key: '640104', name: '兴庆区' }] }] });
    expect(xmlObject(xml)).toEqual({ service_code: 'noise', attributes: [{ code: 'region_code', datatype_description: null, values: [{ key: '640104', name: '兴庆区' }] }] });
    expect(xmlObject(xmlDocument('service_requests', [{ service_request_id: '7', token: 't' }]))).toEqual({ request: [{ service_request_id: '7', token: 't' }] });
  });
});

describe('W3C date-times', () => {
  it('are written with the zone\'s offset and read with or without one', () => {
    expect(w3cDateTime(new Date('2026-06-01T00:00:00Z'), 'Asia/Shanghai')).toBe('2026-06-01T08:00:00+08:00');
    expect(w3cDateTime(new Date('2026-06-01T00:00:00Z'), 'UTC')).toBe('2026-06-01T00:00:00+00:00');
    expect(w3cDateTime(null, 'Asia/Shanghai')).toBeNull();
    const at = (text: string) => parseW3cDateTime(text, 'Asia/Shanghai')?.toISOString() ?? null;
    expect(at('2026-06-01T08:00:00+08:00')).toBe('2026-06-01T00:00:00.000Z');
    expect(at('2026-06-01T00:00:00Z')).toBe('2026-06-01T00:00:00.000Z');
    expect(at('2026-06-01T08:00:00.123+0800')).toBe('2026-06-01T00:00:00.000Z');
    expect(at('2026-06-01')).toBe('2026-05-31T16:00:00.000Z');
    expect(at('2026-06-01T08:00')).toBe('2026-06-01T00:00:00.000Z');
    for (const bad of ['yesterday', '2026-02-30', '2026-06-01T25:00:00Z', '2026/06/01']) expect(at(bad)).toBeNull();
  });
});

describe('the form parser', () => {
  it('reads attribute[…] apart and keeps the first of repeated names', () => {
    const form = parseForm('api_key=k&service_code=noise&attribute%5Bregion_code%5D=640104&media_url=a&media_url=b&description=%E5%99%AA+%26');
    expect(form).toEqual({ api_key: 'k', service_code: 'noise', media_url: 'a', description: '噪 &', attribute: { region_code: '640104' } });
    expect(readParams(form)).toEqual({ fields: { api_key: 'k', service_code: 'noise', media_url: 'a', description: '噪 &' }, attribute: { region_code: '640104' } });
    expect(readParams({ lat: 38.5, attribute: { region_code: 640104 }, x: { nested: true } })).toEqual({ fields: { lat: '38.5' }, attribute: { region_code: '640104' } });
    expect(readParams({ 'attribute[a]': ['1', '2'], status: ['open', 'closed'] })).toEqual({ fields: { status: 'open' }, attribute: { a: '1' } });
    expect(readParams(undefined)).toEqual({ fields: {}, attribute: {} });
  });
});

describe('status', () => {
  it('is closed once replied, closed or merged; the notes never carry more than the public answer', () => {
    expect(['received', 'dispatched', 'accepted', 'in_progress', 'returned', 'reply_drafted'].map((s) => specStatus(s as never))).toEqual(Array(6).fill('open'));
    expect(['replied', 'closed', 'merged'].map((s) => specStatus(s as never))).toEqual(['closed', 'closed', 'closed']);
    expect(statusNotes({ status: 'dispatched', orgName: '银川市城市管理局', published: false, publicAnswer: null })).toBe('已派至银川市城市管理局办理');
    expect(statusNotes({ status: 'closed', orgName: null, published: true, publicAnswer: '已整改' })).toBe('已整改');
    expect(statusNotes({ status: 'closed', orgName: null, published: false, publicAnswer: '未公开的答复' })).toBe('已办结');
  });
});

describe('FixMyStreet helpers', () => {
  it('split names and truncate coordinates as Open311.pm and Utils.pm do', () => {
    expect(splitName('John Smith Jr')).toEqual(['John', 'Smith Jr']);
    expect(splitName('J. Smith')).toEqual(['J', 'Smith']);
    expect(splitName('王小明')).toEqual(['王小明', '']);
    expect(splitName('')).toEqual(['', '']);
    expect(truncateCoordinate(38.50281234)).toBe('38.502812');
    expect(truncateCoordinate(106.1)).toBe('106.1');
    expect(truncateCoordinate(106)).toBe('106');
  });
});

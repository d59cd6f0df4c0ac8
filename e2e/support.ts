/**
 * What every journey needs: Debian's Chromium, a fresh zh-CN context per test, signing in
 * (through the form or the API), an API client for setting the scene, and a screenshot in
 * .test-output/ when a journey fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, request, type APIRequestContext, type APIResponse, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';

export const DEMO_PASSWORD = 'Huimin-demo-2026';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT = path.join(ROOT, '.test-output');

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const baseUrl = (): string => inject('baseUrl');
export const adminPassword = (): string => inject('adminPassword');

/** One Chromium per spec file, closed after its last test. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('browser not started');
    return browser;
  };
}

export interface PageOptions {
  /** Signed in through the API before the page opens. */
  user?: string;
  password?: string;
  viewport?: { width: number; height: number };
  mobile?: boolean;
}

function fileNameOf(testName: string | undefined): string {
  return (testName ?? 'journey').replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 120);
}

/**
 * Runs `body` with a new page in a new context and closes it afterwards; when `body` throws,
 * a full-page screenshot goes to .test-output/<test name>.png first.
 */
export async function withPage(browser: Browser, options: PageOptions, body: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: options.viewport ?? { width: 1440, height: 900 },
    isMobile: options.mobile,
    hasTouch: options.mobile,
    acceptDownloads: true,
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  // E2E_CONSOLE=1 prints the page's warnings and errors (useful against `npm run dev:web`).
  if (process.env.E2E_CONSOLE === '1') {
    page.on('console', (m) => ['warning', 'error'].includes(m.type()) && console.log(`[browser ${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => console.log(`[browser exception] ${e.message}`));
  }
  try {
    if (options.user) await signInByApi(context, options.user, options.password ?? DEMO_PASSWORD);
    await body(page, context);
  } catch (error) {
    fs.mkdirSync(OUTPUT, { recursive: true });
    const file = path.join(OUTPUT, `${fileNameOf(expect.getState().currentTestName)}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await context.close();
  }
}

/** Signs in with the context's cookie jar, so every page of the context is signed in. */
export async function signInByApi(context: BrowserContext, username: string, password = DEMO_PASSWORD): Promise<void> {
  const response = await context.request.post('/api/auth/sign-in', { data: { username, password } });
  if (!response.ok()) throw new Error(`sign-in of ${username} failed: ${response.status()} ${await response.text()}`);
}

/** Signs in through the sign-in page, as a person would. */
export async function signInThroughForm(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

export interface ApiClient {
  get<T = any>(url: string): Promise<T>;
  post<T = any>(url: string, body?: unknown): Promise<T>;
  put<T = any>(url: string, body?: unknown): Promise<T>;
  dispose(): Promise<void>;
}

/** A signed-in API client with the CSRF token, for setting up what a journey starts from. */
export async function apiAs(username: string, password: string): Promise<ApiClient> {
  const context: APIRequestContext = await request.newContext({ baseURL: baseUrl() });
  const signIn = await context.post('/api/auth/sign-in', { data: { username, password } });
  if (!signIn.ok()) throw new Error(`API sign-in of ${username} failed: ${signIn.status()} ${await signIn.text()}`);
  const me = await (await context.get('/api/auth/me')).json();
  const check = async (response: APIResponse): Promise<any> => {
    if (!response.ok()) throw new Error(`${response.url()} → ${response.status()} ${await response.text()}`);
    return response.json();
  };
  return {
    get: async (url) => check(await context.get(url)),
    post: async (url, body = {}) => check(await context.post(url, { data: body, headers: { 'x-csrf-token': me.csrfToken } })),
    put: async (url, body = {}) => check(await context.put(url, { data: body, headers: { 'x-csrf-token': me.csrfToken } })),
    dispose: () => context.dispose(),
  };
}

/** A valid resident ID number (GB 11643): 6-digit area, birth date YYYYMMDD, 3-digit sequence, check digit. */
export function makeIdNumber(area: string, birth: string, sequence: number): string {
  const body = `${area}${birth}${String(sequence).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

/** The same number with a wrong check digit. */
export function breakCheckDigit(idNumber: string): string {
  const last = idNumber.at(-1) === '0' ? '1' : '0';
  return idNumber.slice(0, 17) + last;
}

/** A sequence number that differs between runs, so journeys never collide on an ID number. */
export function uniqueSequence(): number {
  return 100 + Math.floor(Math.random() * 800);
}

/** Waits until a locator's CSS animations (antd's zoom and slide motions) have finished. */
export async function settled(locator: Locator): Promise<void> {
  await locator.waitFor();
  await locator.evaluate((element) => Promise.all(element.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => undefined))));
}

/** The dialog with this title, once it has finished opening. */
export async function dialog(page: Page, title: string): Promise<Locator> {
  const found = page.getByRole('dialog', { name: title });
  await settled(found);
  return found;
}

/** Picks an option of the open antd Select or TreeSelect dropdown by its text, and waits for the dropdown to close. */
export async function chooseOption(page: Page, text: string | RegExp): Promise<void> {
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await settled(dropdown.first());
  const options = dropdown.locator('.ant-select-item-option, .ant-select-tree-node-content-wrapper');
  const match = typeof text === 'string' ? options.filter({ has: page.getByText(text, { exact: true }) }) : options.filter({ hasText: text });
  await match.first().click();
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
}

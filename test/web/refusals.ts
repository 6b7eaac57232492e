// The refusals every new page must show, checked the same way for each: an anonymous browser is
// sent to the login page (GET) or refused (POST); a signed-in browser's POST without its token,
// with another token, or from another site is refused.

import { expect } from 'vitest';
import { Browser, type WebFixture } from './web-app.js';

export async function expectAnonymousRefused(web: WebFixture, page: string, post: string, fields: Record<string, string>): Promise<void> {
  const browser = new Browser(web.app);
  const get = await browser.get(page);
  expect(get.status).toBe(303);
  expect(get.headers.get('location')).toBe('/inloggen');
  expect((await browser.post(post, { ...fields, _csrf: 'x'.repeat(43) })).status).toBe(403);
}

/** A signed-in browser's POST to `path` without its token, with a wrong one, and cross-site: each 403. */
export async function expectForgedRefused(browser: Browser, path: string, fields: Record<string, string>): Promise<void> {
  expect((await browser.post(path, fields)).status).toBe(403);
  expect((await browser.post(path, { ...fields, _csrf: 'y'.repeat(43) })).status).toBe(403);
  expect((await browser.post(path, { ...fields, _csrf: browser.csrf! }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
}

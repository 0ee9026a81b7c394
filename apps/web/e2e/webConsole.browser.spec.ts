import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startStation, WORKSPACE, type Station } from './support/station';
import { SAMPLE_ROCK, SAMPLE_TRACKS, writeCatalogSample } from './support/catalogSample';

/**
 * The web console in a real browser: Debian's chromium driven by
 * playwright-core (no browser download) against a real edge instance that
 * serves the built app at `/`. The steps build on each other, as a listener's
 * evening would: the admin imports a catalog, a listener joins, chats, likes,
 * skips and watches the profile move, and a second listener connects.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(WORKSPACE, 'docs/screenshots');

let station: Station;
let browser: Browser;
let alex: BrowserContext;
let page: Page;

async function newListenerPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
  const p = await context.newPage();
  p.setDefaultTimeout(15_000);
  return { context, page: p };
}

async function shot(p: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await p.waitForTimeout(700); // let bar and gauge transitions settle
  await p.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
}

async function fillJoinForm(p: Page, name: string, genres: string[], artists: string) {
  await p.goto(`${station.url}/`);
  await p.waitForURL('**/join');
  await p.fill('input[name=name]', name);
  for (const g of genres) await p.click(`[data-testid="genre-${g}"]`);
  await p.fill('input[name=artists]', artists);
  await p.locator('input[name=energy]').fill('0.7');
  await p.locator('input[name=discovery]').fill('0.4');
}

async function barValue(p: Page, testId: string): Promise<number | undefined> {
  const bar = p.locator(`[data-testid="${testId}"]`);
  if ((await bar.count()) === 0) return undefined;
  return Number(await bar.getAttribute('data-value'));
}

async function genreBars(p: Page): Promise<Record<string, number>> {
  return p.$$eval('[data-testid^="genre-bars-"]', (rows) =>
    Object.fromEntries(
      rows.map((r) => [r.getAttribute('data-key') ?? '', Number(r.getAttribute('data-value'))]),
    ),
  );
}

/** Every charted value: genre bars, mood radar points, energy and discovery gauges. */
async function chartValues(p: Page): Promise<Record<string, number>> {
  return p.$$eval(
    '[data-testid^="genre-bars-"], [data-testid^="mood-radar-"], [data-testid$="-gauge"]',
    (nodes) =>
      Object.fromEntries(
        nodes.map((n) => [n.getAttribute('data-testid') ?? '', Number(n.getAttribute('data-value'))]),
      ),
  );
}

beforeAll(async () => {
  station = await startStation();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await station?.close();
});

describe('the web console in chromium', () => {
  it('admin: signs in, sees service health, imports a TidyTuesday CSV with progress, replays with progress', async () => {
    const { page: admin, context } = await newListenerPage();
    await admin.goto(`${station.url}/admin`);
    await admin.fill('[data-testid="admin-token"]', station.adminToken);
    await admin.click('[data-testid="admin-signin"]');
    await admin.locator('[data-testid="health-status"]', { hasText: 'ok' }).waitFor();
    await admin.locator('[data-testid="ready-status"]', { hasText: 'ready' }).waitFor();

    await admin.setInputFiles('[data-testid="catalog-file"]', writeCatalogSample());
    await admin.click('[data-testid="catalog-start"]');
    await admin.locator('[data-testid="import-status"]', { hasText: /^done/ }).waitFor();
    const status = await admin.textContent('[data-testid="import-status"]');
    expect(status).toMatch(new RegExp(`${SAMPLE_TRACKS} accepted · 0 rejected`));
    expect(await admin.getAttribute('[data-testid="import-progress"]', 'data-value')).toBe('1.000');
    const rock = (await (await fetch(`${station.url}/v1/catalog/tracks?genre=rock&limit=100`)).json()) as {
      tracks: unknown[];
    };
    expect(rock.tracks.length).toBe(SAMPLE_ROCK);

    await admin.click('[data-testid="replay-start"]');
    await admin.locator('[data-testid="replay-status"]', { hasText: /^done/ }).waitFor();
    expect(await admin.getAttribute('[data-testid="replay-progress"]', 'data-value')).toBe('1.000');
    await shot(admin, 'web-admin.png');
    await context.close();
  });

  it('join: a name, genres, artists, energy and discovery, a DJ; the token stays in localStorage', async () => {
    ({ context: alex, page } = await newListenerPage());
    await fillJoinForm(page, 'Alex', ['rock', 'pop'], 'Queen, Foo Fighters');
    await page.locator('[data-testid^="dj-"]').first().waitFor();
    const pulse = page.locator('[data-testid="dj-pulse"]');
    if ((await pulse.count()) > 0) await pulse.click();
    await shot(page, 'web-join.png');
    await page.click('[data-testid="join-submit"]');
    await page.waitForURL('**/listen');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('qfzz.listener') ?? 'null'));
    expect(stored).toEqual(
      expect.objectContaining({
        name: 'Alex',
        listenerId: expect.any(String),
        token: expect.stringMatching(/^qfzz1\./),
      }),
    );
    // A reload keeps the listener (the token is in localStorage).
    await page.reload();
    await page.waitForURL('**/listen');
    await page.locator('[data-testid="now-playing"]').waitFor();
  });

  it('now playing comes from the recommender, with the reason for the pick (GET /playlist)', async () => {
    const response = await page.request.get(
      `${station.url}/v1/listeners/${await listenerId(page)}/playlist?size=5`,
      { headers: { authorization: `Bearer ${await listenerToken(page)}` } },
    );
    expect(response.status()).toBe(200);
    await page.locator('[data-testid="now-title"]').waitFor();
    expect((await page.textContent('[data-testid="now-reason"]'))?.trim()).not.toMatch(/^from the catalog/);
  });

  it('chat: "I\'m feeling energetic, play some rock" gets a reply and offered tracks in the conversation', async () => {
    await page.fill('[data-testid="chat-input"]', "I'm feeling energetic, play some rock");
    await page.click('[data-testid="chat-send"]');
    await page.locator('[data-testid="msg-me"]', { hasText: 'energetic' }).waitFor();
    // The reply comes after the message (a failure shows as a system line instead).
    const after = page.locator(
      '[data-testid="msg-me"] ~ [data-testid="msg-dj"], [data-testid="msg-me"] ~ [data-testid="msg-system"]',
    );
    await after.first().waitFor();
    const system = await page
      .locator('[data-testid="msg-me"] ~ [data-testid="msg-system"]')
      .allTextContents();
    expect(system).toEqual([]);
    const offered = page.locator(
      '[data-testid="msg-me"] ~ [data-testid="msg-dj"] [data-testid="offered-track"]',
    );
    expect(await offered.count()).toBeGreaterThan(0);
  });

  it('like a track: the interaction is posted and the genre bar on the profile grows', async () => {
    await page.locator('[data-testid="now-title"]').waitFor();
    await page.click('[data-testid="nav-profile"]');
    await page.locator('[data-testid="genre-bars"]').waitFor();
    const before = await genreBars(page);
    const versionBefore = (await profileVersion(page)) ?? 0;

    await page.click('[data-testid="nav-listen"]');
    const liked = (await page.textContent('[data-testid="now-title"]')) ?? '';
    expect(liked).not.toBe('');
    await page.click('[data-testid="control-like"]');
    await page.locator('[data-testid="control-like"].lit').waitFor();

    await page.click('[data-testid="nav-profile"]');
    await page.waitForFunction(
      (v) =>
        Number(document.querySelector('[data-testid="profile-version"]')?.getAttribute('data-version')) > v,
      versionBefore,
    );
    const after = await genreBars(page);
    const changed = Object.keys({ ...before, ...after }).filter((g) => (before[g] ?? 0) !== (after[g] ?? 0));
    expect(changed.length).toBeGreaterThan(0);
  });

  it('skip a track: the queue moves on and the profile chart changes again', async () => {
    await page.click('[data-testid="nav-listen"]');
    await page.locator('[data-testid="now-title"]').waitFor();
    const skipped = await page.textContent('[data-testid="now-title"]');
    await page.click('[data-testid="nav-profile"]');
    await page.locator('[data-testid="genre-bars"]').waitFor();
    const before = await chartValues(page);
    const versionBefore = (await profileVersion(page)) ?? 0;

    await page.click('[data-testid="nav-listen"]');
    await page.click('[data-testid="control-skip"]');
    await page.waitForFunction(
      (title) => document.querySelector('[data-testid="now-title"]')?.textContent !== title,
      skipped,
    );

    await shot(page, 'web-listen.png');

    await page.click('[data-testid="nav-profile"]');
    await page.waitForFunction(
      (v) =>
        Number(document.querySelector('[data-testid="profile-version"]')?.getAttribute('data-version')) > v,
      versionBefore,
    );
    const after = await chartValues(page);
    const changed = Object.keys({ ...before, ...after }).filter((g) => (before[g] ?? 0) !== (after[g] ?? 0));
    expect(changed.length).toBeGreaterThan(0);
    // The history chart has a line through the snapshots.
    expect(
      Number(await page.getAttribute('[data-testid="taste-history"]', 'data-points')),
    ).toBeGreaterThanOrEqual(2);
    expect(await barValue(page, 'energy-gauge')).toBeGreaterThan(0);
    await shot(page, 'web-profile.png');
  });

  it('community: two listeners connect (request, accept) and one sees what the other is loving', async () => {
    const { context: samContext, page: sam } = await newListenerPage();
    try {
      await fillJoinForm(sam, 'Sam', ['rock'], 'Nirvana');
      await sam.click('[data-testid="join-submit"]');
      await sam.waitForURL('**/listen');
      await sam.click('[data-testid="nav-community"]');
      const samId = (await sam.textContent('[data-testid="my-listener-id"]'))?.trim() ?? '';
      expect(samId).not.toBe('');

      await page.click('[data-testid="nav-community"]');
      await page.fill('[data-testid="friend-id"]', samId);
      await page.click('[data-testid="friend-send"]');
      await page.locator('[data-testid="community-message"]', { hasText: 'Request sent' }).waitFor();

      const alexId = await listenerId(page);
      await sam.locator(`[data-testid="accept-${alexId}"]`).waitFor({ timeout: 15_000 });
      await sam.click(`[data-testid="accept-${alexId}"]`);
      await sam.locator('[data-testid="connection"]').first().waitFor();
      await page.locator('[data-testid="connection"]').first().waitFor({ timeout: 15_000 });

      // Alex liked a track earlier: Sam's community shows it.
      await sam.locator('[data-testid="friends-loving"] li').first().waitFor({ timeout: 15_000 });
      await shot(sam, 'web-community.png');
    } finally {
      await samContext.close();
    }
  });
});

afterAll(async () => {
  await alex?.close().catch(() => undefined);
});

async function listenerId(p: Page): Promise<string> {
  return p.evaluate(
    () => (JSON.parse(localStorage.getItem('qfzz.listener') ?? '{}') as { listenerId: string }).listenerId,
  );
}

async function listenerToken(p: Page): Promise<string> {
  return p.evaluate(
    () => (JSON.parse(localStorage.getItem('qfzz.listener') ?? '{}') as { token: string }).token,
  );
}

async function profileVersion(p: Page): Promise<number | undefined> {
  const v = await p.getAttribute('[data-testid="profile-version"]', 'data-version');
  return v === null ? undefined : Number(v);
}

/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The playground as a person uses it, in headless Chromium (Debian's package, driven by
 * playwright-core): type a script with an error, see Neo4j's diagnostic, fix it, run it, read the
 * SHOW USERS table from the page. Runs against the built static page, served from a local server.
 * CI installs Chromium (.ci/run); without /usr/bin/chromium the test is skipped.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const root = new URL('../..', import.meta.url).pathname;
const artifacts = join(root, 'test/artifacts');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

describe.skipIf(!existsSync(CHROMIUM))('the playground in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let url: string;

  beforeAll(async () => {
    const outDir = join(tmpdir(), `sysdb-playground-${process.pid}`);
    const { build } = await import('vite');
    await build({ configFile: join(root, 'playground/vite.config.ts'), build: { outDir, emptyOutDir: true }, logLevel: 'error' });
    server = createServer((request, response) => {
      const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
      const file = join(outDir, path.endsWith('/') ? `${path}index.html` : path);
      if (!file.startsWith(outDir) || !existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  const editor = () => page.locator('#editor .cm-content');

  async function replaceScript(text: string): Promise<void> {
    await editor().click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(text);
  }

  it('shows a diagnostic while typing, runs the fixed script, and shows the SHOW USERS table', async () => {
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url);
    await expect.poll(() => page.locator('#users table').count()).toBe(1);

    await replaceScript("CREATE USR jake SET PASSWORD 'abcd1234';");
    await expect.poll(() => page.locator('#problems li').first().textContent(), { timeout: 10_000 }).toBe(
      "1:8 Invalid input 'USR': expected 'IMMUTABLE', 'OR', 'ROLE' or 'USER' (line 1, column 8 (offset: 7))",
    );
    await expect.poll(() => page.locator('.cm-lintRange-error').count()).toBeGreaterThan(0);
    await page.locator('.cm-lintRange-error').first().hover();
    await expect.poll(() => page.locator('.cm-tooltip-lint').textContent()).toContain("Invalid input 'USR': expected 'IMMUTABLE', 'OR', 'ROLE' or 'USER'");

    await replaceScript("CREATE USER jake SET PASSWORD 'abcd1234' CHANGE NOT REQUIRED;\nGRANT ROLE reader TO jake;\nSHOW USERS;");
    await expect.poll(() => page.locator('#problems li').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.locator('#problem-count').textContent()).toBe('0');

    await page.click('#run');
    const last = page.locator('#results .result').last();
    expect(await last.locator('th').allTextContents()).toEqual(['user', 'roles', 'passwordChangeRequired', 'suspended', 'home']);
    expect(await last.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)))).toEqual([
      ['"jake"', '["reader", "PUBLIC"]', 'FALSE', 'FALSE', 'NULL'],
      ['"neo4j"', '["admin", "PUBLIC"]', 'TRUE', 'FALSE', 'NULL'],
    ]);
    // The users panel follows the run; the password typed in the editor shows nowhere outside it.
    expect(await page.locator('#users td').first().textContent()).toBe('"jake"');
    const shown = await page.locator('#results, #state, #problems').allTextContents();
    expect(shown.join(' ')).not.toContain('abcd1234');
    expect(await page.locator('#results .query code').first().textContent()).toBe("CREATE USER jake SET PASSWORD '******' CHANGE NOT REQUIRED");

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'playground.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('undoes a run, resets, and runs with Ctrl/Cmd+Enter and parameters', async () => {
    await page.fill('#params', '{"pw": "secret-pw-1"}');
    await replaceScript('CREATE USER ann SET PASSWORD $pw;');
    await editor().press('ControlOrMeta+Enter');
    await expect.poll(() => page.locator('#users td:text-is(\'"ann"\')').count()).toBe(1);
    await page.click('#undo');
    await expect.poll(() => page.locator('#users td:text-is(\'"ann"\')').count()).toBe(0);
    await page.click('#reset');
    expect(await page.locator('#users tbody tr').count()).toBe(1);
  }, 60_000);

  it('loads an example from fixtures/ with its parameters', async () => {
    await page.selectOption('#examples', 'onboarding');
    expect(await page.locator('#params').inputValue()).toContain('jakePassword');
    await page.click('#run');
    await expect.poll(() => page.locator('#results .result.failed').count()).toBe(0);
    expect(await page.locator('#results .result').last().locator('tbody tr').count()).toBe(4);
    // Neo4j's notifications show under the statement they belong to: this DBMS has no `analytics` database.
    expect(await page.locator('#results .notification').first().textContent()).toBe(
      'The request referred to a home database that does not exist. The home database provided does not currently exist in the DBMS. ' +
        'This command will not take effect until this database is created. (HOME DATABASE: `analytics`) Neo.ClientNotification.Database.HomeDatabaseNotFound',
    );
  }, 60_000);

  it('shares the script in the URL with password literals masked, and opens it again', async () => {
    await replaceScript("CREATE USER zed SET PASSWORD 'zed-password-1';");
    await page.click('#share');
    const shared = page.url();
    expect(shared).toContain('#script=');
    const other = await browser.newPage();
    await other.goto(shared);
    await expect.poll(() => other.locator('#editor .cm-content').textContent()).toBe("CREATE USER zed SET PASSWORD '******';");
    await other.close();
  }, 60_000);

  it('stays responsive with a 5,000-line script: linting runs in a worker', async () => {
    const script = Array.from({ length: 5000 }, (_, i) => `CREATE USER u${i} SET PASSWORD 'abcd1234';`).join('\n');
    // Pasted in one go, as a person pastes a long migration (a paste event, which CodeMirror handles).
    await editor().click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.querySelector('#editor .cm-content')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, `${script}\nCREATE USR x;`);
    expect(await page.evaluate(() => (window as unknown as { sysdbPlayground: { editor: { state: { doc: { lines: number } } } } }).sysdbPlayground.editor.state.doc.lines)).toBe(5001);
    await expect.poll(() => page.locator('#problem-count').textContent(), { timeout: 20_000 }).toBe('1');
    expect(await page.locator('#problems li').first().textContent()).toBe("5001:8 Invalid input 'USR': expected 'IMMUTABLE', 'OR', 'ROLE' or 'USER' (line 1, column 8 (offset: 7))");
    // Typing goes on while the worker lints: each key press is handled at once.
    const started = Date.now();
    for (const key of ['a', 'b', 'c']) await page.keyboard.press(key);
    const keyLatency = (Date.now() - started) / 3;
    expect(keyLatency).toBeLessThan(500);
  }, 60_000);
});

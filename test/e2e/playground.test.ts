/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The playground as a person uses it, in headless Chromium (Debian's package, driven by
 * playwright-core): type a script with an error, see Neo4j's diagnostic, fix it, run it, read the
 * SHOW USERS table from the page. Runs against the built static page, served from a local server.
 * CI installs Chromium (.ci/run); without /usr/bin/chromium (or CHROMIUM_PATH) the test is skipped.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { deflateRawSync } from 'node:zlib';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Debian's Chromium, or another Chromium-based browser named by CHROMIUM_PATH (GitHub's runners ship Chrome). */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
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
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
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
    await expect
      .poll(() => page.locator('#problems li').first().textContent(), { timeout: 10_000 })
      .toBe("1:8 Invalid input 'USR': expected 'IMMUTABLE', 'OR', 'ROLE' or 'USER' (line 1, column 8 (offset: 7))");
    await expect.poll(() => page.locator('.cm-lintRange-error').count()).toBeGreaterThan(0);
    await page.locator('.cm-lintRange-error').first().hover();
    await expect
      .poll(() => page.locator('.cm-tooltip-lint').textContent())
      .toContain("Invalid input 'USR': expected 'IMMUTABLE', 'OR', 'ROLE' or 'USER'");

    await replaceScript("CREATE USER jake SET PASSWORD 'abcd1234' CHANGE NOT REQUIRED;\nGRANT ROLE reader TO jake;\nSHOW USERS;");
    await expect.poll(() => page.locator('#problems li').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.locator('#problem-count').textContent()).toBe('0');

    await page.click('#run');
    const last = page.locator('#results .result').last();
    // The run is in a worker: its results arrive a moment later.
    await expect.poll(() => last.locator('th').allTextContents()).toEqual(['user', 'roles', 'passwordChangeRequired', 'suspended', 'home']);
    expect(
      await last.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))),
    ).toEqual([
      ['"jake"', '["reader", "PUBLIC"]', 'FALSE', 'FALSE', 'NULL'],
      ['"neo4j"', '["admin", "PUBLIC"]', 'TRUE', 'FALSE', 'NULL'],
    ]);
    // Next to the results, the plan of the run: what it changed, as `sysdb plan` prints it.
    expect(await page.locator('#plan li').evaluateAll((items) => items.map((i) => [i.className, i.textContent]))).toEqual([
      ['add', '+ user jake'],
    ]);
    expect(await page.locator('#plan .summary').textContent()).toBe('Plan: 1 to add, 0 to change, 0 to delete.');
    // The users panel follows the run; the password typed in the editor shows nowhere outside it.
    expect(await page.locator('#users td').first().textContent()).toBe('"jake"');
    const shown = await page.locator('#plan, #results, #state, #problems').allTextContents();
    expect(shown.join(' ')).not.toContain('abcd1234');
    expect(await page.locator('#results .query code').first().textContent()).toBe(
      "CREATE USER jake SET PASSWORD '******' CHANGE NOT REQUIRED",
    );

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'playground.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('undoes a run, resets, and runs with Ctrl/Cmd+Enter and parameters', async () => {
    await page.fill('#params', '{"pw": "secret-pw-1"}');
    await replaceScript('CREATE USER ann SET PASSWORD $pw;');
    await editor().press('ControlOrMeta+Enter');
    await expect.poll(() => page.locator('#users td:text-is(\'"ann"\')').count()).toBe(1);
    await expect.poll(() => page.locator('#plan li').allTextContents()).toEqual(['+ user ann']);
    await page.click('#undo');
    await expect.poll(() => page.locator('#users td:text-is(\'"ann"\')').count()).toBe(0);
    expect(await page.locator('#plan li').count()).toBe(0);
    await page.click('#reset');
    expect(await page.locator('#users tbody tr').count()).toBe(1);
  }, 60_000);

  it('regression: invalid parameters were quoted back by JSON.parse, password and all', async () => {
    await page.fill('#params', '{"pw": Zq7SECRETpw9}');
    await replaceScript('SHOW CURRENT USER;');
    await page.click('#run');
    await expect.poll(() => page.locator('#params-error').textContent()).toBe('Parameters: unexpected character at line 1, column 8');
    expect((await page.content()).includes('Zq7SECRETpw9')).toBe(false);
    await page.fill('#params', '{}');
  }, 60_000);

  it('loads an example from fixtures/ with its parameters', async () => {
    await page.selectOption('#examples', 'onboarding');
    expect(await page.locator('#params').inputValue()).toContain('jakePassword');
    await page.click('#run');
    await expect.poll(() => page.locator('#results .result').last().locator('tbody tr').count()).toBe(4);
    expect(await page.locator('#results .result.failed').count()).toBe(0);
    // Neo4j's notifications show under the statement they belong to: this DBMS has no `analytics` database.
    expect(await page.locator('#results .notification').first().textContent()).toBe(
      'The request referred to a home database that does not exist. The home database provided does not currently exist in the DBMS. ' +
        'This command will not take effect until this database is created. (HOME DATABASE: `analytics`) Neo.ClientNotification.Database.HomeDatabaseNotFound',
    );
  }, 60_000);

  it('shares the script in the URL with password literals masked, and opens it again', async () => {
    await replaceScript("CREATE USER zed SET PASSWORD 'zed-password-1';");
    await page.click('#share');
    await expect.poll(() => page.url()).toContain('#z=');
    const shared = page.url();
    const other = await browser.newPage();
    await other.goto(shared);
    await expect.poll(() => other.locator('#editor .cm-content').textContent()).toBe("CREATE USER zed SET PASSWORD '******';");
    await other.close();
  }, 60_000);

  it('opens links made before compression (#script=, base64url of the text)', async () => {
    const other = await browser.newPage();
    await other.goto(`${url}#script=${Buffer.from("SHOW USERS YIELD user WHERE user = 'ø';").toString('base64url')}`);
    await expect.poll(() => other.locator('#editor .cm-content').textContent()).toBe("SHOW USERS YIELD user WHERE user = 'ø';");
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
      document
        .querySelector('#editor .cm-content')!
        .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, `${script}\nCREATE USR x;`);
    expect(
      await page.evaluate(
        () =>
          (window as unknown as { sysdbPlayground: { editor: { state: { doc: { lines: number } } } } }).sysdbPlayground.editor.state.doc
            .lines,
      ),
    ).toBe(5001);
    await expect.poll(() => page.locator('#problem-count').textContent(), { timeout: 20_000 }).toBe('1');
    expect(await page.locator('#problems li').first().textContent()).toBe(
      "5001:8 Invalid input 'USR': expected 'IMMUTABLE', 'OR', 'ROLE' or 'USER' (line 1, column 8 (offset: 7))",
    );
    // Typing goes on while the worker lints: each key press is handled at once.
    const started = Date.now();
    for (const key of ['a', 'b', 'c']) await page.keyboard.press(key);
    const keyLatency = (Date.now() - started) / 3;
    expect(keyLatency).toBeLessThan(500);
  }, 60_000);

  const setDocument = (text: string) =>
    page.evaluate((t) => {
      const view = (
        window as unknown as { sysdbPlayground: { editor: { state: { doc: { length: number } }; dispatch: (spec: unknown) => void } } }
      ).sysdbPlayground.editor;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t } });
    }, text);
  const documentText = (on: Page = page) =>
    on.evaluate(() =>
      (
        window as unknown as { sysdbPlayground: { editor: { state: { doc: { toString: () => string } } } } }
      ).sysdbPlayground.editor.state.doc.toString(),
    );
  /** Hashing 20,000 passwords (Neo4j's SHA-256 x 1024) takes tens of seconds even on a fast machine: far longer than any wait below. */
  const LONG_SCRIPT = Array.from({ length: 20_000 }, (_, i) => `CREATE USER long${i} SET PASSWORD 'abcd1234';`).join('\n');

  it('runs a long script in a worker: typing goes on meanwhile, and Stop ends it without changing the database', async () => {
    await page.click('#reset');
    const usersBefore = await page.locator('#users tbody tr').count();
    await setDocument(LONG_SCRIPT);
    await page.click('#run');
    await expect.poll(() => page.locator('#results .running').count()).toBe(1);

    await editor().click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\n// typed while it runs');
    await expect.poll(() => documentText().then((t) => t.endsWith('\n// typed while it runs'))).toBe(true);
    // Still running: the keys were handled during the run, not after it.
    expect(await page.locator('#stop').isEnabled()).toBe(true);
    expect(await page.locator('#run').isDisabled()).toBe(true);
    await expect
      .poll(() => page.locator('#results .running').textContent(), { timeout: 10_000 })
      .toMatch(/^Running… [\d,]+ statements done\.$/);

    await page.click('#stop');
    expect(await page.locator('#results').textContent()).toBe('Stopped: Stop was pressed. The database is as it was before this run.');
    expect(await page.locator('#users tbody tr').count()).toBe(usersBefore);
    expect(await page.locator('#stop').isDisabled()).toBe(true);

    // The next run gets a fresh worker.
    await setDocument(
      "CREATE USER after_stop SET PASSWORD 'abcd1234';\nSHOW USERS YIELD user WHERE user STARTS WITH 'after' OR user STARTS WITH 'long';",
    );
    await page.click('#run');
    await expect.poll(() => page.locator('#results .result').last().locator('tbody tr').allTextContents()).toEqual(['"after_stop"']);
  }, 60_000);

  it('stops a run that exceeds the time limit, and says so', async () => {
    await page.evaluate(
      () => ((window as unknown as { sysdbPlayground: { settings: { timeoutMs: number } } }).sysdbPlayground.settings.timeoutMs = 500),
    );
    try {
      await setDocument(LONG_SCRIPT);
      await page.click('#run');
      await expect
        .poll(() => page.locator('#results').textContent(), { timeout: 10_000 })
        .toBe('Stopped: the script ran for more than 0.5 s. The database is as it was before this run.');
      expect(await page.locator('#users td:text-is(\'"long0"\')').count()).toBe(0);
    } finally {
      await page.evaluate(
        () => ((window as unknown as { sysdbPlayground: { settings: { timeoutMs: number } } }).sysdbPlayground.settings.timeoutMs = 60_000),
      );
    }
  }, 60_000);

  it('shares a 1 MB script: the link is compressed, opens to the same script, and holds no password', async () => {
    const script = Array.from({ length: 25_000 }, (_, i) => `CREATE USER user${i} SET PASSWORD 'pw-${i}-secret' SET TAGS 'team';`).join(
      '\n',
    );
    expect(script.length).toBeGreaterThan(1024 * 1024);
    await setDocument(script);
    const before = page.url();
    await page.click('#share');
    await expect.poll(() => page.url() !== before, { timeout: 20_000 }).toBe(true);
    const shared = page.url();
    expect(shared).toContain('#z=');
    expect(shared.length).toBeLessThan(2 * 1024 * 1024);
    const other = await browser.newPage();
    await other.goto(shared);
    await expect.poll(() => other.locator('#editor .cm-content').count()).toBe(1);
    await expect.poll(() => documentText(other), { timeout: 20_000 }).toBe(script.replace(/'pw-\d+-secret'/g, "'******'"));
    await other.close();
  }, 90_000);

  it('refuses to share a script that does not fit in a link, and says why', async () => {
    // 3 MB that does not compress: seeded random printable characters, in lines.
    const noise = await page.evaluate(() => {
      let seed = 42;
      const lines: string[] = [];
      for (let l = 0; l < 30_000; l++) {
        let line = '// ';
        for (let c = 0; c < 100; c++) {
          seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
          line += String.fromCharCode(33 + ((seed >>> 16) % 94));
        }
        lines.push(line);
      }
      return lines.join('\n');
    });
    await page.goto(url);
    await expect.poll(() => page.locator('#users table').count()).toBe(1);
    await setDocument(noise);
    await page.click('#share');
    await expect
      .poll(() => page.locator('#toast').textContent(), { timeout: 20_000 })
      .toMatch(/^Not shared: even compressed, this script needs a \d+\.\d MB link, and browsers take links of up to 2 MB\.$/);
    expect(page.url()).toBe(url);
  }, 90_000);

  it('refuses to share a script over 16 MB (a link could not open it)', async () => {
    await setDocument(Array.from({ length: 170_000 }, () => `// ${'x'.repeat(97)}`).join('\n'));
    await page.click('#share');
    await expect
      .poll(() => page.locator('#toast').textContent(), { timeout: 30_000 })
      .toBe('Not shared: the script is 16.4 MB; links hold scripts of up to 16.0 MB.');
    expect(page.url()).toBe(url);
  }, 90_000);

  it.each([
    [
      'inflates to more than 16 MB',
      `#z=${deflateRawSync(Buffer.alloc(17 * 1024 * 1024, 'a')).toString('base64url')}`,
      "This link's script is over 16.0 MB; it was not opened.",
    ],
    ['is not deflate data', '#z=AAAA', 'This link is damaged: its script could not be read.'],
  ])(
    'does not open a link that %s, and says so',
    async (_, hash, message) => {
      const other = await browser.newPage();
      await other.goto(`${url}${hash}`);
      await expect.poll(() => other.locator('#toast').textContent(), { timeout: 20_000 }).toBe(message);
      expect(await documentText(other)).toContain('A fresh DBMS');
      await other.close();
    },
    60_000,
  );

  it('draws the results of the first 1,000 statements and counts the rest', async () => {
    await page.click('#reset');
    await setDocument(
      `${Array.from({ length: 1003 }, () => 'SHOW CURRENT USER YIELD user;').join('\n')}\nDROP USER nobody;\nSHOW CURRENT USER YIELD user;`,
    );
    await page.click('#run');
    await expect
      .poll(() => page.locator('#results .more').textContent(), { timeout: 30_000 })
      .toBe('5 more statements not shown (1 of them failed).');
    expect(await page.locator('#results .result').count()).toBe(1000);
  }, 60_000);
});

// End to end: the built demo (dist/) served by `vite preview` on an ephemeral port,
// driven in headless Chromium (/usr/bin/chromium, no downloaded browser) by
// playwright-core. Everything is done through the UI and read back from SQLite.
// Run: npm test (builds first) or node --test test/ after `npm run build`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const demo = join(here, '..');
const ARTIFACTS = process.env.ARTIFACTS_DIR ?? join(demo, '..', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

let server;
let serverOutput = '';
let origin;
let profile;
let context;
let page;
const requests = [];
const problems = [];

/**
 * Starts `vite preview` (the command `./x demo` runs) on a free port and resolves with the URL it prints.
 * NO_COLOR: Vite's colours would split the URL; stdin stays an open pipe because Vite stops when stdin ends.
 */
function startServer() {
  return new Promise((resolve, reject) => {
    const vite = join(demo, 'node_modules', 'vite', 'bin', 'vite.js');
    server = spawn(process.execPath, [vite, 'preview', '--port', '0', '--strictPort'], {
      cwd: demo,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    server.stdout.setEncoding('utf8');
    server.stderr.setEncoding('utf8');
    const onData = (chunk) => {
      serverOutput += chunk;
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(serverOutput);
      if (url) resolve(url[0]);
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', (c) => (serverOutput += c));
    server.once('exit', (code) =>
      reject(new Error(`vite preview exited (${code}) before printing its URL:\n${serverOutput}`)),
    );
  });
}

before(async () => {
  if (!existsSync(join(demo, 'dist', 'index.html'))) {
    const { build } = await import('vite');
    await build({ root: demo, logLevel: 'warn' });
  }
  origin = await startServer();
  profile = mkdtempSync(join(tmpdir(), 'www-demo-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: { width: 1280, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
});

after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
});

const counts = () => page.evaluate(() => window.__demo.counts());
const taskRow = (title) =>
  page.locator('#task-rows tr', { has: page.locator('td.title', { hasText: new RegExp(`^${title}$`) }) });
const projectForm = () => page.locator('#project-form');
const taskForm = () => page.locator('#task-form');

async function addProject(name, description = '') {
  await projectForm().getByLabel('Project name').fill(name);
  await projectForm().getByLabel('Description').fill(description);
  await projectForm()
    .getByRole('button', { name: /Add project|Save project/ })
    .click();
}

async function addTask({ project, title, tags = '', priority = 'Normal' }) {
  if (project) await taskForm().getByLabel('Project', { exact: true }).selectOption({ label: project });
  await taskForm().getByLabel('Task title').fill(title);
  await taskForm().getByLabel('Priority').selectOption({ label: priority });
  await taskForm().getByLabel('Tags').fill(tags);
  await taskForm()
    .getByRole('button', { name: /Add task|Save task/ })
    .click();
}

test('the page loads SQLite in the browser and shows the seeded rows', async () => {
  await page.goto(`${origin}/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  assert.match(await page.locator('#status').textContent(), /SQLite is running in this page/);
  assert.equal(await page.evaluate(() => crossOriginIsolated), true); // vite.config.js's preview headers: a 5 µs clock
  assert.equal(await page.locator('#task-rows tr').count(), 4);
  assert.deepEqual(await counts(), { projects: 2, tasks: 4, tags: 5, taskTags: 6 });
});

test('create a project and tagged tasks through the forms; the list shows them, read from SQLite', async () => {
  await addProject('E2E project', 'made by the end-to-end test');
  await page.locator('#project-list li', { hasText: 'E2E project' }).waitFor();
  await addTask({ project: 'E2E project', title: 'E2E task one', tags: 'e2e, alpha' });
  await addTask({ project: 'E2E project', title: 'E2E task two', tags: 'e2e, Beta', priority: 'High' });
  assert.equal(await taskForm().locator('[data-error]').isHidden(), true);

  // The search box (like) narrows the list to them.
  await page.getByLabel('Search titles').fill('E2E task');
  await page.locator('#task-summary', { hasText: /^2 matching tasks/ }).waitFor();
  const shown = await page.locator('#task-rows tr').evaluateAll((rows) =>
    rows.map((r) => ({
      title: r.querySelector('.title').textContent,
      project: r.cells[2].textContent,
      tags: [...r.querySelectorAll('.tag')].map((t) => t.textContent).sort(),
      priority: r.cells[4].textContent,
    })),
  );
  assert.deepEqual(shown, [
    { title: 'E2E task two', project: 'E2E project', tags: ['beta', 'e2e'], priority: 'High' },
    { title: 'E2E task one', project: 'E2E project', tags: ['alpha', 'e2e'], priority: 'Normal' },
  ]);

  // The same rows, read straight from the page's SQLite through mizzle's relational query.
  const stored = await page.evaluate(() =>
    window.__demo.db.query.projects
      .findFirst({
        where: (p, { eq }) => eq(p.name, 'E2E project'),
        with: { tasks: { orderBy: (t, { asc }) => asc(t.id), with: { taskTags: { with: { tag: true } } } } },
      })
      .sync(),
  );
  assert.equal(stored.description, 'made by the end-to-end test');
  assert.deepEqual(
    stored.tasks.map((t) => [t.title, t.priority, t.taskTags.map((tt) => tt.tag.name).sort()]),
    [
      ['E2E task one', 2, ['alpha', 'e2e']],
      ['E2E task two', 1, ['beta', 'e2e']],
    ],
  );

  // The sort control re-queries: title A–Z puts "one" first.
  await page.getByLabel('Sort by').selectOption({ label: 'Title Z–A' });
  await page.waitForFunction(() => document.querySelector('#task-rows .title')?.textContent === 'E2E task two');
  await page.getByLabel('Sort by').selectOption({ label: 'Title A–Z' });
  await page.waitForFunction(() => document.querySelector('#task-rows .title')?.textContent === 'E2E task one');
});

test('edit and delete through the list', async () => {
  await taskRow('E2E task one').getByRole('button', { name: 'Edit task E2E task one' }).click();
  assert.equal(await taskForm().getByLabel('Tags').inputValue(), 'alpha, e2e');
  await taskForm().getByLabel('Task title').fill('E2E task one (edited)');
  await taskForm().getByLabel('Tags').fill('e2e, gamma');
  await taskForm().getByRole('button', { name: 'Save task' }).click();
  await taskRow('E2E task one \\(edited\\)').waitFor();
  assert.deepEqual(await taskRow('E2E task one \\(edited\\)').locator('.tag').allTextContents(), ['e2e', 'gamma']);

  await page.getByLabel('Search titles').fill('');
  const before = await counts();
  await page.getByRole('button', { name: 'Delete task Paint the fence' }).click();
  await taskRow('Paint the fence').waitFor({ state: 'detached' });
  const afterDelete = await counts();
  assert.equal(afterDelete.tasks, before.tasks - 1);
  assert.equal(afterDelete.taskTags, before.taskTags - 2); // its two tag links went with it (on delete cascade)
});

test('bad input gives readable errors and leaves the data as it was', async () => {
  const before = await counts();
  const projectError = projectForm().getByRole('alert');
  const taskError = taskForm().getByRole('alert');

  await addProject('E2E project');
  await projectError.filter({ hasText: 'A project named “E2E project” already exists. Pick another name.' }).waitFor();

  await addProject('   ');
  await projectError.filter({ hasText: 'Project name is required.' }).waitFor();

  // A duplicate title with a new tag: the tag insert runs first, and the rollback takes it back.
  await addTask({ project: 'E2E project', title: 'E2E task two', tags: 'brand-new-tag' });
  await taskError
    .filter({ hasText: 'This project already has a task titled “E2E task two”. Pick another title.' })
    .waitFor();

  await addTask({ project: 'E2E project', title: '', tags: 'another-new-tag' });
  await taskError.filter({ hasText: 'Task title is required.' }).waitFor();

  assert.deepEqual(await counts(), before);
  const tagNames = await page.evaluate(() => window.__demo.queries.listTags().map((t) => t.name));
  assert.ok(!tagNames.includes('brand-new-tag') && !tagNames.includes('another-new-tag'), tagNames.join(', '));

  // A correct submission afterwards clears the message.
  await addProject('E2E second project');
  await projectError.waitFor({ state: 'hidden' });
  assert.equal((await counts()).projects, before.projects + 1);
});

test('the SQL panel lists the statements with their params and times', async () => {
  const entries = page.locator('#sql-log li');
  assert.ok((await entries.count()) > 20);
  const insert = entries
    .filter({ hasText: 'insert into "projects"' })
    .filter({ hasText: '"E2E second project"' })
    .first();
  assert.match(
    await insert.locator('.sql').textContent(),
    /^insert into "projects" \("name", "description", "created_at"\) values \(\?, \?, \?\)/,
  );
  assert.match(await insert.locator('.params').textContent(), /^params \(3\): \["E2E second project", "", \d+\]$/);
  assert.match(await insert.locator('.time').textContent(), /^(\d+ µs|\d+\.\d+ ms)$/);
  const duplicate = entries
    .filter({ hasText: 'failed: SQLITE_CONSTRAINT_UNIQUE' })
    .filter({ hasText: 'insert into "tasks"' })
    .first();
  assert.match(await duplicate.textContent(), /rolled back/);
  assert.match(await duplicate.textContent(), /transaction \d+/);
  assert.match(await page.locator('#sql-summary').textContent(), /^\d+ statements run since the page opened/);
  const select = entries.filter({ hasText: /^#\d+.*select "tasks"\."id"/ }).first();
  assert.match(await select.locator('.sql').textContent(), /json_group_array/); // the nested `with`, one statement
});

test('load 10,000 rows: batched inserts in a transaction, then a relational query; both timed', async () => {
  const before = await counts();
  await page.getByRole('button', { name: 'Load 10,000 rows' }).click();
  const result = page.locator('#bulk-result[data-result]');
  await result.waitFor({ timeout: 30_000 });
  const text = await result.textContent();
  const sentences = text.split(/(?<=\.) /);
  assert.equal(sentences.length, 2, text);
  const [inserted, queried] = sentences;
  assert.match(inserted, /^Inserted 10,000 tasks and 10,000 tag links into 10 new projects in [\d.]+ ms /);
  assert.match(inserted, / ms \(\d+ statements, one transaction\)\.$/);
  assert.match(
    queried,
    /^Relational query projects → tasks → tags read back 10,000 tasks with 10,000 tags in [\d.]+ ms\.$/,
  );
  const r = JSON.parse(await result.getAttribute('data-result'));
  assert.equal(r.tasksRead, 10_000);
  assert.equal(r.linksRead, 10_000);
  const now = await counts();
  assert.equal(now.tasks, before.tasks + 10_000);
  assert.equal(now.taskTags, before.taskTags + 10_000);
  assert.equal(now.projects, before.projects + 10);
  await page.locator('#task-summary', { hasText: `Showing 50 of ${now.tasks.toLocaleString('en')} tasks.` }).waitFor();

  await page.getByLabel('Sort by').selectOption({ label: 'Newest first' });
  await page.waitForFunction(() => document.querySelector('#task-rows .title')?.textContent.endsWith('#10000'));
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(ARTIFACTS, 'www-demo.png'), fullPage: true });
  const metrics = {
    insertMs: Math.round(r.insertMs),
    queryMs: Math.round(r.queryMs),
    statements: r.statements,
    userAgent: await page.evaluate(() => navigator.userAgent),
  };
  writeFileSync(join(ARTIFACTS, 'www-demo-bulk.json'), `${JSON.stringify(metrics, null, 2)}\n`);
  const insert = `insert ${r.insertMs.toFixed(0)} ms (${r.statements} statements)`;
  const query = `relational query ${r.queryMs.toFixed(0)} ms`;
  console.log(`# 10,000 rows in headless Chromium: ${insert}, ${query}; screenshot ${join(ARTIFACTS, 'www-demo.png')}`);
});

test("no errors, and every request was one of the page's own assets", () => {
  assert.deepEqual(problems, []);
  const foreign = requests.filter((u) => !u.startsWith(`${origin}/`));
  assert.deepEqual(foreign, []);
  const paths = [...new Set(requests.map((u) => new URL(u).pathname))].sort();
  for (const p of paths) assert.match(p, /^\/$|^\/assets\/[\w.-]+\.(js|css|wasm)$/, p);
  assert.ok(
    paths.some((p) => p.endsWith('.wasm')),
    paths.join(', '),
  );
});

test('vite preview stops on Ctrl-C (SIGINT)', async () => {
  const exited = new Promise((r) => server.once('exit', (code, signal) => r({ code, signal })));
  server.kill('SIGINT');
  // Vite installs no SIGINT handler (a static server has nothing to flush): Node's default ends it.
  assert.deepEqual(await exited, { code: null, signal: 'SIGINT' });
});

// `npm run dev`: the config's optimizeDeps.exclude and fs.allow keep the wasm loadable
// from the linked package (without them: the .wasm 404s or is refused with a 403).
test('the Vite dev server (vite.config.js) runs the same app', async () => {
  const { createServer } = await import('vite');
  const vite = await createServer({ root: demo, logLevel: 'error', server: { port: 0, strictPort: false } });
  try {
    await vite.listen();
    const dev = await context.newPage();
    const devProblems = [];
    dev.on('pageerror', (e) => devProblems.push(`pageerror: ${e.message}`));
    dev.on('response', (r) => r.status() >= 400 && devProblems.push(`${r.status()} ${r.url()}`));
    await dev.goto(vite.resolvedUrls.local[0]);
    await dev.waitForSelector('body[data-ready]', { timeout: 20_000 });
    assert.equal(await dev.getAttribute('body', 'data-ready'), 'true', await dev.locator('#status').textContent());
    assert.equal(await dev.locator('#task-rows tr').count(), 4);
    assert.deepEqual(devProblems, []);
    await dev.close();
  } finally {
    await vite.close();
  }
});

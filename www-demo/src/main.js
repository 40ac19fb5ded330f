// The app's entry: open the database, seed it, draw the page, wire the forms.
import './style.css';
import { $ } from './dom.js';
import { createSqlLog, openDatabase } from './db.js';
import { createQueries } from './queries.js';
import { renderCounts, renderProjects, renderSorts, renderSqlLog, renderTags, renderTasks } from './render.js';
import { seed } from './seed.js';
import { wireUp } from './forms.js';
import { readableError } from './errors.js';

async function start() {
  const log = createSqlLog();
  const { db, loadMs, schemaMs } = await openDatabase(log);
  const queries = createQueries(db, log);
  const state = { search: '', projectId: null, sort: 'newest', limit: 50 };

  let sqlFrame = 0;
  log.onChange(() => {
    if (sqlFrame) return; // a render is already scheduled for the next frame
    sqlFrame = requestAnimationFrame(() => {
      sqlFrame = 0;
      renderSqlLog(log);
    });
  });

  const refresh = () => {
    renderProjects(queries.listProjects());
    renderTags(queries.listTags());
    renderTasks(queries.listTasks(state), state);
    renderCounts(queries.counts());
  };

  seed(queries);
  renderSorts();
  wireUp({ db, log, queries, state, refresh });
  refresh();
  $('#status').textContent =
    `SQLite is running in this page (wasm loaded in ${loadMs.toFixed(0)} ms, ` +
    `schema created in ${schemaMs.toFixed(1)} ms). Nothing leaves the page; a reload starts empty.`;
  document.body.dataset.ready = 'true';
  // A debug hook for the console and the end-to-end test: the same database the page uses.
  window.__demo = { db, log, queries, counts: () => queries.counts() };
}

start().catch((e) => {
  $('#status').textContent = `Could not start: ${readableError(e)}`;
  document.body.dataset.ready = 'failed';
  console.error(e);
});

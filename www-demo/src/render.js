// Draws the page from query results: the task list, the projects and tags
// panels, the row counts, and the SQL panel.
import { $, h, ms } from './dom.js';
import { SORTS } from './queries.js';

export const PRIORITY = { 1: 'High', 2: 'Normal', 3: 'Low' };

export function renderTasks({ rows, total }, state) {
  const body = $('#task-rows');
  body.replaceChildren(
    ...rows.map((task) =>
      h(
        'tr',
        { 'data-task-id': task.id, class: task.done ? 'done' : null },
        h(
          'td',
          {},
          h('input', {
            type: 'checkbox',
            checked: task.done,
            'data-action': 'toggle',
            'aria-label': `Done: ${task.title}`,
          }),
        ),
        h('td', { class: 'title' }, task.title),
        h('td', {}, task.project?.name ?? '—'),
        h(
          'td',
          {},
          task.taskTags
            .map((tt) => tt.tag.name)
            .sort()
            .map((name) => h('span', { class: 'tag' }, name)),
        ),
        h('td', {}, h('span', { class: `prio p${task.priority}` }, PRIORITY[task.priority] ?? task.priority)),
        h(
          'td',
          { class: 'actions' },
          h('button', { type: 'button', 'data-action': 'edit', 'aria-label': `Edit task ${task.title}` }, 'Edit'),
          h(
            'button',
            { type: 'button', 'data-action': 'delete', class: 'danger', 'aria-label': `Delete task ${task.title}` },
            'Delete',
          ),
        ),
      ),
    ),
  );
  if (rows.length === 0) body.append(h('tr', {}, h('td', { colspan: 6, class: 'empty' }, 'No tasks match.')));
  const filtered = state.search || state.projectId ? ' matching' : '';
  $('#task-summary').textContent =
    total > rows.length
      ? `Showing ${rows.length} of ${total.toLocaleString('en')}${filtered} tasks.`
      : `${total.toLocaleString('en')}${filtered} task${total === 1 ? '' : 's'}.`;
}

export function renderProjects(list) {
  $('#project-list').replaceChildren(
    ...list.map((p) =>
      h(
        'li',
        { 'data-project-id': p.id },
        h('span', { class: 'name' }, p.name),
        h('span', { class: 'muted' }, ` ${p.tasks} task${p.tasks === 1 ? '' : 's'}`),
        h(
          'span',
          { class: 'actions' },
          h(
            'button',
            { type: 'button', 'data-action': 'edit-project', 'aria-label': `Edit project ${p.name}` },
            'Edit',
          ),
          h(
            'button',
            {
              type: 'button',
              'data-action': 'delete-project',
              class: 'danger',
              'aria-label': `Delete project ${p.name} and its tasks`,
            },
            'Delete',
          ),
        ),
      ),
    ),
  );
  // The selects that name projects keep their current choice when it still exists.
  for (const [select, first] of [
    [$('#task-project'), null],
    [$('#filter-project'), 'All projects'],
  ]) {
    const keep = select.value;
    select.replaceChildren(
      ...(first
        ? [h('option', { value: '' }, first)]
        : list.length
          ? []
          : [h('option', { value: '' }, '(create a project first)')]),
      ...list.map((p) => h('option', { value: String(p.id) }, p.name)),
    );
    if ([...select.options].some((o) => o.value === keep)) select.value = keep;
  }
}

export function renderTags(list) {
  $('#tag-list').replaceChildren(
    ...list.map((t) => h('li', {}, h('span', { class: 'tag' }, t.name), h('span', { class: 'muted' }, ` ×${t.uses}`))),
  );
}

export function renderCounts(counts) {
  $('#counts').textContent =
    `In SQLite: ${counts.projects.toLocaleString('en')} projects · ${counts.tasks.toLocaleString('en')} tasks · ` +
    `${counts.tags.toLocaleString('en')} tags · ${counts.taskTags.toLocaleString('en')} task–tag links`;
  $('#counts').dataset.counts = JSON.stringify(counts);
}

export function renderSorts() {
  $('#sort').replaceChildren(...Object.entries(SORTS).map(([value, s]) => h('option', { value }, s.label)));
}

const MAX_PARAMS_SHOWN = 12;

function paramsText(params) {
  const shown = params.slice(0, MAX_PARAMS_SHOWN).map((p) => JSON.stringify(p instanceof Date ? p.toISOString() : p));
  const more = params.length > MAX_PARAMS_SHOWN ? `, … ${params.length - MAX_PARAMS_SHOWN} more` : '';
  return `[${shown.join(', ')}${more}]`;
}

export function renderSqlLog(log) {
  $('#sql-summary').textContent =
    `${log.total.toLocaleString('en')} statement${log.total === 1 ? '' : 's'} run since the page opened` +
    (log.total > log.entries.length ? `; the last ${log.entries.length} shown` : '') +
    ", newest first. Each time runs from mizzle's logger call to the statement's return " +
    "(the browser's clock may round it).";
  $('#sql-log').replaceChildren(
    ...log.entries
      .slice()
      .reverse()
      .map((e) =>
        h(
          'li',
          { class: e.error ? 'failed' : e.rolledBack ? 'rolled-back' : null },
          h(
            'div',
            { class: 'meta' },
            h('span', { class: 'n' }, `#${e.n}`),
            h('span', { class: 'time' }, ms(e.ms)),
            e.tx ? h('span', { class: 'badge' }, `transaction ${e.tx}`) : null,
            e.error ? h('span', { class: 'badge bad' }, `failed: ${e.error}`) : null,
            e.rolledBack ? h('span', { class: 'badge bad' }, 'rolled back') : null,
          ),
          h('code', { class: 'sql' }, e.sql),
          h('div', { class: 'params' }, `params (${e.params.length}): `, h('code', {}, paramsText(e.params))),
        ),
      ),
  );
}

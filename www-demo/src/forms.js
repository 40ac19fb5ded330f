// The forms and controls: create / edit / delete projects and tasks, search,
// filter and sort. Input goes to the database as typed (trimmed); what the
// database refuses comes back as a readable message next to the form.
import { loadRows } from './bulk.js';
import { $, ms } from './dom.js';
import { readableError } from './errors.js';
import { parseTags } from './queries.js';

function formError(form, message) {
  const box = $('[data-error]', form);
  box.textContent = message ?? '';
  box.hidden = !message;
}

/** Puts a form in "new" or "edit #id" mode. */
function setMode(form, { id = '', heading, submit }) {
  form.elements.id.value = id;
  $('h2', form).textContent = heading;
  $('button[type=submit]', form).textContent = submit;
  $('[data-cancel]', form).hidden = !id;
}

export function wireUp({ db, log, queries, state, refresh }) {
  const projectForm = $('#project-form');
  const taskForm = $('#task-form');
  const newProject = () => setMode(projectForm, { heading: 'New project', submit: 'Add project' });
  const newTask = () => setMode(taskForm, { heading: 'New task', submit: 'Add task' });

  projectForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const f = projectForm.elements;
    const input = { name: f.name.value.trim(), description: f.description.value.trim() };
    try {
      if (f.id.value) queries.updateProject(Number(f.id.value), input);
      else queries.createProject(input);
      projectForm.reset();
      newProject();
      formError(projectForm, null);
    } catch (e) {
      formError(projectForm, readableError(e, input));
    }
    refresh();
  });
  $('[data-cancel]', projectForm).addEventListener('click', () => {
    projectForm.reset();
    newProject();
    formError(projectForm, null);
  });

  taskForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const f = taskForm.elements;
    const input = {
      id: f.id.value ? Number(f.id.value) : null,
      projectId: f.projectId.value ? Number(f.projectId.value) : null,
      title: f.title.value.trim(),
      priority: Number(f.priority.value),
      tags: parseTags(f.tags.value),
    };
    try {
      queries.saveTask(input);
      const keepProject = f.projectId.value;
      taskForm.reset();
      f.projectId.value = keepProject;
      newTask();
      formError(taskForm, null);
    } catch (e) {
      formError(taskForm, readableError(e, input));
    }
    refresh();
  });
  $('[data-cancel]', taskForm).addEventListener('click', () => {
    taskForm.reset();
    newTask();
    formError(taskForm, null);
  });

  // The task list's buttons (one listener for all rows).
  $('#task-rows').addEventListener('click', (event) => {
    const action = event.target.dataset?.action;
    const row = event.target.closest('tr[data-task-id]');
    if (!action || !row) return;
    const id = Number(row.dataset.taskId);
    if (action === 'toggle') queries.setDone(id, event.target.checked);
    if (action === 'delete') queries.deleteTask(id);
    if (action === 'edit') {
      const task = queries.getTask(id);
      const f = taskForm.elements;
      f.projectId.value = String(task.projectId);
      f.title.value = task.title;
      f.priority.value = String(task.priority);
      f.tags.value = task.taskTags
        .map((tt) => tt.tag.name)
        .sort()
        .join(', ');
      setMode(taskForm, { id, heading: `Edit task #${id}`, submit: 'Save task' });
      formError(taskForm, null);
      f.title.focus();
    }
    refresh();
  });

  $('#project-list').addEventListener('click', (event) => {
    const action = event.target.dataset?.action;
    const item = event.target.closest('li[data-project-id]');
    if (!action || !item) return;
    const id = Number(item.dataset.projectId);
    if (action === 'delete-project') {
      queries.deleteProject(id);
      if (projectForm.elements.id.value === String(id)) newProject();
    }
    if (action === 'edit-project') {
      const project = queries.getProject(id);
      projectForm.elements.name.value = project.name;
      projectForm.elements.description.value = project.description;
      setMode(projectForm, { id, heading: `Edit project #${id}`, submit: 'Save project' });
      formError(projectForm, null);
      projectForm.elements.name.focus();
    }
    refresh();
  });

  // Search, filter, sort: the list is re-queried on every change.
  let timer;
  $('#search').addEventListener('input', (event) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state.search = event.target.value.trim();
      refresh();
    }, 120);
  });
  $('#filter-project').addEventListener('change', (event) => {
    state.projectId = event.target.value ? Number(event.target.value) : null;
    refresh();
  });
  $('#sort').addEventListener('change', (event) => {
    state.sort = event.target.value;
    refresh();
  });

  $('#sql-clear').addEventListener('click', () => log.clear());

  const bulkButton = $('#bulk');
  bulkButton.addEventListener('click', () => {
    bulkButton.disabled = true;
    $('#bulk-result').textContent = 'Inserting 10,000 rows…';
    // Let the page paint the message before the (synchronous) work starts.
    setTimeout(() => {
      try {
        const r = loadRows(db, log);
        const out = $('#bulk-result');
        out.textContent =
          `Inserted ${r.tasks.toLocaleString('en')} tasks and ${r.links.toLocaleString('en')} tag links ` +
          `into ${r.projects} new projects in ${ms(r.insertMs)} (${r.statements} statements, one transaction). ` +
          `Relational query projects → tasks → tags read back ${r.tasksRead.toLocaleString('en')} tasks ` +
          `with ${r.linksRead.toLocaleString('en')} tags in ${ms(r.queryMs)}.`;
        out.dataset.result = JSON.stringify(r);
      } catch (e) {
        $('#bulk-result').textContent = readableError(e);
      } finally {
        bulkButton.disabled = false;
        refresh();
      }
    }, 30);
  });
}

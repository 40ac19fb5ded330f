// The "load 10,000 rows" button: bulk inserts in batches inside one transaction,
// then one relational query reading them all back (projects -> tasks -> tags).
import { inArray } from 'mizzle';
import { projects, tags, tasks, taskTags } from './schema.js';

const BULK_TAGS = ['bulk', 'backend', 'frontend', 'docs', 'ops'];
const WORDS = ['Fix', 'Write', 'Review', 'Ship', 'Plan', 'Test', 'Refactor', 'Measure'];
let runs = 0;
const THINGS = [
  'login form',
  'query cache',
  'release notes',
  'search box',
  'sync job',
  'error page',
  'CSV export',
  'dark mode',
];

/**
 * Inserts `total` tasks (over `projectCount` new projects, `batch` rows per
 * statement), each linked to one tag, and times the insert and a relational
 * query that reads every one of them back with its project and tags.
 */
export function loadRows(db, log, { total = 10_000, projectCount = 10, batch = 500 } = {}) {
  const statementsBefore = log.total;
  const t0 = performance.now();
  const { projectIds } = log.transaction(db, (tx) => {
    const run = ++runs;
    const projectIds = tx
      .insert(projects)
      .values(
        Array.from({ length: projectCount }, (_, i) => ({
          name: `Bulk ${run}.${String(i + 1).padStart(2, '0')}`,
          description: `generated (${total / projectCount} tasks)`,
        })),
      )
      .returning({ id: projects.id })
      .all()
      .map((r) => r.id);
    tx.insert(tags)
      .values(BULK_TAGS.map((name) => ({ name })))
      .onConflictDoNothing()
      .run();
    const tagIds = tx
      .select({ id: tags.id })
      .from(tags)
      .where(inArray(tags.name, BULK_TAGS))
      .all()
      .map((r) => r.id);
    for (let start = 0; start < total; start += batch) {
      const rows = [];
      for (let i = start; i < Math.min(total, start + batch); i++) {
        rows.push({
          projectId: projectIds[i % projectCount],
          title: `${WORDS[i % WORDS.length]} ${THINGS[(i >> 3) % THINGS.length]} #${i + 1}`,
          priority: 1 + (i % 3),
          done: i % 7 === 0,
        });
      }
      const ids = tx.insert(tasks).values(rows).returning({ id: tasks.id }).all();
      tx.insert(taskTags)
        .values(ids.map(({ id }, k) => ({ taskId: id, tagId: tagIds[(start + k) % tagIds.length] })))
        .run();
    }
    return { projectIds };
  });
  const insertMs = performance.now() - t0;
  const statements = log.total - statementsBefore;

  const t1 = performance.now();
  const tree = log.track(() =>
    db.query.projects
      .findMany({
        where: inArray(projects.id, projectIds),
        with: { tasks: { with: { taskTags: { with: { tag: true } } } } },
      })
      .sync(),
  );
  const queryMs = performance.now() - t1;
  const tasksRead = tree.reduce((n, p) => n + p.tasks.length, 0);
  const linksRead = tree.reduce((n, p) => n + p.tasks.reduce((m, t) => m + t.taskTags.length, 0), 0);
  return { tasks: total, links: total, projects: projectCount, statements, insertMs, queryMs, tasksRead, linksRead };
}

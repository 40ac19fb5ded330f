// Every read and write the app makes, through mizzle's drizzle API. Writes of
// more than one statement run in one transaction, so a failure leaves nothing behind.
import { and, asc, count, desc, eq, inArray, like, sql } from 'mizzle';
import { projects, tags, tasks, taskTags } from './schema.js';

export const SORTS = {
  newest: { label: 'Newest first', orderBy: [desc(tasks.id)] },
  oldest: { label: 'Oldest first', orderBy: [asc(tasks.id)] },
  'title-asc': { label: 'Title A–Z', orderBy: [asc(tasks.title), asc(tasks.id)] },
  'title-desc': { label: 'Title Z–A', orderBy: [desc(tasks.title), desc(tasks.id)] },
  priority: { label: 'Priority (high first)', orderBy: [asc(tasks.priority), desc(tasks.id)] },
};

/** "a, b ,, a" -> ["a", "b"] */
export function parseTags(text) {
  return [
    ...new Set(
      String(text ?? '')
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

export function createQueries(db, log) {
  const track = (fn) => log.track(fn);
  const countOf = (table, where) => {
    const q = db.select({ n: count() }).from(table);
    return (where ? q.where(where) : q).get().n;
  };
  const taskFilter = ({ search, projectId }) =>
    and(search ? like(tasks.title, `%${search}%`) : undefined, projectId ? eq(tasks.projectId, projectId) : undefined);

  /** The ids of the tags named, creating the missing ones (inside a transaction). */
  const ensureTags = (tx, names) => {
    if (names.length === 0) return [];
    tx.insert(tags)
      .values(names.map((name) => ({ name })))
      .onConflictDoNothing()
      .run();
    return tx
      .select({ id: tags.id })
      .from(tags)
      .where(inArray(tags.name, names))
      .all()
      .map((r) => r.id);
  };

  return {
    /** The task list: one relational query, tasks -> project and tasks -> task_tags -> tag. */
    listTasks({ search = '', projectId = null, sort = 'newest', limit = 50 } = {}) {
      return track(() => {
        const where = taskFilter({ search, projectId });
        const rows = db.query.tasks
          .findMany({
            where,
            orderBy: (SORTS[sort] ?? SORTS.newest).orderBy,
            limit,
            with: {
              project: { columns: { id: true, name: true } },
              taskTags: { columns: { tagId: true }, with: { tag: true } },
            },
          })
          .sync();
        return { rows, total: countOf(tasks, where) };
      });
    },

    listProjects() {
      return track(() =>
        db
          .select({ id: projects.id, name: projects.name, description: projects.description, tasks: count(tasks.id) })
          .from(projects)
          .leftJoin(tasks, eq(tasks.projectId, projects.id))
          .groupBy(projects.id)
          .orderBy(asc(projects.name))
          .all(),
      );
    },

    listTags() {
      return track(() =>
        db
          .select({ id: tags.id, name: tags.name, uses: count(taskTags.taskId) })
          .from(tags)
          .leftJoin(taskTags, eq(taskTags.tagId, tags.id))
          .groupBy(tags.id)
          .orderBy(desc(count(taskTags.taskId)), asc(tags.name))
          .all(),
      );
    },

    /** Row counts of the four tables, in one statement. */
    counts() {
      return track(() => {
        const columns = [
          sql`(select count(*) from ${projects}) as projects`,
          sql`(select count(*) from ${tasks}) as tasks`,
          sql`(select count(*) from ${tags}) as tags`,
          sql`(select count(*) from ${taskTags}) as taskTags`,
        ];
        const row = db.get(sql`select ${sql.join(columns, sql`, `)}`);
        return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
      });
    },

    getTask(id) {
      return track(() =>
        db.query.tasks.findFirst({ where: eq(tasks.id, id), with: { taskTags: { with: { tag: true } } } }).sync(),
      );
    },

    getProject(id) {
      return track(() => db.select().from(projects).where(eq(projects.id, id)).get());
    },

    createProject({ name, description }) {
      return track(() => db.insert(projects).values({ name, description }).returning().get());
    },

    updateProject(id, { name, description }) {
      return track(() => db.update(projects).set({ name, description }).where(eq(projects.id, id)).run());
    },

    /** Deletes a project; its tasks and their tag links go with it (on delete cascade). */
    deleteProject(id) {
      return track(() => db.delete(projects).where(eq(projects.id, id)).run());
    },

    /**
     * Creates or updates a task and its tags in one transaction: new tags are
     * inserted first, so a task the database refuses (a duplicate title, a blank
     * one) takes them back with it on rollback.
     */
    saveTask({ id = null, projectId, title, priority, tags: names }) {
      return log.transaction(db, (tx) => {
        const tagIds = ensureTags(tx, names);
        let taskId = id;
        if (taskId == null) {
          taskId = tx.insert(tasks).values({ projectId, title, priority }).returning({ id: tasks.id }).get().id;
        } else {
          tx.update(tasks).set({ projectId, title, priority }).where(eq(tasks.id, taskId)).run();
          tx.delete(taskTags).where(eq(taskTags.taskId, taskId)).run();
        }
        if (tagIds.length)
          tx.insert(taskTags)
            .values(tagIds.map((tagId) => ({ taskId, tagId })))
            .run();
        return taskId;
      });
    },

    setDone(id, done) {
      return track(() => db.update(tasks).set({ done }).where(eq(tasks.id, id)).run());
    },

    deleteTask(id) {
      return track(() => db.delete(tasks).where(eq(tasks.id, id)).run());
    },
  };
}

// The demo's schema: projects have tasks, tasks and tags meet in task_tags.
// The tables are declared twice on purpose, like in a drizzle app without
// drizzle-kit: the mizzle declarations (typed queries, relations) and the DDL
// that creates them in the in-memory SQLite at startup. Keep both in step.
import { relations } from 'mizzle';
import { index, integer, primaryKey, sqliteTable, text, unique } from 'mizzle/sqlite-core';

export const projects = sqliteTable('projects', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  description: text('description').notNull().default(''),
  createdAt: integer('created_at', { mode: 'timestamp' })
    .notNull()
    .$defaultFn(() => new Date()),
});

export const tasks = sqliteTable(
  'tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** 1 high, 2 normal, 3 low */
    priority: integer('priority').notNull().default(2),
    done: integer('done', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at', { mode: 'timestamp' })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [unique('tasks_project_title').on(t.projectId, t.title), index('tasks_project_idx').on(t.projectId)],
);

export const tags = sqliteTable('tags', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
});

export const taskTags = sqliteTable(
  'task_tags',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.tagId] }), index('task_tags_tag_idx').on(t.tagId)],
);

export const projectsRelations = relations(projects, ({ many }) => ({ tasks: many(tasks) }));
export const tasksRelations = relations(tasks, ({ one, many }) => ({
  project: one(projects, { fields: [tasks.projectId], references: [projects.id] }),
  taskTags: many(taskTags),
}));
export const tagsRelations = relations(tags, ({ many }) => ({ taskTags: many(taskTags) }));
export const taskTagsRelations = relations(taskTags, ({ one }) => ({
  task: one(tasks, { fields: [taskTags.taskId], references: [tasks.id] }),
  tag: one(tags, { fields: [taskTags.tagId], references: [tags.id] }),
}));

/** What `drizzle(client, { schema })` gets: the tables and their relations. */
export const schema = {
  projects,
  tasks,
  tags,
  taskTags,
  projectsRelations,
  tasksRelations,
  tagsRelations,
  taskTagsRelations,
};

/**
 * The DDL run at startup. The named CHECK constraints make the database itself
 * refuse blank required fields; errors.js turns their names into messages.
 */
export const DDL = `
pragma foreign_keys = on;
create table projects (
  id integer primary key autoincrement,
  name text not null unique constraint project_name_required check (length(trim(name)) > 0),
  description text not null default '',
  created_at integer not null
);
create table tasks (
  id integer primary key autoincrement,
  project_id integer not null references projects(id) on delete cascade,
  title text not null constraint task_title_required check (length(trim(title)) > 0),
  priority integer not null default 2 constraint task_priority_range check (priority between 1 and 3),
  done integer not null default 0,
  created_at integer not null,
  constraint tasks_project_title unique (project_id, title)
);
create index tasks_project_idx on tasks(project_id);
create table tags (
  id integer primary key autoincrement,
  name text not null unique constraint tag_name_required check (length(trim(name)) > 0)
);
create table task_tags (
  task_id integer not null references tasks(id) on delete cascade,
  tag_id integer not null references tags(id) on delete cascade,
  primary key (task_id, tag_id)
) without rowid;
create index task_tags_tag_idx on task_tags(tag_id);
`;

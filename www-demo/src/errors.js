// Turns what mizzle throws into a sentence for the page. Database refusals are
// MizzleQueryError with SQLite's extended code (SQLITE_CONSTRAINT_UNIQUE, ...);
// the first line of the message names the constraint or the columns.
import { MizzleError, MizzleQueryError } from 'mizzle';

/** Named CHECK constraints (schema.js) -> the field they guard. */
const REQUIRED = {
  project_name_required: 'Project name is required.',
  task_title_required: 'Task title is required.',
  tag_name_required: 'Tag names cannot be blank.',
  task_priority_range: 'Priority must be high, normal or low.',
};

/** NOT NULL columns -> what to tell the user. */
const MISSING = {
  'tasks.project_id': 'Choose a project first (create one if the list is empty).',
  'tasks.title': 'Task title is required.',
  'projects.name': 'Project name is required.',
};

/**
 * @param {unknown} error what was thrown
 * @param {Record<string, unknown>} input the values the user submitted, quoted back in the message
 */
export function readableError(error, input = {}) {
  if (error instanceof MizzleQueryError) {
    const detail = String(error.message).split('\n')[0];
    const subject = detail.replace(/^[A-Z ]+constraint failed:\s*/i, '');
    switch (error.code) {
      case 'SQLITE_CONSTRAINT_UNIQUE':
      case 'SQLITE_CONSTRAINT_PRIMARYKEY':
        if (subject === 'projects.name') return `A project named “${input.name}” already exists. Pick another name.`;
        if (subject === 'tasks.project_id, tasks.title') {
          return `This project already has a task titled “${input.title}”. Pick another title.`;
        }
        if (subject === 'tags.name') return `A tag named “${input.name}” already exists.`;
        return `That value is already taken (${subject}).`;
      case 'SQLITE_CONSTRAINT_CHECK':
        return REQUIRED[subject] ?? `The database refused the value (${subject}).`;
      case 'SQLITE_CONSTRAINT_NOTNULL':
        return MISSING[subject] ?? `${subject} is required.`;
      case 'SQLITE_CONSTRAINT_FOREIGNKEY':
        return 'The project this refers to no longer exists. Reload the list and try again.';
      default:
        return `The database refused this: ${detail} (${error.code ?? 'no code'}).`;
    }
  }
  if (error instanceof MizzleError) return `mizzle could not build the query (${error.kind}): ${error.message}`;
  return `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

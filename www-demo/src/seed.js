// A few rows so the page does not open empty.
export function seed(queries) {
  const home = queries.createProject({ name: 'Home', description: 'Things around the house' });
  const site = queries.createProject({ name: 'Website', description: 'The new site' });
  queries.saveTask({ projectId: home.id, title: 'Paint the fence', priority: 2, tags: ['outdoor', 'weekend'] });
  queries.saveTask({ projectId: home.id, title: 'Fix the leaking tap', priority: 1, tags: ['urgent'] });
  queries.saveTask({ projectId: site.id, title: 'Write the about page', priority: 3, tags: ['writing'] });
  queries.saveTask({ projectId: site.id, title: 'Set up the contact form', priority: 2, tags: ['urgent', 'code'] });
}

import type { TestProject } from 'vitest/node';
import { createTemplates } from './templates.ts';

/**
 * Vitest global setup of the browser project: only the migrated PGlite templates, the folder every
 * `procura serve` of the browser tests starts from (its tests never use PostgreSQL).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { templates, dispose } = await createTemplates(['pglite']);
  project.provide('procuraTemplates', templates);
  return dispose;
}

import type { TestProject } from 'vitest/node';
import { createTemplates } from './templates.ts';
import { testEngines } from './test-database.ts';

/** Vitest global setup of the server project: one migrated template per engine for the whole run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { templates, dispose } = await createTemplates(testEngines());
  project.provide('procuraTemplates', templates);
  return dispose;
}

// Each area of the platform keeps its tables in its own file; drizzle-kit reads them all from here.
export * from './core.ts';

#!/usr/bin/env node
// Procura is TypeScript run as-is (no build step): Node 24 strips the types on load.
// First, so that every later import of drizzle-orm takes the short way (see the file).
await import('@procura/db/resolve-hook');
await import('../src/main.ts');

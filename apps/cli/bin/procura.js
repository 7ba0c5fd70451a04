#!/usr/bin/env node
// Procura is TypeScript run as-is (no build step): Node 24 strips the types on load.
await import('../src/main.ts');

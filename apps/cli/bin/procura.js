#!/usr/bin/env node
// Procura is TypeScript run as-is (no build step); tsx compiles it on load.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');

// Worker threads do not inherit tsx from the main thread: register it, then load the TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./sheet-worker.ts');

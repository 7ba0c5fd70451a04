// Rewrites the generated part of docs/statistics.md: `node apps/server/src/cockpit/metrics/write-doc.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import { docEnd, docStart, renderMetricsDoc } from './doc.ts';

const path = new URL('../../../../../docs/statistics.md', import.meta.url);
const text = readFileSync(path, 'utf8');
const start = text.indexOf(docStart);
const end = text.indexOf(docEnd);
if (start < 0 || end < 0) throw new Error('docs/statistics.md lacks the metrics markers');
writeFileSync(path, text.slice(0, start) + renderMetricsDoc() + text.slice(end + docEnd.length));

// Worker threads start without the parent's TypeScript loader: register tsx, then load the TypeScript entry
// named in workerData (see tabular.ts).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);

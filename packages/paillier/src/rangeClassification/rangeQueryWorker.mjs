// Worker entry: Node 20 workers do not inherit the parent's --import hooks, so register tsx
// here, then run the TypeScript worker.
import { register } from 'tsx/esm/api'

register()
await import('./rangeQueryWorker.ts')

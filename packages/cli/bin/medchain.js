#!/usr/bin/env node
// The `medchain` command: registers tsx's loader in this process and runs the TypeScript entry,
// so that signals (Ctrl+C stopping `medchain up`) reach the CLI directly, with no child process.
import { register } from 'tsx/esm/api'

register()
await import('../src/main.ts')

/** Where a CLI run reads and writes, so that tests can run commands in process and capture output. */
export type CliIo = {
  stdout: OutputStream
  stderr: OutputStream
  /** Read for hidden passphrase prompts, only when it is a TTY. */
  stdin?: InputStream | undefined
  env: Readonly<Record<string, string | undefined>>
  /** Base of relative paths; default process.cwd(). */
  cwd?: string | undefined
  /** Aborting it stops a long-running command (`up`); default: SIGINT or SIGTERM. */
  signal?: AbortSignal | undefined
}

export type OutputStream = { write(chunk: string): unknown; isTTY?: boolean | undefined }

export type InputStream = NodeJS.ReadableStream & { isTTY?: boolean | undefined; setRawMode?(mode: boolean): unknown }

/** Writes `line` and a newline. */
export function println(stream: OutputStream, line = ''): void {
  stream.write(`${line}\n`)
}

/** Left-aligned columns, two spaces apart, with a header row. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], indent = '  '): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)))
  const line = (cells: readonly string[]) =>
    `${indent}${cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')}`.trimEnd()
  return [line(header), ...rows.map(line)].join('\n')
}

/** JSON with bigints as decimal strings, for `--json` output. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)
}

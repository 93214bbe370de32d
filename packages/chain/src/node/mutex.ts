/** A FIFO async lock: the VM's state is one journal, so execution must never interleave. */
export class Mutex {
  #tail: Promise<void> = Promise.resolve()

  /** Runs `task` once every earlier task has finished. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task)
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    )
    return result
  }
}

import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createGroupCommit } from './groupCommit.ts'

describe('group commit', () => {
  it('merges callers that arrive during a flush into one group, results in order', async () => {
    const groups: number[][] = []
    const commit = createGroupCommit<number, number>({
      flush: async (items) => {
        groups.push(items)
        await new Promise((resolve) => setTimeout(resolve, 20))
        return items.map((item) => item * 10)
      },
    })
    const first = commit.add([1])
    const rest = [commit.add([2, 3]), commit.add([4])]
    assert.deepEqual(await first, [10])
    assert.deepEqual(await Promise.all(rest), [[20, 30], [40]])
    assert.deepEqual(groups, [[1], [2, 3, 4]])
  })

  it('fails every caller of a failed group and goes on with the next', async () => {
    let calls = 0
    const commit = createGroupCommit<string, string>({
      maxWaitMs: 5,
      flush: async (items) => {
        calls += 1
        if (calls === 1) throw new Error('anchor transaction reverted')
        return items
      },
    })
    const failed = [commit.add(['a']), commit.add(['b'])]
    for (const result of await Promise.allSettled(failed)) assert.equal(result.status, 'rejected')
    assert.deepEqual(await commit.add(['c']), ['c'])
  })

  it('caps a group at maxItems without splitting a caller', async () => {
    const groups: number[] = []
    const commit = createGroupCommit<number, number>({ maxItems: 3, maxWaitMs: 5, flush: async (items) => (groups.push(items.length), items) })
    await Promise.all([commit.add([1, 2]), commit.add([3, 4]), commit.add([5])])
    await commit.drain()
    assert.deepEqual(groups, [2, 3])
  })
})

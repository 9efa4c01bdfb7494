/**
 * The read-only open of the data folder (command-line export and import) sees exactly what the running
 * bot sees: snapshots plus the write-ahead log; and it writes nothing.
 */
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { Harness } from '../support/harness.js'
import { snapshot } from '../support/issues.js'
import { collectLedger, openFolderReadOnly, storeSource } from '../../src/export/ledger-source.js'

test('the folder source reads journaled issues and the roster as the live store holds them, and changes nothing', async () => {
  const h = await Harness.start({ now: '2026-11-02T10:00:00+08:00' })
  try {
    await h.say('张明华', '/登记 王大爷 13812345678 和平里3号楼 楼道灯坏了半个月', 'hpl')
    await h.say('刘芳', '/转办 HP-2026-0001 区房管局', 'hpl')
    await h.say('孙伟', '/登记 赵大姐 13698765432 小区门口积水', 'qyl')
    await h.app.idle()
    const before = snapshot(h.dir)
    // The steps are in the log, not (yet) in a snapshot: what a reader of the snapshots alone would miss.
    expect(readdirSync(path.join(h.dir, 'journal')).some((n) => /^\d+\.log$/.test(n))).toBe(true)
    const folder = await openFolderReadOnly(h.dir)
    expect(await folder.listPartitions('issues')).toEqual([
      { studioId: 'hpl', year: 2026 },
      { studioId: 'qyl', year: 2026 },
    ])
    const studios = ['hpl', 'qyl', 'xbl']
    const fromFolder = await collectLedger(storeSource(folder), studios, '2026-01-01', '2026-12-31')
    const live = await collectLedger(storeSource(h.store), studios, '2026-01-01', '2026-12-31')
    expect(fromFolder.issues.map((i) => [i.id, i.status])).toEqual([
      ['HP-2026-0001', 'transferred'],
      ['QY-2026-0001', 'registered'],
    ])
    expect(JSON.parse(JSON.stringify(fromFolder))).toEqual(JSON.parse(JSON.stringify(live)))
    expect(fromFolder.sessions.length).toBeGreaterThan(0)
    expect(snapshot(h.dir)).toEqual(before)
  } finally {
    await h.close()
  }
})

test("a read-only open that names its partitions keeps the log's records of those only", async () => {
  const h = await Harness.start({ now: '2026-11-02T10:00:00+08:00' })
  try {
    await h.say('张明华', '/登记 王大爷 13812345678 和平里3号楼 楼道灯坏了半个月', 'hpl')
    await h.say('孙伟', '/登记 赵大姐 13698765432 小区门口积水', 'qyl')
    await h.app.idle()
    const only = await openFolderReadOnly(h.dir, { studioIds: ['hpl'], from: '2026-01-01', to: '2026-12-31' })
    expect((await only.peekIssues('hpl', 2026)).map((i: { id: string }) => i.id)).toEqual(['HP-2026-0001'])
    // 七一's registration is only in the log, which this reader did not keep: it reads no such partition.
    expect(await only.peekIssues('qyl', 2026)).toEqual([])
    const all = await openFolderReadOnly(h.dir)
    expect((await all.peekIssues('qyl', 2026)).map((i: { id: string }) => i.id)).toEqual(['QY-2026-0001'])
  } finally {
    await h.close()
  }
})

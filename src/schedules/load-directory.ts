/**
 * The 花名册 applied beside the running bot (`npm run import -- 花名册.xlsx --apply` writes
 * `<data>/directory.json`): each due-check looks whether the file changed (one stat) and, if so, loads it,
 * so the new people count from that minute on, without a restart. Runs before planning, so the same
 * minute's plan re-staffs the seats of people who left. A file that does not read is logged once and
 * changes nothing (the directory stays as it was).
 */
import type { Job } from './job.js'

export const loadDirectoryJob: Job = {
  name: 'load-directory',
  async run(deps) {
    try {
      await deps.directoryImports.checkFile()
    } catch (e) {
      const message = String((e as Error).message ?? e)
      deps.log.once(`directory-file:${message}`, () => deps.log.error('imported directory not loaded', { error: e }))
    }
  },
}

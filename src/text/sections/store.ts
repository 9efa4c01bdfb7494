export const store = {
  corrupt: (file: string, detail: string) =>
    `数据文件损坏（不是有效的 JSON）：${file}：${detail}。请从备份恢复；程序不会覆盖它。`,
  unknownVersion: (file: string, version: string, known: number) =>
    `数据文件版本未知（${version}，本程序认识版本 ${known}）：${file}。请升级程序或从备份恢复；程序不会覆盖它。`,
  badShape: (file: string, where: string, detail: string) =>
    `数据文件结构不对：${file}：${where}：${detail}。请从备份恢复；程序不会覆盖它。`,
  corruptJournal: (file: string, line: number, detail: string) =>
    `数据日志文件第 ${line} 行损坏：${file}：${detail}。请从备份恢复（或把这个文件和备份一起交给技术人员）；程序不会覆盖它。`,
  badLine: '校验不符（内容残缺或被改动）',
  brokenAt: (at: number, size: number) => `第 ${at + 1} 个字符处内容不完整或有乱码（文件共 ${size} 个字符）`,
  truncated: (size: number) => (size === 0 ? '文件是空的' : `内容在结尾处中断（文件共 ${size} 个字符）`),
  refuseStart: '数据目录有问题，已停止启动：',
  locked: (dir: string, holder: string) =>
    `数据目录 ${dir} 正被另一个进程使用：${holder}。同一个数据目录同时只能有一个连心桥（或写数据的工具）在运行：请先停止它，或用 LXQ_DATA 另指一个目录。`,
  /** `since`: Beijing time, `2026-12-01 18:41`. */
  lockHolder: (pid: number, host: string, since: string, command: string) =>
    `进程 ${pid}（主机 ${host}，${since} 起，命令 ${command || '未知'}）`,
  lockUnknown: '无法确认占用者',
  /** The reply instead of a receipt when the change could not be saved. */
  notSaved: '⚠️ 没有保存成功：服务器写入数据失败（可能是磁盘满了）。刚才这条没有生效，也没有占用编号。请稍后再发一次，并告诉管理员。',
  /** Told privately to the admins, once per spell of failed writes. */
  adminWriteFailed: (code: string) =>
    `【连心桥故障】服务器写入数据失败（${code}），从现在起改动数据的命令都会回复“没有保存成功”。请尽快检查磁盘空间和数据目录；恢复后第一条改动就会正常保存，不必重启。`,
  check: {
    ok: (dir: string) => `数据目录 ${dir} 检查通过。`,
    summary: (files: number, records: number, partitions: number) => `快照文件 ${files} 个，数据记录（场次、换班请求、问题）${records} 条，分区 ${partitions} 个。`,
    torn: (file: string, line: number) => `注意：${file} 第 ${line} 行是一次中断的写入（从未回复过用户），启动时会跳过并截掉。`,
    failed: (dir: string) => `数据目录 ${dir} 有问题：`,
    usage: '用法：npm run check-data [-- 数据目录]（默认 LXQ_DATA 或 ./data）',
  },
}

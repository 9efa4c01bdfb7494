export const store = {
  corrupt: (file: string, detail: string) =>
    `数据文件损坏（不是有效的 JSON）：${file}：${detail}。请从备份恢复；程序不会覆盖它。`,
  unknownVersion: (file: string, version: string, known: number) =>
    `数据文件版本未知（${version}，本程序认识版本 ${known}）：${file}。请升级程序或从备份恢复；程序不会覆盖它。`,
  badShape: (file: string, where: string, detail: string) =>
    `数据文件结构不对：${file}：${where}：${detail}。请从备份恢复；程序不会覆盖它。`,
  corruptJournal: (file: string, line: number, detail: string) =>
    `数据日志文件第 ${line} 行损坏：${file}：${detail}。请从备份恢复；程序不会覆盖它。`,
  refuseStart: '数据目录有问题，已停止启动：',
}

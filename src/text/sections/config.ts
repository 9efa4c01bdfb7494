export const config = {
  invalidHeader: (file: string, n: number) => `配置文件 ${file} 有 ${n} 处错误，已停止启动：`,
  line: (where: string, line: number | undefined, message: string) =>
    line ? `  ${where}（第 ${line} 行）: ${message}` : `  ${where}: ${message}`,
  notFound: (file: string) =>
    `找不到配置文件 ${file}。请复制模板 config/example.yaml（cp config/example.yaml config/district.yaml），改成本区的工作室和人员，用 npm run check-config 检查；或设置 LXQ_CONFIG 指向配置文件。`,
  check: {
    invalidHeader: (file: string, n: number) => `配置文件 ${file} 有 ${n} 处错误：`,
    ok: (file: string, district: string, studios: number, people: number, reps: number, coordinators: number, admins: number) =>
      `配置文件 ${file} 检查通过：${district}，${studios} 个工作室，${people} 人（代表 ${reps}、联络员 ${coordinators}、管理员 ${admins}）。`,
    warningsHeader: (n: number) => `另有 ${n} 条提醒（不妨碍启动）：`,
    demoId: (where: string, line: number | undefined, v: string) =>
      line ? `  ${where}（第 ${line} 行）: ${v} 是演示网关的 id，正式环境里没有这个群或联系人；不知道时留空` : `  ${where}: ${v} 是演示网关的 id，正式环境里没有这个群或联系人；不知道时留空`,
    fastPacing: (line: number | undefined, min: number, max: number) =>
      `  bot.sendGapMs${line ? `（第 ${line} 行）` : ''}: [${min}, ${max}] 比正式使用建议的 [1000, 2000] 快，容易触发微信风控`,
    templateName: (line: number | undefined, name: string) => `  district.name${line ? `（第 ${line} 行）` : ''}: “${name}”还是模板里的名字，请改成本区区名`,
  },
  yamlSyntax: (message: string) => `YAML 语法错误：${message}`,
  required: '必填',
  badDate: (v: string) => `${v} 不是有效日期（应写作 2026-10-01）`,
  badDay: (v: string) => `${v} 不是有效日期`,
  badTime: (v: string) => `${v} 不是有效时间（应写作 18:00）`,
  badRule: (v: string) => `接待日规则“${v}”看不懂。可写：每月10日、25日；每月第二个周三；每月最后一个周五`,
  unknownStudio: (v: string) => `没有 id 为 ${v} 的工作室`,
  duplicateId: (v: string) => `id ${v} 重复`,
  duplicatePrefix: (v: string) => `编号前缀 ${v} 重复`,
  badPrefix: (v: string) => `编号前缀 ${v} 应为 2–3 个大写字母`,
  badId: (v: string) => `id ${v} 只能用小写字母、数字和连字符`,
  noCoordinator: (studio: string) => `工作室 ${studio} 没有联络员（roles 含 coordinator 的人员）`,
  tooFewReps: (studio: string, have: number, need: number) =>
    `工作室 ${studio} 只有 ${have} 名在任代表，少于每场所需的 ${need} 人`,
  generic: (message: string) => message,
}

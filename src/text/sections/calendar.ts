/**
 * The holiday calendar (节假日日历): the provisional calendar from the law for a year without the State
 * Council's notice, loading the notice (/放假安排 → /确认放假安排, npm run calendar), what follows from it
 * (moved sessions, recomputed deadlines), and the start-up comparison with chinese-days.
 * Dates arrive formatted (common.dateLong / dateShort).
 */

const STATUTORY = '元旦1天、春节4天（除夕至正月初三）、清明1天、劳动节2天（5月1日、2日）、端午1天、中秋1天、国庆3天（10月1日至3日）'

export const calendar = {
  cmd: {
    load: {
      summary: '载入国务院当年的放假安排通知（管理员，私聊）',
      usage: '/放假安排 [通知全文]',
      example: '/放假安排 国务院办公厅关于2027年部分节假日安排的通知……一、元旦：1月1日（周五）至3日（周日）放假，共3天。……',
      details:
        '把中国政府网上《国务院办公厅关于××年部分节假日安排的通知》的全文粘贴在命令后面；也可以先只发“/放假安排”，下一条消息再粘贴全文。' +
        '机器人逐日列出读到的放假日和调休上班日，核对无误后发 /确认放假安排 才会生效。',
    },
    confirm: {
      summary: '确认刚才读到的放假安排，立即生效（管理员，私聊）',
      usage: '/确认放假安排',
      example: '/确认放假安排',
      details: '生效后：未公告的接待日按新安排重排；已公告的场次如落在放假日，顺延到下一个工作日并在群里发“更正”；承办期限按新日历重算。',
    },
  },

  // ---- /放假安排 --------------------------------------------------------------------------------------
  askPaste: (minutes: number) => `请在下一条消息里粘贴国务院放假安排通知的全文（${minutes} 分钟内有效）。`,
  errors: {
    empty: '没有收到通知内容。请把国务院放假安排通知的全文粘贴在“/放假安排”后面，或下一条消息里。',
    noYear: '看不出这是哪一年的放假安排：通知里应有“关于2027年部分节假日安排”或“2027年元旦、春节……”这样的字样。请粘贴通知全文。',
    noItems: '没有找到“一、元旦：……”这样的逐项安排。请粘贴通知全文（包括各节日的条目）。',
    badLine: (line: number, text: string) => `第 ${line} 行读不懂，没有保存任何内容：\n${text}\n请检查这一行的日期和“放假”“上班”字样，改好后重新发送。`,
    badDate: (line: number, date: string) => `第 ${line} 行的日期“${date}”不存在，没有保存任何内容。`,
    weekdayMismatch: (line: number, date: string, weekday: string) => `第 ${line} 行：${date}不是${weekday}，没有保存任何内容。请核对通知原文。`,
    countMismatch: (line: number, said: number, counted: number) => `第 ${line} 行写“共${said}天”，但列出的放假日是 ${counted} 天，没有保存任何内容。请核对通知原文。`,
    both: (date: string) => `${date}既被写成放假又被写成上班，没有保存任何内容。请核对通知原文。`,
    otherYear: (line: number, date: string) => `第 ${line} 行的日期 ${date} 不在这份通知的年份附近，没有保存任何内容。`,
  },
  preview: (o: { year: number; items: { name: string; off: string[]; work: string[] }[]; offCount: number; workCount: number; current: string; changes: string[] }) =>
    [
      `读到 ${o.year} 年的放假安排：放假 ${o.offCount} 天，调休上班 ${o.workCount} 天。`,
      ...o.items.flatMap((it) => [`${it.name}`, `  放假：${it.off.length ? it.off.join('、') : '—'}`, ...(it.work.length ? [`  上班：${it.work.join('、')}`] : [])]),
      `机器人现在用的是：${o.current}。`,
      ...(o.changes.length ? ['确认后会有这些变化：', ...o.changes.map((c) => `· ${c}`)] : []),
      '核对无误请发 /确认放假安排（30 分钟内有效）；有误请不要确认，可重新发送 /放假安排。',
    ].join('\n'),
  changeOff: (dates: string[]) => `新增放假：${dates.join('、')}`,
  changeWork: (dates: string[]) => `调休上班：${dates.join('、')}`,
  changeNoLongerOff: (dates: string[]) => `不再放假：${dates.join('、')}`,
  changeSessions: (n: number) => `已公告的接待日有 ${n} 场落在放假日，将顺延到下一个工作日并在群里发更正`,
  sourceName: {
    notice: (year: number) => `已载入的${year}年国务院通知`,
    package: (year: number) => `chinese-days 收录的${year}年安排`,
    provisional: (year: number) => `${year}年临时日历（只有法定节假日和周末）`,
    weekends: (year: number) => `${year}年只按周末休息`,
  },

  // ---- /确认放假安排 ----------------------------------------------------------------------------------
  nothingPending: '没有待确认的放假安排。请先发“/放假安排”加通知全文，核对后再确认。',
  expired: '刚才读到的放假安排已超过 30 分钟，请重新发送 /放假安排。',
  confirmed: (o: { year: number; moved: number; added: number; dropped: number; deadlines: number }) =>
    [
      `已保存并启用 ${o.year} 年国务院放假安排，立即生效。`,
      o.moved ? `已公告的接待日：${o.moved} 场落在放假日，已顺延到下一个工作日并在群里发了更正。` : '已公告的接待日都不受影响。',
      o.added || o.dropped ? `未公告的接待日已按新安排重排：取消 ${o.dropped} 场，新排 ${o.added} 场。` : '未公告的接待日不受影响。',
      o.deadlines ? `承办期限按新日历重算：${o.deadlines} 件有变化，已告知相关联络员。` : '未办结问题的期限按新日历重算，没有变化。',
    ].join('\n'),

  // ---- what follows ------------------------------------------------------------------------------------
  movedReason: (to: string) => `按国务院放假安排该日放假，顺延到${to}`,
  movedNote: (from: string) => `由${from}顺延（国务院放假安排）`,
  movedPost: (o: { studio: string; from: string; to: string; time: string; place: string; duty: string }) =>
    [
      `【更正】${o.studio} 原定${o.from}的党代表接待日，按国务院放假安排该日放假，顺延到${o.to} ${o.time}。`,
      `地点：${o.place}`,
      `值班代表不变：${o.duty}`,
    ].join('\n'),
  movedToCoordinator: (o: { studio: string; from: string; to: string }) => `${o.studio}：原定${o.from}的接待日因国务院放假安排顺延到${o.to}，群里已发更正，值班代表不变。`,
  deadlineMoved: (o: { id: string; what: string; before: string; after: string }) => `${o.id} 的${o.what}按新的放假安排重算：${o.before} → ${o.after}。`,
  deadlineWhat: { transfer: '转办期限', answer: '承办期限' },
  recalendarEvent: (what: string, before: string, after: string) => `按新的国务院放假安排重算${what}：${before} → ${after}`,
  deadlinesHeader: (studio: string) => `${studio}：按新的国务院放假安排，以下问题的期限重算了：`,

  // ---- provisional years -------------------------------------------------------------------------------
  provisionalNote: (years: number[]) =>
    `注：${years.map((y) => `${y}年`).join('、')}的国务院放假安排还没有载入，暂按临时日历推算（${STATUTORY}，加周末；调休还不知道），日期可能还会调整。`,
  announcementNote: (year: number) => `（${year}年国务院放假安排尚未载入，本场按临时日历安排，如有调整将发更正。）`,
  gapWarning: (studio: string, year: number) =>
    [
      `【提醒】${studio}：机器人还没有${year}年的国务院放假安排。`,
      `${year}年的接待日暂按临时日历推算：${STATUTORY}，加周六、周日休息，再加配置里的 extraHolidays / extraWorkdays；调休上班日要等通知。`,
      '国务院公布通知后（通常在上一年 11 月），请管理员私聊机器人发“/放假安排”加通知全文，核对后发“/确认放假安排”，立即生效；也可在服务器上运行 npm run calendar -- import 通知.txt。',
    ].join('\n'),

  // ---- start-up comparison (to admins) -----------------------------------------------------------------
  packageDiffers: (o: { year: number; onlyNoticeOff: string[]; onlyPackageOff: string[]; onlyNoticeWork: string[]; onlyPackageWork: string[] }) =>
    [
      `【核对】chinese-days 现已收录${o.year}年的放假安排，与已确认载入的国务院通知不一致：`,
      ...(o.onlyNoticeOff.length ? [`只有通知放假：${o.onlyNoticeOff.join('、')}`] : []),
      ...(o.onlyPackageOff.length ? [`只有 chinese-days 放假：${o.onlyPackageOff.join('、')}`] : []),
      ...(o.onlyNoticeWork.length ? [`只有通知调休上班：${o.onlyNoticeWork.join('、')}`] : []),
      ...(o.onlyPackageWork.length ? [`只有 chinese-days 调休上班：${o.onlyPackageWork.join('、')}`] : []),
      '机器人继续按已确认的通知执行。如通知有更正，请重新发送 /放假安排。',
    ].join('\n'),

  /** The demo console: a bare /放假安排 collects the pasted notice, blank lines included. */
  demoPasteHint: '（演示：请粘贴通知全文，可以有空行；以一条 / 或 : 开头的行结束。）',

  // ---- npm run calendar ----------------------------------------------------------------------------------
  cli: {
    usage: [
      '用法：',
      '  npm run calendar -- parse 通知.txt [--json]   读通知，列出放假日和调休上班日（不改任何数据）',
      '  npm run calendar -- import 通知.txt           读通知并保存，机器人下次检查时（1 分钟内）生效',
      '  npm run calendar -- show 2027                 这一年机器人用的放假安排和来源',
      '  npm run calendar -- ics 和平里工作室 [--out 文件.ics]   接待日的 iCal 日历（工作室全部场次，或写代表姓名：本人的值班；已取消、已不值班的标为取消）',
    ].join('\n'),
    icsUnknown: (text: string) => `没有找到工作室或代表“${text}”。请写工作室名称、代表姓名或人员编号。`,
    icsAmbiguous: (text: string, list: string) => `“${text}”不止一个：${list}。请写人员编号。`,
    icsWritten: (file: string, n: number) => `已写入 ${file}（${n} 场接待日，北京时间）。`,
    badYear: (text: string) => `“${text}”不是年份，例：npm run calendar -- show 2027`,
    noFile: (file: string) => `读不到文件 ${file}`,
    parseError: (reason: string) => `没有读懂通知：${reason}`,
    imported: (year: number, off: number, work: number, file: string) =>
      `已保存 ${year} 年国务院放假安排（放假 ${off} 天，调休上班 ${work} 天）：${file}\n正在运行的机器人会在 1 分钟内载入并按它重排接待日。`,
    showHeader: (year: number, source: string) => `${year}年：${source}`,
    parseHeader: (year: number, off: number, work: number) => `${year}年国务院放假安排：放假 ${off} 天，调休上班 ${work} 天（只读，未保存）`,
    itemOff: (list: string) => `放假：${list}`,
    itemWork: (list: string) => `上班：${list}`,
    sourceNotice: (file: string, at: string, by: string) => `国务院通知（${at} 由 ${by} 确认，${file}）`,
    sourcePackage: (version: string) => `chinese-days ${version} 的数据`,
    sourceProvisional: `临时日历：按《全国年节及纪念日放假办法》的法定节假日（${STATUTORY}）加周末推算，调休未知`,
    sourceWeekends: '只按周末（超出农历表的年份）',
    offLine: (n: number, list: string) => `放假（周末以外 ${n} 天）：${list}`,
    workLine: (n: number, list: string) => `调休上班（${n} 天）：${list}`,
    extras: (holidays: string[], workdays: string[]) => `另加配置：extraHolidays ${holidays.length ? holidays.join('、') : '无'}；extraWorkdays ${workdays.length ? workdays.join('、') : '无'}`,
  },
}

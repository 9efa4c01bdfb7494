/**
 * Reception days and the duty roster (党代表接待日、驻室值班): the announcement three days ahead, its
 * correction, the calendar-gap warning, and the commands /接待日 /值班表 /我的值班 /日历 /排班.
 * Dates arrive already formatted (common.dateLong / dateShort); names, units and positions as stored.
 */

import { calendar } from './calendar.js'

/** The date forms people may type, as the replies list them. */
const DATE_FORMS = '12月10日、12/10、2026-12-10、12.10、下周三、本月25日'
const MONTH_FORMS = '2026年12月、12月、本月、下月'

export const roster = {
  // ---- help ------------------------------------------------------------------------------------------
  cmd: {
    next: {
      summary: '本工作室接下来的接待日和值班代表',
      usage: '/接待日 [工作室]',
      example: '/接待日',
      details: '在工作室群里直接发；私聊时默认是您所在的工作室，管理员可写上工作室名称，如“/接待日 和平里”。',
    },
    month: {
      summary: '某个月的值班表（默认本月）',
      usage: '/值班表 [月份] [工作室]',
      example: '/值班表 2026年12月',
      details: `月份可写：${MONTH_FORMS}。还没排到的月份会列出接待日期，标“待排班”。`,
    },
    mine: {
      summary: '我接下来的值班（私聊也能用）',
      usage: '/我的值班',
      example: '/我的值班',
    },
    calendar: {
      summary: '把值班日程发给您（iCal 日历文件，可导入手机日历）：代表是本人的值班，联络员是本工作室全部接待日',
      usage: '/日历',
      example: '/日历',
      details: '在群里发时，文件私聊发给您。时间均为北京时间（Asia/Shanghai）。',
    },
    set: {
      summary: '设置或调整某一场接待日的值班代表（联络员）',
      usage: '/排班 <日期> <代表1> [代表2] …',
      example: '/排班 12月10日 张明华 李秀兰',
      details: `日期可写：${DATE_FORMS}。代表写姓名、人员编号或 @ 本人。每次调整都会记录谁在何时改的；已公告的场次会在群里发更正。`,
    },
  },

  // ---- shared pieces ----------------------------------------------------------------------------------
  timeRange: (start: string, end: string) => `${start}–${end}`,
  person: (name: string, unit: string, position: string) => [name, [unit, position].filter(Boolean).join(' ')].filter(Boolean).join('　'),
  nameList: (names: string[]) => names.join('、'),
  /** Two people of one name: 张伟（卫健委）. */
  namesake: (name: string, qualifier: string) => `${name}（${qualifier}）`,
  namesakeId: (id: string) => `编号 ${id}`,
  tbd: '待定',
  cancelledTag: '（已取消）',
  notPlanned: '待排班',
  missing: (n: number) => `尚缺 ${n} 人`,
  // A year without the State Council's notice: the provisional calendar (text in the calendar section).
  yearUncovered: (years: number[]) => calendar.provisionalNote(years),

  // ---- the announcement (posted in the studio's group) --------------------------------------------------
  /** Its first words (a quoted reply to a post starting with them confirms the duty). */
  announcementTitle: '【党代表接待日公告】',
  announcement: (o: { studio: string; date: string; time: string; place: string; people: string[]; missing: number }) =>
    [
      `${roster.announcementTitle}${o.studio}`,
      `时间：${o.date} ${o.time}`,
      `地点：${o.place}`,
      '驻室接访代表：',
      ...o.people.map((p) => `· ${p}`),
      ...(o.missing > 0 ? [`· ${roster.tbd}（${roster.missing(o.missing)}，请联络员安排）`] : []),
      '欢迎党员群众前来反映意见建议。',
    ].join('\n'),
  correction: (o: { studio: string; date: string; time: string; before: string; after: string; added: string[]; removed: string[]; note?: string }) =>
    [
      `【更正】${o.studio} ${o.date} ${o.time} 接待日值班代表有调整：`,
      `原公告：${o.before}`,
      `现改为：${o.after}`,
      ...(o.added.length ? [`新增：${o.added.join('、')}`] : []),
      ...(o.removed.length ? [`不再值班：${o.removed.join('、')}`] : []),
      ...(o.note ? [`说明：${o.note}`] : []),
    ].join('\n'),
  nobody: '（暂无）',

  // ---- calendar gap warning (to coordinators) ----------------------------------------------------------
  calendarGap: (studio: string, year: number) => calendar.gapWarning(studio, year),
  /** The operator's log line when a planned year has no State Council notice yet. */
  calendarGapLog: (studio: string, year: number) => `${studio}：${year} 年还没有载入国务院放假通知，排班暂按法定节假日和周末推算（通知发布后用 /放假安排 载入）`,

  // ---- /接待日 -------------------------------------------------------------------------------------------
  nextHeader: (studio: string) => `${studio} · 接下来的接待日：`,
  nextNone: (studio: string) => `${studio} 近期没有排定的接待日。`,
  sessionLine: (date: string, time: string, duty: string, tag: string) => `${date} ${time}${tag}\n  值班：${duty}`,
  placeLine: (place: string) => `地点：${place}`,

  // ---- /值班表 -------------------------------------------------------------------------------------------
  monthHeader: (studio: string, year: number, month: number) => `${studio} · ${year}年${month}月值班表：`,
  monthNone: (studio: string, year: number, month: number) => `${studio} ${year}年${month}月没有接待日。`,
  badMonth: (text: string) => `看不懂月份“${text}”。可以写：${MONTH_FORMS}。例：/值班表 2026年12月`,
  impossibleMonth: (month: number) => `没有${month}月。可以写：${MONTH_FORMS}。`,

  // ---- /我的值班 -----------------------------------------------------------------------------------------
  mineHeader: (name: string) => `${name} 接下来的值班：`,
  mineNone: (name: string) => `${name} 近期没有值班安排。`,
  mineLine: (date: string, time: string, studio: string, partners: string) => `${date} ${time} ${studio}${partners ? `（同班：${partners}）` : ''}`,
  notRep: '您不是党代表，没有值班安排。发送 /我是谁 查看您的身份。',

  // ---- /日历 ---------------------------------------------------------------------------------------------
  calName: (who: string) => `${who} · 党代表接待日`,
  calFile: (who: string) => `${who}-接待日.ics`,
  calSummary: (studio: string) => `党代表接待日 · ${studio}`,
  calDescription: (duty: string) => `驻室接访代表：${duty}`,
  calCancelled: (summary: string) => `【已取消】${summary}`,
  calRemoved: (summary: string) => `【已不值班】${summary}`,
  calSent: (n: number) => `已把 ${n} 场接待日做成日历文件发给您，可用手机日历或电脑日历导入（北京时间）。`,
  calSentPrivately: (name: string) => `${name}，日历文件已私聊发给您。`,
  calNone: '目前没有可放进日历的值班安排。',
  calNoPerson: '我还不认识您，没法生成日历。发送 /我是谁 查看您的身份。',

  // ---- /排班 ---------------------------------------------------------------------------------------------
  setUsage: `用法：/排班 <日期> <代表1> [代表2] …\n例：/排班 12月10日 张明华 李秀兰\n日期可写：${DATE_FORMS}`,
  badDate: (text: string) => `看不懂日期“${text}”。可以写：${DATE_FORMS}。`,
  impossibleDate: (year: number | undefined, month: number, day: number) =>
    `没有${year ? `${year}年` : ''}${month}月${day}日这一天。日期可以写：${DATE_FORMS}。`,
  weekdayMismatch: (date: string, weekday: string) => `日期和星期对不上：${date}不是${weekday}。请核对后再发。`,
  pastDate: (date: string) => `${date}已经过去了，不能再排班。请写今天以后的日期，如：${DATE_FORMS}。`,
  noSession: (date: string, studio: string, upcoming: string) =>
    `${studio} ${date}没有接待日。${upcoming ? `近期接待日：${upcoming}。` : ''}请写接待日的日期，如：${DATE_FORMS}。`,
  sessionCancelled: (date: string) => `${date}的接待日已取消，不能排班。`,
  sessionOver: (date: string) => `${date}的接待日已经结束，值班记录不能再改。`,
  notRepOf: (name: string, studio: string) => `${name} 不是${studio}的在册党代表，不能排进值班。`,
  duplicate: (name: string) => `${name} 写了两次。`,
  tooMany: (required: number, given: number) => `这一场只需要 ${required} 位代表，您写了 ${given} 位。`,
  noNames: (required: number) => `请写上值班代表的姓名（这一场需要 ${required} 位）。`,
  unchanged: (date: string, duty: string) => `${date}的值班本来就是：${duty}，没有改动。`,
  setDone: (date: string, before: string, after: string) => `已调整 ${date} 的值班：${before} → ${after}。已记录调整人和时间。`,
  setCorrected: '这一场已经公告过，已在群里发了更正。',
  setGap: (n: number) => `这一场还缺 ${n} 人（不得空岗），请尽快补齐。`,
  staleDuty: '刚才这一场的值班已被别人改过，请发 /接待日 看最新安排后再试。',
}

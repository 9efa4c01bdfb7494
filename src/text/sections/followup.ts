/**
 * Weekly follow-ups, statistics, ledgers and each representative's record (issue #7): /统计, /导出台账,
 * /履职, the weekly post in each studio group (每周跟进, 催办), the district summary to the liaison office
 * (督办), deadline reminders to coordinators, the Excel ledger's sheets and headers, and the command-line
 * export and 花名册 import. Dates arrive formatted; figures as numbers.
 */

import { PERIOD_EXAMPLES } from '../../domain/stats/period.js'
import type { RepRecord } from '../../domain/stats/rep-record.js'

/** The counts of a representative's record that /履职 shows as they are. */
type RepCounts = Pick<RepRecord, 'onDuty' | 'attended' | 'backfilled' | 'missed' | 'unrecorded' | 'covered' | 'gave' | 'swapped' | 'registered' | 'registeredClosed' | 'registeredOpen' | 'receivedOnDuty'>

/** The period forms the help and the refusals name: generated from the parser's own examples. */
const PERIOD_FORMS = PERIOD_EXAMPLES.join('、')

interface RateLike {
  num: number
  den: number
}

/** 66.7%, 100%, 0% (one decimal, no trailing .0). */
const percent = (num: number, den: number): string => `${String(Math.round((num / den) * 1000) / 10)}%`

/** “75%（9/12）”, or “—（0/0）” when nothing to count. */
const rate = (r: RateLike): string => (r.den === 0 ? '—（0/0）' : `${percent(r.num, r.den)}（${r.num}/${r.den}）`)

/** 6.4 (one decimal, no trailing .0), or — . */
const mean = (sum: number, count: number): string => (count === 0 ? '—' : String(Math.round((sum / count) * 10) / 10))

const stage = { registered: '待转办', transferred: '承办中', answered: '待回访评价', rated: '待归档' } as Record<string, string>

const grades = { 优秀: '优秀', 称职: '称职', 基本称职: '基本称职', 不称职: '不称职', 记录不足: '暂无（还没有可考评的记录）' } as Record<string, string>

/** The 花名册's columns, as the README states them. */
const IMPORT_COLUMNS = '表头须有“姓名”“工作室”两列，另可有单位、职务、层级、手机、角色（顺序不限，多余的列忽略；没有的列保留名册里原来的内容，没有“角色”列时不改任何人的角色）。'

export const followup = {
  // ---- help ------------------------------------------------------------------------------------------
  cmd: {
    stats: {
      summary: '统计报表：受理、办结、结案率、满意率、接待场次和人次，按类别和承办单位分列',
      usage: '/统计 [期间] [全区|工作室]',
      example: '/统计 本季度',
      details:
        `期间可写：${PERIOD_FORMS}（默认本月）。联络员看本工作室；联络室管理员默认看全区，也可写工作室名称。` +
        '每个比率都写明分子和分母；没有数据时显示“—（0/0）”。结案＝已归档或当场办结；满意率＝（满意＋基本满意）÷已评价，另列“满意”占比。',
    },
    export: {
      summary: '导出台账（Excel）：问题台账、接待场次与签到、换班记录、统计、一人一档，私聊发给您',
      usage: '/导出台账 [期间] [全区|工作室]',
      example: '/导出台账 2026年',
      details: `期间可写：${PERIOD_FORMS}（默认本年）。台账含群众完整信息，只私聊发给联络员和联络室管理员，请妥善保管，不要转发到群里。`,
    },
    record: {
      summary: '履职档案：值班、签到、代班换班、登记问题及办理结果，年度考评建议',
      usage: '/履职 [姓名] [期间]',
      example: '/履职 张明华 2026年',
      details:
        `期间可写：${PERIOD_FORMS}（默认本年）。代表查看本人的；联络员查看本工作室代表的，不写姓名列出全部；联络室管理员可查看所有人。` +
        '档案私聊发送。考评等次是按积分规则算出的建议，仅供参考，以组织考评为准。',
    },
  },

  // ---- shared pieces ------------------------------------------------------------------------------------
  rate,
  percent,
  mean,
  stage,
  grades,
  districtTitle: (name: string) => `${name}（全区）`,
  periodLabel: (p:
    | { kind: 'month'; year: number; month: number }
    | { kind: 'quarter'; year: number; quarter: number }
    | { kind: 'half'; year: number; half: 1 | 2 }
    | { kind: 'year'; year: number }
    | { kind: 'months'; from: { year: number; month: number }; to: { year: number; month: number } }
    | { kind: 'days'; from: string; to: string }): string => {
    switch (p.kind) {
      case 'month':
        return `${p.year}年${p.month}月`
      case 'quarter':
        return `${p.year}年第${'一二三四'[p.quarter - 1]}季度`
      case 'half':
        return `${p.year}年${p.half === 1 ? '上' : '下'}半年`
      case 'year':
        return `${p.year}年`
      case 'months':
        return p.from.year === p.to.year
          ? p.from.month === p.to.month
            ? `${p.from.year}年${p.from.month}月`
            : `${p.from.year}年${p.from.month}月—${p.to.month}月`
          : `${p.from.year}年${p.from.month}月—${p.to.year}年${p.to.month}月`
      case 'days':
        return p.from === p.to ? p.from : `${p.from}至${p.to}`
    }
  },
  badPeriod: (text: string) => `看不懂期间“${text}”。可以写：${PERIOD_FORMS}。`,
  impossiblePeriod: (text: string) => `“${text}”不是有效的期间（月份 1–12，季度一至四）。可以写：${PERIOD_FORMS}。`,
  reversedPeriod: (text: string) => `“${text}”的起止顺序反了，请把较早的写在前面，如：2026-01至2026-06。`,
  futurePeriod: (text: string) => `“${text}”还没有到，没有可统计的记录。可以写本月、今年、上季度，或截至今天的期间。`,
  tooLongPeriod: (text: string, years: number, example: string) =>
    `“${text}”超过了 ${years} 年。统计和台账一次最多 ${years} 年，如最近 ${years} 年：${example}；更早的请分段查询。`,
  districtWords: ['全区', '全区汇总', '全部'],
  /** What may stand alone between the two ends of a period typed with blanks: 2026-01 至 2026-06. */
  rangeWords: ['至', '到', '~', '～', '—', '–', '-'],
  districtAdminOnly: '全区统计只有联络室管理员可以查看。联络员请直接发 /统计 查看本工作室。',
  otherStudio: (studio: string) => `您只能查看本工作室的数据，不能查看${studio}。`,
  needStudioOrDistrict: '请写工作室名称或“全区”，如：/统计 本月 和平里工作室。',

  // ---- /统计 ---------------------------------------------------------------------------------------------
  stats: (o: {
    title: string
    period: string
    asOf: string
    received: number
    withdrawn: number
    onTheSpot: number
    transferred: number
    closed: number
    open: number
    overdue: number
    closure: RateLike
    satisfaction: RateLike
    strict: RateLike
    response: RateLike
    respondWithin: number
    solved: RateLike
    ratings: { 满意: number; 基本满意: number; 不满意: number }
    answerDays: { sum: number; count: number }
    sessionsHeld: number
    sessionsCancelled: number
    sessionsFull: RateLike
    sessionsCheckedIn: RateLike
    visits: number
    byCategory: string[]
    byDepartment: string[]
    byStudio: string[]
    /** Lines left out for length (the district's reply): said, and where they are. */
    categoriesMore?: number
    departmentsMore?: number
  }) =>
    [
      `【统计】${o.title} · ${o.period}（截至 ${o.asOf}）`,
      `受理群众反映问题 ${o.received} 件${o.withdrawn ? `（另有撤销的登记 ${o.withdrawn} 件，不计入）` : ''}`,
      `　当场答复 ${o.onTheSpot} 件，转办 ${o.transferred} 件`,
      `结案 ${o.closed} 件，结案率 ${rate(o.closure)}`,
      `未结 ${o.open} 件，其中超期 ${o.overdue} 件`,
      `满意率 ${rate(o.satisfaction)}；其中“满意” ${rate(o.strict)}`,
      `　评价：满意 ${o.ratings.满意}，基本满意 ${o.ratings.基本满意}，不满意 ${o.ratings.不满意}`,
      `响应率 ${rate(o.response)}（转办后 ${o.respondWithin} 个工作日内签收）；解决率 ${rate(o.solved)}（回访答“已解决”÷答了是否解决）`,
      `平均答复用时 ${mean(o.answerDays.sum, o.answerDays.count)} 个工作日（${o.answerDays.count} 件有答复）`,
      `接待日 ${o.sessionsHeld} 场${o.sessionsCancelled ? `（另取消 ${o.sessionsCancelled} 场）` : ''}，满员 ${rate(o.sessionsFull)}，签到齐全 ${rate(o.sessionsCheckedIn)}`,
      `接待群众 ${o.visits} 人次`,
      ...(o.byStudio.length ? ['按工作室：', ...o.byStudio] : []),
      ...(o.byCategory.length || o.categoriesMore ? ['按类别：', ...o.byCategory, ...(o.categoriesMore ? [`　……另有 ${o.categoriesMore} 类，见台账“统计”表`] : [])] : []),
      ...(o.byDepartment.length || o.departmentsMore ? ['按承办单位：', ...o.byDepartment, ...(o.departmentsMore ? [`　……另有 ${o.departmentsMore} 个承办单位，见台账“统计”表`] : [])] : []),
      '注：结案＝已归档或当场办结；满意率＝（满意＋基本满意）÷已评价；接待人次＝接待日由这一场的值班代表登记的问题（每件一人次）。',
    ].join('\n'),
  /** /统计 全区, second message: the studios that need attention; the full table is in the ledger. */
  statsAttention: (o: { period: string; studios: number; lines: string[]; more: number; floor: number; ledger: string }) =>
    [
      o.lines.length
        ? `【需要关注的工作室】${o.period}：${o.lines.length + o.more} 个（共 ${o.studios} 个；有超期未结的问题，或满意率低于 ${o.floor}%；超期最多的在前）`
        : `【需要关注的工作室】${o.period}：没有。${o.studios} 个工作室都没有超期未结的问题，满意率都不低于 ${o.floor}%。`,
      ...o.lines,
      ...(o.more ? [`……另有 ${o.more} 个。`] : []),
      `每个工作室的受理、结案率、满意率、超期和接待日都在台账的“统计”表（按工作室）里：发送 ${o.ledger}，台账私聊发给您。`,
    ].join('\n'),
  attentionLine: (name: string, overdue: number, received: number, closure: RateLike, satisfaction: RateLike) =>
    `· ${name}：超期 ${overdue} 件；受理 ${received} 件，结案率 ${rate(closure)}，满意率 ${rate(satisfaction)}`,
  ledgerCommand: (period: string) => `/导出台账 ${period} 全区`,
  categoryLine: (name: string, received: number, closure: RateLike, satisfaction: RateLike) =>
    `· ${name}：${received} 件，结案率 ${rate(closure)}，满意率 ${rate(satisfaction)}`,
  departmentLine: (name: string, transferred: number, overdue: number, closure: RateLike, satisfaction: RateLike, days: { sum: number; count: number }, response?: RateLike, solved?: RateLike) =>
    `· ${name}：转办 ${transferred} 件，${response ? `响应率 ${rate(response)}，` : ''}结案率 ${rate(closure)}，超期 ${overdue} 件，${solved ? `解决率 ${rate(solved)}，` : ''}满意率 ${rate(satisfaction)}，平均答复 ${mean(days.sum, days.count)} 个工作日`,
  studioLine: (name: string, received: number, closure: RateLike, satisfaction: RateLike, overdue: number, held: number) =>
    `· ${name}：受理 ${received} 件，结案率 ${rate(closure)}，满意率 ${rate(satisfaction)}，超期 ${overdue} 件，接待日 ${held} 场`,

  // ---- /导出台账 -------------------------------------------------------------------------------------------
  exportFile: (title: string, period: string) => `台账-${title}-${period}.xlsx`.replace(/[\\/:*?"<>|\s]+/gu, '_'),
  exportSent: (title: string, period: string, issues: number, sessions: number, reps: number) =>
    `${title} ${period} 台账已生成：问题 ${issues} 件，接待日 ${sessions} 场，代表 ${reps} 人（一人一档各一张表）。\n文件含群众个人信息，请妥善保管，不要转发到群里。`,
  exportSentPrivately: (name: string) => `${name}，台账含群众个人信息，已私聊发给您。`,
  exportFailed: '台账没有生成成功（已记录，管理员可查看日志）。请稍后再试；期间很长时可以分段导出，如：/导出台账 本年。',
  exportFailedData: (why: string) => `台账没有生成成功：数据文件有问题。\n${why}\n请告知管理员检查数据目录（npm run check-data）。`,

  // ---- /履职 ---------------------------------------------------------------------------------------------
  record: (
    o: RepCounts & {
      name: string
      unit: string
      studio: string
      inactive: boolean
      period: string
      satisfaction: RateLike
      duties: string[]
      evaluation?: { points: number; terms: string[]; grade: string; yearToDate: boolean }
      evaluationNote?: string
    },
  ) =>
    [
      `【履职档案】${o.name}（${[o.unit, o.studio].filter(Boolean).join('，')}）${o.inactive ? '【已不在册】' : ''} · ${o.period}`,
      `值班 ${o.onDuty} 场：签到 ${o.attended}${o.backfilled ? `（其中补签 ${o.backfilled}）` : ''}，缺席 ${o.missed}，未记录签到 ${o.unrecorded}`,
      `代班/顶班 ${o.covered} 次，请人代班 ${o.gave} 次，互换 ${o.swapped} 次`,
      `登记群众反映问题 ${o.registered} 件：已结案 ${o.registeredClosed}，未结 ${o.registeredOpen}，满意率 ${rate(o.satisfaction)}`,
      `值班日接待群众 ${o.receivedOnDuty} 人次`,
      ...(o.duties.length ? ['值班明细：', ...o.duties] : []),
      ...(o.evaluation
        ? [
            `年度考评建议：${o.evaluation.grade}（积分 ${o.evaluation.points}：${o.evaluation.terms.join('，')}）${o.evaluation.yearToDate ? '（本年尚未结束，按截至今天的记录计算）' : ''}`,
            '以上等次是按积分规则算出的建议，仅供参考，以组织考评为准。',
          ]
        : []),
      ...(o.evaluationNote ? [o.evaluationNote] : []),
    ].join('\n'),
  dutyLine: (date: string, studio: string, mark: string) => `· ${date} ${studio} ${mark}`,
  dutyMark: { attended: '已签到', backfilled: '补签', missed: '缺席', unrecorded: '未记录签到' } as Record<string, string>,
  /** A 补签 in a list of duties: when it was recorded. */
  backfilledMark: (recorded: string) => `补签（${recorded} 登记）`,
  /** A name in the ledger's list of who checked in, when it was a 补签. */
  backfilledName: (name: string, recorded: string) => `${name}（补签，${recorded} 登记）`,
  term: {
    perSessionAttended: (n: number, each: number) => `签到 ${n}×${each}`,
    perSessionMissed: (n: number, each: number) => `缺席 ${n}×${each}`,
    perSwapCovered: (n: number, each: number) => `代班 ${n}×${each}`,
    perIssueRegistered: (n: number, each: number) => `登记 ${n}×${each}`,
    perIssueClosed: (n: number, each: number) => `结案 ${n}×${each}`,
  } as Record<string, (n: number, each: number) => string>,
  evaluationOnlyYearly: (year: number) => `考评建议按整年计算，请发：/履职 姓名 ${year}年`,
  overviewHeader: (studio: string, period: string) => `【履职一览】${studio} · ${period}`,
  overviewLine: (name: string, onDuty: number, attended: number, covered: number, registered: number, grade?: string, points?: number) =>
    `· ${name}：值班 ${onDuty}，签到 ${attended}，代班 ${covered}，登记 ${registered}${grade ? `；建议 ${grade}（${points} 分）` : ''}`,
  overviewFooter: '发送“/履职 姓名”查看某位代表的详细档案。考评等次为建议，仅供参考。',
  overviewNone: (studio: string) => `${studio}没有在册的党代表。`,
  onlyOwnRecord: '代表只能查看本人的履职档案。发送 /履职 即可。',
  notARep: (name: string) => `${name} 不是党代表，没有履职档案。`,
  recordNeedsName: '请写代表姓名或工作室名称，如：/履职 张明华，或 /履职 和平里工作室。',
  recordSentPrivately: (name: string) => `${name}，履职档案已私聊发给您。`,
  noPerson: (q: string) => `名册里没有“${q}”（含已不在册的代表）。请写姓名或人员编号。`,

  // ---- the weekly follow-up (studio group) -------------------------------------------------------------
  weekly: (o: {
    studio: string
    week: string
    sessions: string[]
    gaps: string[]
    open: number
    byStage: Record<string, number>
    overdue: string[]
    overdueMore: number
    calendarGap?: string
  }) =>
    [
      `【每周跟进】${o.studio} · ${o.week}`,
      ...(o.sessions.length ? ['本周接待日：', ...o.sessions] : ['本周没有接待日。']),
      ...(o.gaps.length ? ['缺岗提醒（不得空岗，请尽快安排）：', ...o.gaps] : []),
      o.open
        ? `待办问题 ${o.open} 件：${Object.keys(stage).map((k) => `${stage[k]} ${o.byStage[k] ?? 0}`).join('，')}`
        : '没有待办的群众反映问题。',
      ...(o.overdue.length
        ? [
            `超期问题 ${o.overdue.length + o.overdueMore} 件（催办），请联络员督促办理：`,
            ...o.overdue,
            ...(o.overdueMore ? [`……另有 ${o.overdueMore} 件，发送 /待办 查看全部。`] : []),
          ]
        : []),
      ...(o.calendarGap ? [o.calendarGap] : []),
    ].join('\n'),
  weekRange: (from: string, to: string) => `${from}—${to}`,
  weeklySession: (date: string, time: string, duty: string) => `· ${date} ${time}　值班：${duty}`,
  weeklyGap: (date: string, time: string, missing: number) => `· ${date} ${time} 尚缺 ${missing} 人`,
  overdueLine: (id: string, who: string, content: string, where: string, days: number, escalated: boolean) =>
    `· ${id} ${who}：${content}\n  ${where}，已超期 ${days} 个工作日${escalated ? '（已报联络室督办）' : ''}`,
  whereRegistered: (due: string) => `待转办（转办期限 ${due}）`,
  whereTransferred: (department: string, due: string) => `${department}承办（答复期限 ${due}）`,

  // ---- the district summary (liaison office) -----------------------------------------------------------
  district: {
    header: (district: string, week: string) => `【督办·全区每周汇总】${district} · ${week}`,
    totals: (studios: number, open: number, overdue: number, escalated: number, year: number, received: number, closure: RateLike, satisfaction: RateLike) =>
      `全区 ${studios} 个工作室：待办 ${open}，超期 ${overdue}，督办 ${escalated}；${year}年受理 ${received} 件，结案率 ${rate(closure)}，满意率 ${rate(satisfaction)}`,
    studiosHeader: '各工作室（超期最多的在前）：',
    behindHeader: (n: number) => `有超期的工作室 ${n} 个（超期最多的在前）：`,
    moreStudios: (n: number) => `……另有 ${n} 个有超期的工作室。`,
    restFine: (n: number, ledger: string) => `${n ? `其余 ${n} 个工作室没有超期问题。` : ''}每个工作室的完整数字见台账的“统计”表：管理员私聊发送 ${ledger}。`,
    studioLine: (name: string, open: number, overdue: number, escalated: number, year: number, received: number, closure: RateLike, satisfaction: RateLike) =>
      `· ${name}：待办 ${open}，超期 ${overdue}，督办 ${escalated}；${year}年受理 ${received} 件，结案率 ${rate(closure)}，满意率 ${rate(satisfaction)}`,
    escalatedHeader: (n: number, limit: number) => `【通报】督办问题（超期超过 ${limit} 个工作日，已报联络室督办）${n} 件：`,
    escalatedLine: (id: string, studio: string, who: string, content: string, where: string, days: number) =>
      `· ${id} ${studio} ${who}：${content}\n  ${where}，已超期 ${days} 个工作日`,
    more: (n: number) => `……另有 ${n} 件，请用 /导出台账 查看全部。`,
    none: (limit: number) => `本周没有超期超过 ${limit} 个工作日的问题。`,
  },
  escalationDigest: {
    header: (date: string, limit: number, n: number) => `【督办】${date} 新增超期超过 ${limit} 个工作日的问题 ${n} 件：`,
    footer: '全区汇总每周一发出；各件详情请联络员 /查询 <编号>。',
  },

  // ---- deadline reminders (coordinator, private, one digest a day) -------------------------------------
  remind: (o: { id: string; studio: string; who: string; content: string; registered: boolean; department?: string; due: string; left: number }) =>
    [
      `${o.id}（${o.studio}）${o.who}：${o.content}`,
      o.registered
        ? `转办期限 ${o.due}，${o.left === 0 ? '今天到期' : `还剩 ${o.left} 个工作日`}。请尽快转办：/转办 ${o.id} <承办单位>`
        : `${o.department ?? ''}承办，答复期限 ${o.due}，${o.left === 0 ? '今天到期' : `还剩 ${o.left} 个工作日`}。已向承办单位催办（工单页面上可见），请督促按期答复；确需延期请发：/延期 ${o.id} <工作日数> <理由>`,
    ].join('\n'),
  remindDigest: {
    header: (date: string) => `【到期提醒】${date}`,
    dueHeader: (n: number) => `即将到期 ${n} 件：`,
    overdueHeader: (n: number) => `已超期 ${n} 件（超期最久的在前）：`,
    overdueLine: (id: string, studio: string, who: string, where: string, days: number) => `· ${id}（${studio}）${who}：${where}，已超期 ${days} 个工作日`,
    more: (n: number) => `……另有 ${n} 件。`,
    footer: '发送 /待办 查看本工作室全部未结问题。',
  },

  // ---- the Excel ledger ----------------------------------------------------------------------------------
  sheet: {
    issues: '问题台账',
    sessions: '接待场次与签到',
    swaps: '换班记录',
    stats: '统计',
  },
  issueColumns: [
    '编号', '工作室', '登记日期', '登记人', '值班代表', '群众姓名', '联系电话', '住址', '反映内容', '类别', '类别为推测',
    '状态', '承办单位', '转办日期', '答复期限', '延期', '办理次数', '答复', '评价', '评价意见', '回访记录', '结案', '结案日期',
    '超期工作日', '归档或撤销说明', '办理过程',
  ],
  sessionColumns: ['日期', '星期', '时间', '工作室', '地点', '应到人数', '值班代表', '已签到', '未签到', '情况', '说明', '接待群众（人次）'],
  swapColumns: ['调整时间', '工作室', '场次日期', '类型', '调整前', '调整后', '操作人', '说明'],
  statsColumns: ['指标', '数值', '分子', '分母', '说明'],
  categoryColumns: ['类别', '受理', '结案', '结案率', '已评价', '满意'],
  departmentColumns: ['承办单位', '转办', '已答复', '结案', '超期', '结案率', '满意率', '平均答复用时（工作日）'],
  studioColumns: ['工作室', '受理', '结案', '结案率', '满意率', '超期', '接待日', '接待人次'],
  dutyColumns: ['日期', '工作室', '签到情况'],
  repIssueColumns: ['编号', '登记日期', '类别', '状态', '评价'],
  yes: '是',
  no: '否',
  sessionState: { held: '已举行', cancelled: '已取消', coming: '未举行' } as Record<string, string>,
  changeKind: {
    planned: '排班', set: '联络员排班', leave: '请假', substitute: '代班', swap: '换班', volunteer: '顶班', force: '调班', cancel: '取消', restaff: '重新排班', takeback: '销假',
  } as Record<string, string>,
  answerCell: (round: number, when: string, by: string, text: string, onTheSpot: boolean) => `第${round}次 ${when} ${by}${onTheSpot ? '（当场）' : ''}：${text}`,
  contactCell: (when: string, by: string, reached: boolean, note: string) => `${when} ${by} ${reached ? '联系上' : '未联系上'}：${note}`,
  sectionByCategory: '按类别',
  sectionByDepartment: '按承办单位',
  sectionByStudio: '按工作室',
  statsTitle: (title: string, period: string, asOf: string) => `${title} · ${period}（截至 ${asOf}）`,
  statRows: {
    received: ['受理问题（件）', '登记日期在期间内，不含撤销'],
    withdrawn: ['撤销的登记（件）', '不计入受理'],
    onTheSpot: ['当场答复（件）', ''],
    transferred: ['转办（件）', ''],
    answered: ['已答复（件）', ''],
    closed: ['结案（件）', '已归档或当场办结'],
    open: ['未结（件）', ''],
    overdue: ['超期未结（件）', '超过工作日期限仍未办结'],
    closure: ['结案率', '结案 ÷ 受理'],
    satisfaction: ['满意率', '（满意＋基本满意）÷ 已评价'],
    strict: ['其中“满意”占比', '满意 ÷ 已评价'],
    answerDays: ['平均答复用时（工作日）', '登记到首次答复（不含当场答复）'],
    sessionsHeld: ['接待日（场）', '已举行，不含取消'],
    sessionsFull: ['满员场次', '值班人数达到应到人数'],
    sessionsCheckedIn: ['签到齐全场次', '签到人数达到应到人数'],
    visits: ['接待群众（人次）', '接待日由这一场的值班代表登记的问题'],
  } as Record<string, [string, string]>,
  repSheet: {
    fields: ['姓名', '单位', '职务', '层级', '工作室', '在册', '期间'],
    figures: {
      onDuty: '值班（场）',
      attended: '签到（场）',
      backfilled: '其中补签（场）',
      missed: '缺席（场）',
      unrecorded: '未记录签到（场）',
      covered: '代班/顶班（次）',
      gave: '请人代班（次）',
      swapped: '互换（次）',
      registered: '登记问题（件）',
      registeredClosed: '其中已结案（件）',
      satisfaction: '登记问题满意率',
      receivedOnDuty: '值班日接待群众（人次）',
      points: '积分',
      grade: '年度考评建议（仅供参考）',
    } as Record<string, string>,
    sectionFigures: '履职情况',
    sectionDuties: '值班明细',
    sectionIssues: '登记的问题',
    notYearly: '按整年计算',
  },

  // ---- command line: export ------------------------------------------------------------------------------
  cli: {
    exportUsage:
      `用法：npm run export -- [期间] [--studio 工作室] [--out 文件.xlsx]\n期间可写：${PERIOD_FORMS}（默认本年）；不写 --studio 导出全区。\n` +
      '使用与 npm start 相同的配置和数据目录（LXQ_CONFIG、LXQ_DATA）。',
    exportDone: (file: string, issues: number, sessions: number, reps: number) => `已导出：${file}（问题 ${issues} 件，接待日 ${sessions} 场，代表 ${reps} 人）。文件含群众个人信息，请妥善保管。`,
    unknownOption: (opt: string) => `不认识的参数：${opt}`,
    missingValue: (opt: string) => `${opt} 后面要写值。`,
    dataError: (file: string, reason: string) => `数据文件读不了：${file}（${reason}）。请先检查数据目录。`,

    // ---- import ----
    importUsage:
      '用法：npm run import -- 花名册.xlsx [--apply]\n先不加 --apply 试运行，看清会有哪些变动；确认无误再加 --apply 写入。\n' +
      `${IMPORT_COLUMNS}\n写入后正在运行的机器人 1 分钟内载入，不用重启；管理员也可以把 xlsx 私聊发给机器人，核对后回复 /确认导入。`,
    noFile: (file: string) => `找不到文件：${file}`,
    notXlsx: (file: string, reason: string) => `读不了 ${file}：${reason}。请用 Excel 另存为 .xlsx 后再试。`,
    header: (file: string, sheet: string, rows: number) => `花名册：${file}（工作表“${sheet}”，${rows} 行数据）`,
    errorsHeader: (n: number) => `发现 ${n} 处错误，请改正后重新导入（有错误时不会写入任何内容）：`,
    warningsHeader: '请注意：',
    changesHeader: '将有以下变动：',
    added: (name: string, studio: string, roles: string, id: string) => `+ 新增 ${name}（${studio}，${roles}，编号 ${id}）`,
    updated: (name: string, id: string, fields: string) => `~ 修改 ${name}（${id}）：${fields}`,
    fieldChange: (field: string, before: string, after: string) => `${field} ${before || '（空）'} → ${after || '（空）'}`,
    reactivated: (name: string, id: string) => `↑ 恢复在册 ${name}（${id}）`,
    deactivated: (name: string, id: string, reason = '有值班或登记记录') => `- 标记为不在册 ${name}（${id}）：${reason}，保留档案，不删除`,
    /** What a person's record holds, for the reason they are kept (不在册, never deleted). */
    historyReason: (o: { duties: number; changes: number; swaps: number; issues: number; checkIns: number }) =>
      [o.duties && `值班 ${o.duties} 场`, o.checkIns && `签到 ${o.checkIns} 次`, o.changes && `调整值班 ${o.changes} 次`, o.swaps && `换班请求 ${o.swaps} 个`, o.issues && `问题记录 ${o.issues} 件`].filter(Boolean).join('、') || '有记录',
    sectionAdded: (n: number) => `新增 ${n} 人：`,
    sectionUpdated: (n: number) => `修改 ${n} 人：`,
    sectionReactivated: (n: number) => `恢复在册 ${n} 人：`,
    sectionDeactivated: (n: number) => `不在册 ${n} 人（有记录，保留档案）：`,
    sectionRemoved: (n: number) => `删除 ${n} 人（没有任何记录）：`,
    skipped: (rows: string) => `已跳过第 ${rows} 行（合计、制表人、备注或重复的表头，不是人员）。`,
    removed: (name: string, id: string) => `- 删除 ${name}（${id}）：花名册里没有，也没有任何记录`,
    unchanged: (n: number) => `未变动 ${n} 人。`,
    noChanges: '没有变动。',
    dryRun: '这是试运行，什么都没有写入。确认无误后加 --apply 再运行一次。',
    blocked: '有错误，没有写入。',
    applied: (file: string) => `已写入 ${file}。正在运行的机器人 1 分钟内载入新名册，不用重启。`,
    fieldNames: { name: '姓名', unit: '单位', position: '职务', level: '层级', phone: '手机', studioId: '工作室', roles: '角色', active: '在册' } as Record<string, string>,
    columns: { name: '姓名', unit: '单位', position: '职务', level: '层级', phone: '手机', studio: '工作室', roles: '角色' } as Record<string, string>,
    /** Other headers offices use for the same columns. */
    columnAliases: {
      name: ['姓名', '代表姓名', '名字'],
      unit: ['单位', '工作单位', '单位名称', '所在单位'],
      position: ['职务', '职位', '现任职务'],
      level: ['层级', '代表层级', '级别', '代表级别'],
      phone: ['手机', '手机号', '手机号码', '电话', '联系电话', '移动电话', '联系方式'],
      studio: ['工作室', '所属工作室', '所在工作室', '工作室名称', '党代表工作室', '所属党代表工作室', '工作站', '所属工作站', '工作站名称'],
      roles: ['角色', '身份', '人员类别'],
    } as Record<string, string[]>,
    roleWords: {
      representative: ['党代表', '代表'],
      coordinator: ['联络员'],
      admin: ['管理员', '联络室', '联络室管理员'],
    } as Record<string, string[]>,
    roleNames: { representative: '党代表', coordinator: '联络员', admin: '管理员' } as Record<string, string>,
    yesNo: (b: boolean) => (b ? '在册' : '不在册'),
    error: {
      'sheet.empty': () => '表格是空的。',
      'header.missing': (p: Record<string, string | number>) => `第 ${p.row} 行：找不到“${p.column}”列（也可写作：${p.also}）。${IMPORT_COLUMNS}`,
      'row.ambiguous-person': (p: Record<string, string | number>) => `第 ${p.row} 行“${p.column}”列：名册里有 ${p.n} 位 ${p.value}（${p.units}），这一行的手机和单位都对不上，分不清是哪一位。请写上手机或单位。`,
      'cell.required': (p: Record<string, string | number>) => `第 ${p.row} 行“${p.column}”列：不能为空。`,
      'cell.bad-level': (p: Record<string, string | number>) => `第 ${p.row} 行“${p.column}”列：“${p.value}”不是层级，应为 市级、区级 或 镇级。`,
      'cell.bad-phone': (p: Record<string, string | number>) => `第 ${p.row} 行“${p.column}”列：“${p.value}”不是 11 位手机号。`,
      'cell.unknown-studio': (p: Record<string, string | number>) => `第 ${p.row} 行“${p.column}”列：没有“${p.value}”这个工作室（现有：${p.known}）。`,
      'cell.ambiguous-studio': (p: Record<string, string | number>) => `第 ${p.row} 行“${p.column}”列：“${p.value}”可能是 ${p.candidates}，请写全称。`,
      'cell.bad-role': (p: Record<string, string | number>) => `第 ${p.row} 行“${p.column}”列：“${p.value}”不是角色，应为 党代表、联络员 或 管理员（可写多个，用“、”隔开）。`,
      'cell.studio-required': (p: Record<string, string | number>) => `第 ${p.row} 行“${p.column}”列：党代表和联络员必须写所在工作室。`,
      'row.duplicate': (p: Record<string, string | number>) => `第 ${p.row} 行“${p.column}”列：${p.value} 与第 ${p.first} 行重复。`,
      'cell.too-long': (p: Record<string, string | number>) => `第 ${p.row} 行“${p.column}”列：太长（最多 ${p.max} 字）。`,
    } as Record<string, (p: Record<string, string | number>) => string>,
    warning: {
      noCoordinator: (studio: string) => `${studio}没有在册的联络员。`,
      tooFewReps: (studio: string, reps: number, need: number) => `${studio}在册党代表只有 ${reps} 人，每场接待需要 ${need} 人。`,
    },
  },
}

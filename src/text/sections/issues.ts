/**
 * Constituents' issues (群众反映的问题): /登记 and the lifecycle commands. Functions take values already
 * masked or not by the caller (a group only ever gets masked ones).
 */
import { echoTyped } from '../../domain/privacy/echo-typed.js'

type P = Record<string, string | number> | undefined
const v = (p: P, k: string): string => String(p?.[k] ?? '')
/** A param that quotes what was typed: never a constituent's digits (src/domain/privacy/echo-typed.ts). */
const q = (p: P, k: string): string => echoTyped(v(p, k))

const ID = 'HP-2026-0001'
/**
 * A phone for examples: obviously not a constituent's (a public service number). The group gate
 * (src/domain/privacy/mask-group-text.ts) lets exactly this number through, so examples stay readable.
 */
const PHONE = '13800138000'
/**
 * A constituent's multi-line text inside a receipt or record: its later lines are indented, so a pasted
 * line such as `值班代表：钱敏` reads as part of the 诉求, never as a field of the receipt.
 */
const block = (s: string): string => s.split('\n').join('\n　　')

const idHint = `问题编号形如 ${ID}（工作室前缀-年份-序号）`

const fieldName: Record<string, string> = {
  name: '姓名',
  phone: '电话',
  address: '地址',
  content: '诉求',
  category: '类别',
  department: '承办单位',
  answer: '答复',
  comment: '意见',
  reason: '理由',
  note: '说明',
}

export const issues = {
  // ---- help ------------------------------------------------------------------------------------------
  cmd: {
    register: {
      summary: '登记群众反映的问题，回复问题编号（党代表、联络员）',
      usage: '/登记 <姓名> [电话] [地址] <诉求>，或 /登记 后换行粘贴登记表',
      example: `/登记 王大爷 ${PHONE} 和平里3号楼 楼道灯坏了半个月`,
      details: [
        '一行写：姓名在前，电话写在哪里都行，地址可省略，其余是诉求。',
        '也可以粘贴登记表，每项一行，冒号全角半角都行，顺序随意：',
        '  /登记',
        '  姓名：王大爷',
        `  电话：${PHONE}`,
        '  地址：和平里3号楼',
        '  诉求：楼道灯坏了半个月',
        '  类别：物业管理（可省略，按关键词推测）',
        '当场就答复了的，加一行“当场答复：……”，问题登记后直接办结。',
        '登记后 10 分钟内登记人可以 /更正 或 /撤销；群里只显示“王某、138****8000”。',
      ].join('\n'),
    },
    transfer: {
      summary: '把问题转办给承办单位，按工作日计算期限（联络员）',
      usage: `/转办 <编号> <承办单位> [工作日数]`,
      example: `/转办 ${ID} 区房管局`,
      details: '期限不写时为 30 个工作日（节假日、调休按国务院安排计算）。承办单位须是配置里的单位，写不全时会提示最接近的名称。',
    },
    answer: {
      summary: '记录承办单位或代表的答复（联络员、登记人）',
      usage: '/答复 <编号> <答复内容>',
      example: `/答复 ${ID} 物业已于12月12日更换楼道灯`,
      details: '答复后请回访群众，用 /反馈 记录评价；联系不上时用 /联系 记录。',
    },
    feedback: {
      summary: '记录群众对答复的评价：满意、基本满意、不满意（联络员、登记人）',
      usage: '/反馈 <编号> 满意|基本满意|不满意 [意见]',
      example: `/反馈 ${ID} 不满意 灯修了又坏了`,
      details: '“不满意”会让问题重新办理（第二次办理），重新计算期限。',
    },
    extend: {
      summary: '延长承办期限，每次办理只能延期一次，最多 15 个工作日（联络员）',
      usage: '/延期 <编号> <工作日数> <理由>',
      example: `/延期 ${ID} 10 需协调供电公司施工`,
      details: '只有已转办、还没答复的问题能延期，须在期限到之前申请；群众不满意重新办理时，新一轮可以再延期一次。',
    },
    contact: {
      summary: '记录一次回访群众（联系上或未联系上）（联络员、登记人）',
      usage: '/联系 <编号> 联系上|未联系上 <说明>',
      example: `/联系 ${ID} 未联系上 12月20日、22日两次电话无人接听`,
      details: '答复后多次联系不上群众，记录后可以用 /归档 <编号> <理由> 归档。',
    },
    archive: {
      summary: '把已答复并已评价的问题归档（联络员）',
      usage: '/归档 <编号> [理由]',
      example: `/归档 ${ID}`,
      details: '须已答复并已评价；若答复后联系不上群众，须先用 /联系 记录，并写明归档理由。',
    },
    query: {
      summary: '查看一个问题的登记表和办理经过（群里只显示部分信息）',
      usage: '/查询 <编号>',
      example: `/查询 ${ID}`,
      details: '完整的群众姓名、电话、地址只在联络员、管理员私聊机器人时显示。',
    },
    mine: {
      summary: '列出我登记的问题和各自进度',
      usage: '/我的登记',
      example: '/我的登记',
      details: '列出今年登记的和往年还没办结的，新的在前，最多 20 条；查看详情用 /查询 <编号>。',
    },
    todo: {
      summary: '列出等我处理的问题，按期限排列（联络员）',
      usage: '/待办',
      example: '/待办',
      details: '包括待转办、承办中（含超期）、待回访、待归档的问题。',
    },
    correct: {
      summary: '更正登记内容（登记人 10 分钟内；之后由联络员写明理由）',
      usage: '/更正 <编号> <项目>：<新内容> …',
      example: `/更正 ${ID} 电话：${PHONE}`,
      details: [
        '可更正：姓名、电话、地址、诉求、类别、承办单位，可一次写几项，每项一行或用空格隔开。',
        '电话写“无”表示删除电话。',
        '超过时限后只有联络员可以更正，并须写“理由：……”；联络员更正类别、承办单位不需要理由。',
      ].join('\n'),
    },
    withdraw: {
      summary: '撤销一条登记（登记人 10 分钟内；之后由联络员写明理由）',
      usage: '/撤销 <编号> [理由]',
      example: `/撤销 ${ID} 重复登记`,
      details: '撤销的问题仍保留记录（可 /查询），不再列入待办。',
    },
  },

  // ---- vocabulary people type ------------------------------------------------------------------------
  words: {
    solved: ['已解决', '解决了', '已经解决'],
    unsolved: ['未解决', '没解决', '没有解决', '未能解决'],
    reached: ['联系上', '已联系上', '已联系', '联系到', '已联系到', '已回访'],
    notReached: ['未联系上', '没联系上', '联系不上', '未联系到', '没联系到', '无人接听', '未接通', '空号', '关机'],
    dayUnits: ['个工作日', '工作日', '天', '日', '个工作天'],
    clear: ['无', '没有', '不详', '删除', '-'],
    fields: {
      name: ['姓名', '名字', '反映人'],
      phone: ['联系电话', '联系方式', '电话', '手机'],
      address: ['地址', '住址'],
      content: ['诉求', '内容', '问题'],
      category: ['类别', '分类'],
      department: ['承办单位', '单位'],
      reason: ['理由', '原因'],
    } as Record<string, string[]>,
  },

  // ---- status and labels -----------------------------------------------------------------------------
  status: {
    registered: '待转办',
    transferred: '承办中',
    answered: '已答复，待回访评价',
    rated: '已评价，待归档',
    archived: '已归档',
    closed_on_spot: '当场答复，已办结',
    withdrawn: '已撤销',
  } as Record<string, string>,
  fieldName,
  system: '系统',
  statusWith: (status: string, department: string) => `${status}（${department}）`,
  stamp: (y: number | undefined, m: number, d: number, hm: string) => `${y ? `${y}年` : ''}${m}月${d}日 ${hm}`,
  guessed: '（按关键词推测）',

  // ---- replies -------------------------------------------------------------------------------------
  registered: (o: {
    id: string
    who: string
    address?: string
    content: string
    category: string
    guessed: boolean
    /** The session's duty representatives; none on a day without a session. */
    duty?: string
    transferBy?: string
    onTheSpot?: string
    correctionMinutes: number
  }) =>
    [
      o.onTheSpot !== undefined ? `已登记并当场答复办结：${o.id}` : `已登记：${o.id}`,
      `群众：${o.who}`,
      o.address ? `地址：${o.address}` : undefined,
      `诉求：${block(o.content)}`,
      o.guessed ? `类别：${o.category}（按关键词推测，不对请发：/更正 ${o.id} 类别：<类别>）` : `类别：${o.category}`,
      o.duty ? `值班代表：${o.duty}` : '今天没有接待日：这条登记不记为接待日接待。',
      o.onTheSpot !== undefined ? `当场答复：${block(o.onTheSpot)}` : undefined,
      o.onTheSpot !== undefined
        ? undefined
        : `下一步：联络员在 ${o.transferBy}前转办（/转办 ${o.id} <承办单位>），或直接 /答复。`,
      `群众可凭编号 ${o.id} 查询进度。登记人 ${o.correctionMinutes} 分钟内可 /更正 或 /撤销。`,
    ]
      .filter((l) => l !== undefined)
      .join('\n'),
  transferred: (id: string, department: string, days: number, deadline: string) =>
    `${id} 已转办 ${department}，办理期限 ${days} 个工作日，请于 ${deadline}前答复。\n答复后请发：/答复 ${id} <答复内容>`,
  provisionalDeadline: (year: number) => `（${year}年国务院放假安排还没有载入，期限按临时日历推算；载入后按新日历重算。）`,
  departmentResolved: (typed: string, full: string) => `（“${typed}”按“${full}”处理）`,
  answered: (id: string, round: number) =>
    `已记录 ${id} 的答复${round > 1 ? `（第 ${round} 次办理）` : ''}。请回访群众后发：/反馈 ${id} 满意|基本满意|不满意`,
  rated: (id: string, rating: string) => `已记录 ${id} 的评价：${rating}。联络员可发 /归档 ${id} 归档。`,
  reopened: (id: string, round: number, department: string | undefined, due: string) =>
    department
      ? `已记录 ${id} 的评价：不满意。问题重新交 ${department} 办理（第 ${round} 次办理），请于 ${due}前答复。`
      : `已记录 ${id} 的评价：不满意。问题重新办理（第 ${round} 次办理），请联络员在 ${due}前转办或答复。`,
  extended: (id: string, days: number, deadline: string) => `${id} 已延期 ${days} 个工作日，新期限 ${deadline}。本次办理不能再延期。`,
  contacted: (id: string, reached: boolean) =>
    reached
      ? `已记录对 ${id} 的回访（已联系上）。请发 /反馈 ${id} <评价> 记录群众评价。`
      : `已记录对 ${id} 的回访（未联系上）。多次联系不上时，联络员可发 /归档 ${id} <理由> 归档。`,
  archived: (id: string) => `${id} 已归档。`,
  corrected: (id: string, fields: string) => `已更正 ${id}：${fields}。`,
  withdrawn: (id: string) => `${id} 已撤销。`,

  // ---- the record (/查询) --------------------------------------------------------------------------
  record: (o: {
    id: string
    status: string
    studio: string
    date: string
    registrar: string
    /** The session's duty representatives; none when registered on a day without a session. */
    duty?: string
    who: string
    address?: string
    content: string
    category: string
    department?: string
    due?: string
    dueLabel?: string
    answers: string[]
    feedback?: string
    history: string[]
    masked: boolean
  }) =>
    [
      `${o.id} · ${o.status}`,
      `登记：${o.date} ${o.studio}，登记人 ${o.registrar}，${o.duty ? `值班代表 ${o.duty}` : '非接待日登记（不算接待日接待）'}`,
      `群众：${o.who}`,
      o.address ? `地址：${o.address}` : undefined,
      `诉求：${block(o.content)}`,
      `类别：${o.category}`,
      o.department ? `承办单位：${o.department}` : undefined,
      o.due ? `${o.dueLabel ?? '期限'}：${o.due}` : undefined,
      ...o.answers,
      o.feedback ? `评价：${o.feedback}` : undefined,
      '办理经过：',
      ...o.history.map((h) => `  ${h}`),
      o.masked ? '（群众信息已隐去部分内容；完整记录请联络员私聊机器人查询。）' : undefined,
    ]
      .filter((l) => l !== undefined)
      .join('\n'),
  answerLine: (round: number, when: string, by: string, text: string, onTheSpot: boolean) =>
    `${onTheSpot ? '当场答复' : '答复'}（第 ${round} 次办理，${when} ${by}）：${block(text)}`,
  feedbackLine: (rating: string, round: number, comment?: string, solved?: boolean) =>
    `${solved === undefined ? '' : solved ? '已解决，' : '未解决，'}${rating}（第 ${round} 次办理）${comment ? `，意见：${comment}` : ''}`,
  dueLine: (date: string, left: number) => (left > 0 ? `${date}，还剩 ${left} 个工作日` : left === 0 ? `${date}，今天到期` : `${date}，已超期 ${-left} 个工作日`),
  dueLabel: { registered: '转办期限', transferred: '答复期限' } as Record<string, string>,
  byRegistrar: (name: string) => `${name}（登记人）`,
  event: {
    register: '登记',
    on_the_spot: '当场答复，办结',
    transfer: (department: string, days: number, deadline: string) => `转办 ${department}，${days} 个工作日，至 ${deadline}`,
    answer: (round: number) => `答复（第 ${round} 次办理）`,
    feedback: (rating: string, comment?: string, solved?: boolean) => `评价：${solved === undefined ? '' : solved ? '已解决，' : '未解决，'}${rating}${comment ? `（${comment}）` : ''}`,
    // Only a department signs or sends back (by its work-order page): it is already named as who did it.
    sign: '签收',
    returned: (reason: string) => `退单，理由：${reason}`,
    extendRequest: (days: number, reason: string) => `申请延期 ${days} 个工作日，理由：${reason}`,
    extendDecline: (reason?: string) => `不同意延期${reason ? `，理由：${reason}` : ''}`,
    urge: (level: 'yellow' | 'red') => (level === 'yellow' ? '催办' : '督办'),
    reopened: (round: number, due: string) => `重新办理（第 ${round} 次），至 ${due}`,
    extend: (days: number, deadline: string, reason: string) => `延期 ${days} 个工作日，至 ${deadline}，理由：${reason}`,
    contact: (reached: boolean, note?: string) => `回访：${reached ? '联系上' : '未联系上'}${note ? `（${note}）` : ''}`,
    archive: (reason?: string) => `归档${reason ? `，理由：${reason}` : ''}`,
    correct: (fields: string, reason?: string) => `更正：${fields}${reason ? `，理由：${reason}` : ''}`,
    withdraw: (reason?: string) => `撤销${reason ? `，理由：${reason}` : ''}`,
    both: (a: string, b: string) => `${a}；${b}`,
  },
  eventLine: (when: string, by: string, what: string) => `${when} ${by} ${what}`,

  // ---- lists (/我的登记, /待办) ------------------------------------------------------------------------
  listLine: (id: string, who: string, content: string, state: string) => `${id} ${who}：${content}\n  ${state}`,
  stateLine: {
    registered: (due: string) => `待转办，${due}前`,
    transferred: (department: string, due: string) => `${department} 承办中，${due}前答复`,
    answered: '已答复，待回访评价',
    rated: (rating: string) => `已评价（${rating}），待归档`,
    final: (status: string) => status,
    overdue: (n: number) => `【已超期 ${n} 个工作日】`,
    left: (n: number) => (n === 0 ? '【今天到期】' : `【还剩 ${n} 个工作日】`),
  },
  mineHeader: (n: number) => `您登记的问题（${n} 件）：`,
  mineNone: '您还没有登记过问题。登记：/登记 <姓名> [电话] [地址] <诉求>',
  todoHeader: (studio: string, n: number) => `${studio} 待办（${n} 件，按期限排列）：`,
  todoNone: (studio: string) => `${studio} 没有待办的问题。`,
  more: (n: number) => `……还有 ${n} 件未列出。`,

  // ---- refusals ------------------------------------------------------------------------------------
  noId: (usage: string, example: string) => `请写问题编号。用法：${usage}\n例如：${example}`,
  noAnswerText: (usage: string, example: string) => `请在编号后面写答复内容。用法：${usage}\n例如：${example}`,
  badId: (typed: string) => `“${echoTyped(typed)}”不是问题编号。${idHint}。`,
  notFound: (id: string) => `没有找到问题 ${id}。请核对编号（${idHint}），或发 /我的登记 查看。`,
  otherStudio: (id: string) => `${id} 不是本工作室登记的问题，您不能查看或办理。`,
  notHandler: (cmd: string) => `“/${cmd}”只有本工作室联络员或这条问题的登记人可以使用。`,
  windowOver: (cmd: string, minutes: number) =>
    `登记已超过 ${minutes} 分钟，登记人不能再“/${cmd}”。请联系联络员，由联络员写明理由后处理。`,
  needReason: (cmd: string, example: string) => `超过更正时限或不是本人登记的，“/${cmd}”须写明理由。例如：${example}`,
  intake: {
    empty_intake: (_p: P) => `请写上群众姓名和反映的问题。例如：/登记 王大爷 ${PHONE} 和平里3号楼 楼道灯坏了半个月`,
    too_long: (p: P) => `登记内容太长（${v(p, 'length')} 字，最多 ${v(p, 'max')} 字）。请只写要点，材料可线下留存。`,
    bad_phone: (_p: P) => `电话号码位数不对（手机 11 位；座机写区号和 7–8 位号码）。请核对；没有电话可以不写。`,
    too_many_phones: (p: P) => `电话一栏写了 ${v(p, 'count')} 个号码，请只写一个。`,
    missing_name: (_p: P) => `请在最前面写上群众姓名（不愿留名可写“匿名”）。例如：/登记 王大爷 ${PHONE} 楼道灯坏了`,
    bad_name: (p: P) => `姓名不能含数字，最多 ${v(p, 'max')} 个字。`,
    empty_content: (_p: P) => `请写上群众反映的问题（诉求）。例如：/登记 王大爷 ${PHONE} 楼道灯坏了半个月`,
    unknown_category: (p: P) => `没有“${q(p, 'value')}”这个类别。可选：${v(p, 'choices')}`,
    empty_answer: (_p: P) => `“当场答复：”后面请写答复内容；没有当场答复就删去这一行。`,
    bad_prefix: (p: P) => `工作室的编号前缀“${v(p, 'prefix')}”须为 2–3 个大写字母，请管理员修改配置文件。`,
    bad_seq: (_p: P) => '编号分配出错，请联系管理员。',
  } as Record<string, (p: P) => string>,
  action: {
    not_found: (_p: P) => `没有找到这个问题。${idHint}。`,
    duplicate_message: (_p: P) => '这条消息已经处理过了。',
    already_archived: (_p: P) => '这个问题已归档，不能再办理。',
    already_withdrawn: (_p: P) => '这个问题已撤销，不能再办理。',
    already_closed: (_p: P) => '这个问题已当场答复办结，不能再办理（只能 /更正 或 /撤销）。',
    already_transferred: (p: P) => `这个问题已转办给 ${v(p, 'department')}。要改承办单位请用 /更正 <编号> 承办单位：<单位>。`,
    already_answered: (_p: P) => '这个问题已经答复，请先回访群众并 /反馈 评价。',
    already_rated: (_p: P) => '这个问题已经评价，可以 /归档 了。',
    empty_department: (_p: P) => '请写承办单位。',
    bad_working_days: (p: P) => `工作日数“${q(p, 'value')}”不对，应为 ${v(p, 'min')} 到 ${v(p, 'max')} 之间的整数。`,
    empty_answer: (_p: P) => '请写答复内容。',
    too_long: (p: P) => `${fieldName[v(p, 'field')] ?? v(p, 'field')}太长，最多 ${v(p, 'max')} 字。`,
    rate_before_answer: (_p: P) => '这个问题还没有答复，不能评价。请先 /答复。',
    bad_rating: (p: P) => `评价“${q(p, 'value')}”不对，只能是：满意、基本满意、不满意。`,
    extend_before_transfer: (_p: P) => '这个问题还没有转办，没有期限可延。',
    extension_too_long: (p: P) => `延期最多 ${v(p, 'max')} 个工作日（您写了 ${q(p, 'value')}）。`,
    extension_needs_reason: (_p: P) => '延期须写明理由。例如：/延期 HP-2026-0001 10 需协调供电公司施工',
    second_extension: (p: P) => `本次办理已延期过一次（期限 ${v(p, 'deadline')}），不能再延期。`,
    extension_after_deadline: (p: P) => `期限 ${v(p, 'deadline')} 已过，不能再延期，请督促承办单位答复。`,
    empty_note: (_p: P) => '请写回访说明，例如：12月20日、22日两次电话无人接听。',
    archive_before_answer: (_p: P) => '这个问题还没有答复，不能归档。',
    archive_before_feedback: (_p: P) =>
      '这个问题还没有群众评价，不能归档。请先 /反馈 记录评价；联系不上群众时先用 /联系 <编号> 未联系上 <说明> 记录。',
    archive_needs_reason: (_p: P) => '没有群众评价的归档须写明理由，例如：/归档 HP-2026-0001 两次回访均未联系上',
    nothing_to_correct: (_p: P) => '没有要更正的内容（新内容与原来相同）。',
    missing_name: (_p: P) => '姓名不能为空。',
    bad_name: (p: P) => `姓名不能含数字，最多 ${v(p, 'max')} 个字。`,
    bad_phone: (_p: P) => `电话号码位数不对（手机 11 位；座机写区号和 7–8 位号码）。删除电话请写“电话：无”。`,
    empty_content: (_p: P) => '诉求不能为空。',
    empty_category: (_p: P) => '类别不能为空。',
    department_before_transfer: (_p: P) => '这个问题还没有转办，没有承办单位可改。请用 /转办。',
    nothing_due: (_p: P) => '这个问题现在没有待办的期限（已答复或已办结），不需要催办。',
    not_with_department: (_p: P) => '这个问题现在不在本单位办理中（已答复、已退单或已改转其他单位），不能再操作。',
    already_signed: (p: P) => `${v(p, 'department')} 已经签收过这个问题。`,
    return_needs_reason: (_p: P) => '退单须写明理由，例如：不属于本单位职责，应由区城管委办理。',
    second_extension_request: (_p: P) => '本次办理已经申请过一次延期，不能再申请。',
    no_extension_request: (_p: P) => '承办单位没有待审批的延期申请。',
  } as Record<string, (p: P) => string>,
  unknownDepartment: (typed: string, near: string) => `没有承办单位“${echoTyped(typed)}”。${near}`,
  nearDepartments: (list: string) => `您是不是想写：${list}？`,
  allDepartments: (list: string) => `可选：${list}`,
  unknownCategory: (typed: string, list: string) => `没有“${echoTyped(typed)}”这个类别。可选：${list}`,
  badRating: (typed: string) => `评价只能是：满意、基本满意、不满意（您写的是“${echoTyped(typed)}”）。例如：/反馈 ${ID} 满意`,
  badContact: `请写“联系上”或“未联系上”和说明。例如：/联系 ${ID} 未联系上 两次电话无人接听`,
  badDays: (typed: string) => `“${echoTyped(typed)}”不是工作日数，请写数字，例如：/延期 ${ID} 10 需协调供电公司施工`,
  demoFormHint: '（粘贴或逐行输入登记表，如“姓名：王大爷”；输入空行发送）',
  correctWithReason: `/更正 ${ID} 电话：${PHONE} 理由：群众来电更正号码`,
  correctFormat: `请写要更正的项目和新内容，例如：/更正 ${ID} 电话：${PHONE}（可更正：姓名、电话、地址、诉求、类别、承办单位）`,
}

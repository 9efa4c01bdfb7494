/**
 * Realistic-looking synthetic people, places and complaints for the benchmark and the chaos suite.
 * Deterministic: every generator takes a seeded random source, so two runs produce the same data.
 */

/** mulberry32: a small, fast, seedable PRNG (0 ≤ x < 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]
export const int = (r: () => number, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1))

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const GIVEN = '秀英华明丽军静敏强磊洋艳勇杰娟涛超霞平刚桂兰芳玉红建国志春梅海燕文斌林辉鹏凤云德成玲宇浩婷晓东亮娜雪飞琴淑珍荣波'
const ELDER = ['大爷', '大妈', '阿姨', '师傅', '老师', '女士', '先生']

export function personName(r: () => number): string {
  const s = pick(r, [...SURNAMES])
  return r() < 0.35 ? s + pick(r, [...GIVEN]) : s + pick(r, [...GIVEN]) + pick(r, [...GIVEN])
}

/** How a constituent is written on the form: a full name, or "王大爷". */
export function constituentName(r: () => number): string {
  return r() < 0.3 ? pick(r, [...SURNAMES]) + pick(r, ELDER) : personName(r)
}

export function mobile(r: () => number): string {
  return pick(r, ['130', '131', '132', '135', '136', '137', '138', '139', '150', '151', '152', '155', '158', '159', '166', '176', '177', '180', '181', '186', '187', '188', '189', '199']) + String(int(r, 0, 99_999_999)).padStart(8, '0')
}

const PLACE_A = ['和平', '胜利', '建设', '新华', '人民', '解放', '光明', '幸福', '友谊', '团结', '红旗', '朝阳', '向阳', '长安', '文化', '兴华', '育才', '春华', '金桥', '东风', '七一', '五一', '滨江', '河东', '西湖', '南开', '北辰', '桃园', '梅江', '柳林']
const PLACE_B = ['里', '路', '街', '苑', '园', '新村', '花园', '家园', '北里', '南里', '东里', '西里']
/** 360 distinct community names (和平里, 胜利新村, …). */
export const COMMUNITIES: readonly string[] = PLACE_A.flatMap((a) => PLACE_B.map((b) => a + b))

export function address(r: () => number, community: string): string {
  const kind = r()
  if (kind < 0.55) return `${community}${int(r, 1, 40)}号楼${int(r, 1, 6)}单元${int(r, 1, 18)}0${int(r, 1, 4)}`
  if (kind < 0.8) return `${community}小区${int(r, 1, 30)}栋${int(r, 1, 4)}单元`
  return `${pick(r, PLACE_A)}路${int(r, 1, 300)}号`
}

/** Complaints by category: a few templates each, with parts filled from small lists. */
const CONTENT: Record<string, string[]> = {
  市容环境: ['小区门口垃圾堆放多日无人清运，夏天气味很大', '楼下早市占道经营，早上车辆无法通行', '路边违章搭建的棚子影响通行，希望拆除', '绿化带里的树枝折断悬在人行道上，存在安全隐患', '小区附近夜市油烟扰民，晚上无法开窗'],
  物业管理: ['楼道灯坏了半个月，物业一直没人来修', '电梯经常停运，老人上下楼非常困难', '物业费年年涨但服务不见改善，希望公开收支', '地下车库漏水严重，车辆被泡', '单元门禁损坏，陌生人随意进出'],
  社会保障: ['退休金调整后少发了两个月，希望核实', '低保申请交了材料三个月没有回音', '灵活就业人员医保缴费渠道不清楚，希望有人指导', '残疾人补贴停发了，不知道原因', '高龄津贴没有按时到账'],
  医疗卫生: ['社区卫生服务站周末不开门，老人看病不方便', '家庭医生签约后一直联系不上医生', '希望社区卫生站增加慢性病药品种类', '门诊挂号难，希望增加预约号源', '小区附近药店价格偏高'],
  教育: ['孩子入学划片不合理，离家太远', '学校门口放学时段交通拥堵，存在安全隐患', '课后服务收费标准不清楚', '幼儿园学位紧张，报名排不上', '学校周边小摊贩售卖三无食品'],
  交通出行: ['公交线路调整后老人出行不便，希望恢复原站点', '路口红绿灯时间太短，老人过不去马路', '小区门口停车难，乱停车堵住消防通道', '人行道砖松动，雨天踩下去溅水', '共享单车乱停放堵塞盲道'],
  治安: ['夜里有人在小区里飙车，噪音很大', '楼道里经常有人发小广告，担心安全', '小区监控坏了很久没有修复', '附近有人聚集打牌喧哗到深夜', '电动车在楼道里充电，担心起火'],
  供暖供水: ['暖气不热，室温只有十四度', '自来水发黄，烧开后有沉淀', '供暖管道漏水，楼下被淹', '停水没有提前通知，影响生活', '水压太低，高层用不上水'],
  其他: ['希望社区多组织老年人文体活动', '社区活动室开放时间太短', '希望增设便民服务点', '老旧小区加装电梯进展缓慢，希望推进', '希望增加健身器材'],
}
export const CATEGORIES = Object.keys(CONTENT)

export function complaint(r: () => number, category: string): string {
  const base = pick(r, CONTENT[category] ?? CONTENT['其他'])
  const extra = r() < 0.5 ? '' : pick(r, ['，已经反映过几次了', '，希望尽快解决', '，请有关部门帮助协调', '，邻居们意见都很大', '，去年也出现过同样的情况', '，希望给个答复'])
  return base + extra
}

export const ANSWERS = [
  '已联系物业公司，承诺一周内完成维修，社区将跟踪落实。',
  '经核实，情况属实，已责成相关部门限期整改，整改完成后回访。',
  '已转交街道城管科，安排专人清理并加强日常巡查。',
  '经与主管部门沟通，政策依据已向群众解释清楚，群众表示理解。',
  '已协调供热单位入户检测，更换了阀门，室温恢复正常。',
  '已纳入年度改造计划，预计明年上半年实施，期间先行临时处置。',
  '已督促相关单位补发，款项已于本月到账。',
]

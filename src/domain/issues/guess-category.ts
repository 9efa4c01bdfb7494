/**
 * A first guess at an issue's category (类别) when the registrar did not state one, so that the ledger
 * and the summaries by category are filled in; the issue is flagged `categoryGuessed` so a coordinator
 * can confirm or correct it. Keywords are what constituents actually say, not the departments' terms.
 */

/** Category → keywords. Order breaks ties; a longer keyword weighs more (楼道灯 beats 灯). */
export const CATEGORY_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  市容环境: [
    '垃圾', '环境卫生', '绿化', '噪音', '噪声', '扰民', '异味', '臭味', '污水', '占道', '违建', '违章建筑', '私搭乱建',
    '路灯', '小广告', '油烟', '清扫', '乱堆', '乱放', '乱贴', '扬尘', '树木', '修剪', '草坪', '公厕', '厕所', '市容',
    '流浪狗', '狗屎', '遛狗',
  ],
  物业管理: [
    '物业', '楼道', '电梯', '门禁', '停车位', '车位', '维修基金', '保洁', '单元门', '漏水', '渗水', '下水道', '堵塞',
    '化粪池', '业委会', '物业费', '防盗门', '屋顶', '外墙', '楼顶', '地下室', '充电桩', '飞线充电',
  ],
  社会保障: [
    '养老金', '养老保险', '低保', '医保', '社保', '退休', '补贴', '残疾', '救助', '就业', '失业', '欠薪', '拖欠工资',
    '工资', '困难', '优抚', '退役', '高龄津贴', '养老', '助餐', '老年食堂', '居家养老',
  ],
  医疗卫生: [
    '看病', '医院', '社区医院', '卫生院', '卫生服务中心', '疫苗', '药品', '买药', '开药', '诊所', '体检', '医生',
    '挂号', '家庭医生', '签约医生', '健康', '慢性病',
  ],
  教育: ['学校', '上学', '入学', '幼儿园', '学区', '学位', '学生', '老师', '教育', '托管', '课外', '转学', '校车', '放学'],
  交通出行: [
    '公交', '地铁', '红绿灯', '信号灯', '道路', '路面', '坑洼', '停车难', '乱停', '斑马线', '交通', '拥堵', '堵车',
    '出行', '站牌', '非机动车', '人行道', '过街', '减速带', '共享单车',
  ],
  治安: ['治安', '盗窃', '被偷', '小偷', '诈骗', '打架', '安全隐患', '监控', '摄像头', '派出所', '报警', '可疑', '赌博', '传销', '消防通道'],
  供暖供水: [
    '暖气', '供暖', '供热', '不热', '室温', '水压', '停水', '没水', '热水', '没电', '自来水', '供水', '水管', '燃气', '煤气', '天然气', '停电',
    '供电', '电压', '水质', '水费', '电费',
  ],
  其他: [],
}

/** Categories used when a studio configures none. */
export const DEFAULT_CATEGORIES: readonly string[] = Object.keys(CATEGORY_KEYWORDS)

/**
 * The allowed category whose keywords best match `content`; `其他` (or the last allowed category) when
 * nothing matches. A category named in the text itself counts as a strong keyword.
 */
export function guessCategory(
  content: string,
  categories: readonly string[] = DEFAULT_CATEGORIES,
  table: Readonly<Record<string, readonly string[]>> = CATEGORY_KEYWORDS,
): string {
  const allowed = categories.length > 0 ? categories : DEFAULT_CATEGORIES
  let best: string | undefined
  let bestScore = 0
  for (const category of allowed) {
    let score = content.includes(category) ? category.length * 2 : 0
    for (const keyword of table[category] ?? []) if (content.includes(keyword)) score += keyword.length
    if (score > bestScore) {
      best = category
      bestScore = score
    }
  }
  if (best) return best
  return allowed.includes('其他') ? '其他' : allowed[allowed.length - 1]
}

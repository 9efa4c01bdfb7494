import { distinguishing, unitParts, unitSegments, type Namesake } from '../../../src/domain/directory/distinct-names.js'

const p = (id: string, name: string, unit: string, position = ''): Namesake => ({ id, name, unit, position })

test.each([
  ['和平区卫健委', ['和平区', '卫健委']],
  ['小白楼社区居委会', ['小白楼社区', '居委会']],
  ['小白楼街道办事处', ['小白楼街道', '办事处']],
  ['天津医科大学总医院', ['天津医科大学总医院']],
  ['', []],
] as const)('segments of %s', (unit, segments) => {
  expect(unitSegments(unit)).toEqual(segments)
})

test('the parts of a unit, shortest first, the organ before the place', () => {
  expect(unitParts('和平区卫健委')).toEqual(['卫健委', '和平区', '和平区卫健委'])
  expect(unitParts('天津市和平区教育局')).toEqual(['教育局', '和平区', '天津市', '和平区教育局', '天津市和平区', '天津市和平区教育局'])
})

const zhangA = p('p13', '张伟', '和平区卫健委', '科员')
const zhangB = p('p14', '张伟', '小白楼社区居委会', '委员')
test.each([
  ['nobody else has the name', zhangA, [zhangA, p('p12', '黄丽', '小白楼第一小学', '校长')], undefined],
  ['the demo: two 张伟 in 小白楼', zhangA, [zhangA, zhangB], '卫健委'],
  ['the demo, the other one', zhangB, [zhangA, zhangB], '居委会'],
  ['the same organ in two places: the place tells them apart', p('a', '王芳', '七一社区居委会'), [p('a', '王芳', '七一社区居委会'), p('b', '王芳', '小白楼社区居委会')], '七一社区'],
  ['the same place, different organs', p('a', '李强', '和平区教育局'), [p('a', '李强', '和平区教育局'), p('b', '李强', '和平区房管局')], '教育局'],
  ['the same unit: the position', p('a', '刘洋', '和平区教育局', '副局长'), [p('a', '刘洋', '和平区教育局', '副局长'), p('b', '刘洋', '和平区教育局', '科长')], '副局长'],
  ['one unit contains the other: the whole unit', p('a', '赵敏', '和平区教育局'), [p('a', '赵敏', '和平区教育局'), p('b', '赵敏', '天津市和平区教育局')], '和平区教育局'],
  ['the longer one of those', p('b', '赵敏', '天津市和平区教育局'), [p('a', '赵敏', '和平区教育局'), p('b', '赵敏', '天津市和平区教育局')], '天津市'],
  ['identical unit and position: nothing', p('a', '陈静', '和平区教育局', '科长'), [p('a', '陈静', '和平区教育局', '科长'), p('b', '陈静', '和平区教育局', '科长')], undefined],
  ['three namesakes', p('c', '张伟', '劝业场街道办事处'), [zhangA, zhangB, p('c', '张伟', '劝业场街道办事处')], '办事处'],
  ['no unit, a position', p('a', '孙丽', '', '主任'), [p('a', '孙丽', '', '主任'), p('b', '孙丽', '', '科员')], '主任'],
] as const)('%s', (_what, person, everyone, expected) => {
  expect(distinguishing(person, everyone)).toBe(expected)
})

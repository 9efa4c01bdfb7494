/**
 * Same names told apart: two 张伟 in one district read 张伟（卫健委） and 张伟（居委会） in every list, post
 * and mention. The qualifier is the shortest part of the unit that no namesake's unit or position
 * contains; failing that, the shortest part of the position; failing that, unit and position whole; and
 * when even those are the same, nothing (the caller shows the person's id). Pure.
 *
 * The parts of a unit are runs of its segments, a segment ending at a place word (省 市 区 县 旗 镇 乡
 * 街道 社区 村): 和平区卫健委 = 和平区 | 卫健委, parts 和平区, 卫健委, 和平区卫健委. A part of a single
 * character is no qualifier. Among parts of equal length the later one (the organ, not the place) wins.
 */
export interface Namesake {
  id: string
  name: string
  unit: string
  position: string
}

const PLACE_END = /(?<=省|市|区|县|旗|镇|乡|街道|社区|村)/u

/** The unit's segments, split after each place word. */
export function unitSegments(unit: string): string[] {
  return unit.trim().split(PLACE_END).filter((s) => s.length > 0)
}

/** Every run of consecutive segments of at least two characters, shortest first, later first among equals. */
export function unitParts(unit: string): string[] {
  const seg = unitSegments(unit)
  const parts: { text: string; end: number }[] = []
  for (let i = 0; i < seg.length; i++) {
    for (let j = i + 1; j <= seg.length; j++) {
      const text = seg.slice(i, j).join('')
      if ([...text].length >= 2 && !parts.some((p) => p.text === text)) parts.push({ text, end: j })
    }
  }
  return parts.sort((a, b) => [...a.text].length - [...b.text].length || b.end - a.end).map((p) => p.text)
}

/**
 * The qualifier that tells `person` apart from the others of the same name in `everyone` (ids compared;
 * other names ignored), or undefined when nobody shares the name or nothing tells them apart.
 */
export function distinguishing(person: Namesake, everyone: readonly Namesake[]): string | undefined {
  const others = everyone.filter((p) => p.name === person.name && p.id !== person.id)
  if (others.length === 0) return undefined
  const tellsApart = (q: string) => others.every((o) => !o.unit.includes(q) && !o.position.includes(q))
  const unit = unitParts(person.unit).find(tellsApart)
  if (unit) return unit
  const position = person.position.trim()
  if (position && tellsApart(position)) return position
  const both = [person.unit.trim(), position].filter(Boolean).join(' ')
  if (both && others.every((o) => [o.unit.trim(), o.position.trim()].filter(Boolean).join(' ') !== both)) return both
  return undefined
}

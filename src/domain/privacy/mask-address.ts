/**
 * A constituent's address as a group may see it: down to the building, never the unit or the flat
 * (PIPL minimum disclosure: the building says where the problem is, the flat says who complained).
 * `和平里3号楼2单元501` → `和平里3号楼**`, `幸福小区5栋302` → `幸福小区5栋**`, `解放路12号` stays.
 * Phones or ID numbers typed into the address are hidden by the caller's `maskText` as well.
 */

/** Where the part below the building starts: a unit/floor/flat number, or `3-2-501` style numbering. */
const BELOW_BUILDING = /\d+\s*(?:单元|室|层|户|门)|\d+-\d+/u
/** A building marker directly followed by more digits (`3号楼501`): cut after the marker. */
const BUILDING_THEN_DIGITS = /(?:号楼|栋|幢|座)(?=\s*\d)/u

export function maskAddress(address: string): string {
  const a = address.trim()
  let cut = a.length
  const below = BELOW_BUILDING.exec(a)
  if (below) cut = Math.min(cut, below.index)
  const building = BUILDING_THEN_DIGITS.exec(a)
  if (building) cut = Math.min(cut, building.index + building[0].length)
  if (cut >= a.length) return a
  return `${a.slice(0, cut).trimEnd()}**`
}

/**
 * Every chat command, in the order /帮助 lists them. One plain array: no directory scanning; the
 * dispatcher refuses duplicate names and aliases at start-up.
 */
import type { Command } from './command.js'
import { help } from './help.js'
import { whoami } from './whoami.js'
import { bind } from './bind.js'
import { bindCode } from './bind-code.js'
import { loadHolidayNotice } from './load-holiday-notice.js'
import { confirmHolidayNotice } from './confirm-holiday-notice.js'
import { bindRoom } from './bind-room.js'
import { confirmBind, refuseBind } from './confirm-bind.js'
import { unbind } from './unbind.js'
import { registerIssue } from './register-issue.js'
import { transferIssue } from './transfer-issue.js'
import { approveExtension } from './approve-extension.js'
import { declineExtension } from './decline-extension.js'
import { voidWorkOrder } from './void-work-order.js'
import { workOrderLink } from './work-order-link.js'
import { receiptLink } from './receipt-link.js'
import { answerIssue } from './answer-issue.js'
import { rateIssue } from './rate-issue.js'
import { extendIssue } from './extend-issue.js'
import { recordContact } from './record-contact.js'
import { archiveIssue } from './archive-issue.js'
import { showIssue } from './show-issue.js'
import { myIssues } from './my-issues.js'
import { issueTodo } from './issue-todo.js'
import { correctIssue } from './correct-issue.js'
import { withdrawIssue } from './withdraw-issue.js'
import { nextReceptions } from './next-receptions.js'
import { monthRoster } from './month-roster.js'
import { myDuties } from './my-duties.js'
import { dutyCalendar } from './duty-calendar.js'
import { setDuty } from './set-duty.js'
import { askLeave } from './ask-leave.js'
import { proposeSubstitute } from './propose-substitute.js'
import { proposeSwap } from './propose-swap.js'
import { volunteer } from './volunteer.js'
import { takeBack } from './take-back.js'
import { acceptRequest } from './accept-request.js'
import { refuseRequest } from './refuse-request.js'
import { withdrawRequest } from './withdraw-request.js'
import { swapLog } from './swap-log.js'
import { forceDuty } from './force-duty.js'
import { cancelSession } from './cancel-session.js'
import { checkIn } from './check-in.js'
import { confirmDuty } from './confirm-duty.js'
import { dutyTodayCommand } from './duty-today.js'
import { confirmAny } from './confirm-any.js'
import { importRoster } from './import-roster.js'
import { confirmImport } from './confirm-import.js'
import { showStats } from './show-stats.js'
import { exportLedger } from './export-ledger.js'
import { officeLogin } from './office-login.js'
import { showRepRecord } from './show-rep-record.js'
import { showStatus } from './show-status.js'

export const commands: readonly Command<any>[] = [
  help,
  whoami,
  // Feature commands are listed here (roster, swaps, issues, follow-ups).
  nextReceptions,
  monthRoster,
  myDuties,
  dutyTodayCommand,
  confirmDuty,
  confirmAny,
  dutyCalendar,
  setDuty,
  askLeave,
  proposeSubstitute,
  proposeSwap,
  volunteer,
  takeBack,
  acceptRequest,
  refuseRequest,
  withdrawRequest,
  swapLog,
  forceDuty,
  cancelSession,
  checkIn,
  registerIssue,
  showIssue,
  myIssues,
  issueTodo,
  transferIssue,
  answerIssue,
  rateIssue,
  recordContact,
  extendIssue,
  approveExtension,
  declineExtension,
  workOrderLink,
  voidWorkOrder,
  receiptLink,
  archiveIssue,
  correctIssue,
  withdrawIssue,
  showStats,
  exportLedger,
  officeLogin,
  showRepRecord,
  showStatus,
  bind,
  bindCode,
  bindRoom,
  loadHolidayNotice,
  confirmHolidayNotice,
  importRoster,
  confirmImport,
  confirmBind,
  refuseBind,
  unbind,
]

/**
 * The route plugins `npm start` serves, in order: the front page, the department's work orders and the constituent's
 * lookup (src/web/pages), then the liaison office's pages (src/web/office, added to this list).
 */
import type { WebRoutes } from './context.js'
import { workOrderRoutes } from './pages/work-order.js'
import { receiptRoutes } from './pages/receipt.js'
import { officeRoutes } from './office/routes.js'
import { homeRoutes } from './pages/home.js'

export const defaultRoutes: WebRoutes[] = [homeRoutes, workOrderRoutes, receiptRoutes, officeRoutes]

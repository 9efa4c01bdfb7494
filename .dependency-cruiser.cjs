/**
 * The house's layering, checked in `npm test` (npm run lint:layers):
 *
 *   main.ts, cli/, demo/     wiring (and the offline demo): may use anything
 *   commands/, schedules/    one chat command / one timed job per file: use app, domain, text, messages
 *   web/                     the web server and its pages (fastify): use app, domain, text, messages, platform
 *   app/                     services over the store and the directory; the dispatcher
 *   export/                  the ledger workbook and its source (domain, text, the store)
 *   config/                  reading and checking the district's YAML (domain types, text for its messages)
 *   text/                    every user-facing wording: the catalogue and the post builders
 *   platform/                the edges (wechaty, lowdb, node-cron, clock, sender): know no app, no command
 *   messages/                the message vocabulary every layer shares
 *   domain/                  pure rules: import nothing above them
 *
 * No import circles anywhere. The one arrow from platform upward is the adapter's entry point,
 * platform/wechaty-bot.ts, which hands WeChat's messages to the App.
 */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No import circles anywhere in src.', from: { path: '^src' }, to: { circular: true } },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'Domain rules import nothing of platform, app, commands, schedules, export, config, text or the wiring.',
      from: { path: '^src/domain/' },
      to: { path: '^src/(platform|app|commands|schedules|export|config|text|cli|demo|main|web)' },
    },
    {
      name: 'only-wiring-knows-web',
      severity: 'error',
      comment: 'The web server and its pages are an edge like WeChat: only the wiring (main.ts, the demo, cli) starts them; features reach the web side through app services (web-tokens, web-address).',
      from: { path: '^src/', pathNot: '^src/(web/|main\\.ts$|demo/|cli/)' },
      to: { path: '^src/web/' },
    },
    {
      name: 'web-knows-no-command-files',
      severity: 'error',
      comment: 'Pages take the same lifecycle steps as the commands through the services and shared rules, never by importing a command file or a job.',
      from: { path: '^src/web/' },
      to: { path: '^src/(commands|schedules)/' },
    },
    {
      name: 'messages-below-everything',
      severity: 'error',
      comment: 'The message vocabulary depends on nothing but the domain.',
      from: { path: '^src/messages/' },
      to: { path: '^src/(platform|app|commands|schedules|export|config|text|cli|demo|main)' },
    },
    {
      name: 'text-knows-no-app',
      comment: 'How things read is built from what it is given (the People view, plain values), never from the app or a platform edge.',
      severity: 'error',
      from: { path: '^src/text/' },
      to: { path: '^src/(platform|app|commands|schedules|export|config|cli|demo|main)' },
    },
    {
      name: 'config-below-app',
      comment: 'Reading the configuration uses domain types and the wording, never services, commands, edges or the wiring.',
      severity: 'error',
      from: { path: '^src/config/' },
      to: { path: '^src/(platform|app|commands|schedules|export|cli|demo|main)' },
    },
    {
      name: 'export-knows-no-app',
      comment: 'The ledger workbook and its source use domain, text and the store, never app services or commands.',
      severity: 'error',
      from: { path: '^src/export/' },
      to: { path: '^src/(app|commands|schedules|cli|demo|main)' },
    },
    {
      name: 'platform-knows-no-app',
      severity: 'error',
      comment: 'The edges import nothing of app, commands or schedules; the adapter entry point (wechaty-bot.ts) excepted.',
      from: { path: '^src/platform/', pathNot: '^src/platform/wechaty-bot\\.ts$' },
      to: { path: '^src/(app|commands|schedules|export|cli|demo|main)' },
    },
    {
      name: 'features-know-no-wiring',
      severity: 'error',
      comment: 'Commands, jobs and services never import the wiring (main.ts, cli/, the demo).',
      from: { path: '^src/(commands|schedules|app|export|config|text|messages|domain|platform|web)/' },
      to: { path: '^src/(cli/|demo/|main\\.ts)' },
    },
    {
      name: 'app-knows-no-command-files',
      severity: 'error',
      comment: 'Services never import a command or a job; only app.ts wires the lists (commands/index.ts, schedules/index.ts) and the dispatcher knows the Command shape.',
      from: { path: '^src/app/', pathNot: '^src/app/(app|dispatcher)\\.ts$' },
      to: { path: '^src/(commands|schedules)/' },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
  },
}

// Loaded with `--import` into a bot process the benchmark spawns (with --expose-gc); nothing of the bot
// changes. On SIGUSR2 it collects garbage and prints the heap in use, so the benchmark can read a bot's
// heap over a long run from outside (then, for a reader: heap committed, external and array buffers).
process.on('SIGUSR2', () => {
  globalThis.gc?.()
  const m = process.memoryUsage()
  process.stderr.write(`LXQ-HEAP ${m.heapUsed} ${m.rss} heapTotal=${m.heapTotal} external=${m.external} arrayBuffers=${m.arrayBuffers}\n`)
})

/** QR codes of the web side's links (npm `qrcode`), as PNG images to send in chat or print. */

/** A PNG of `url`, large enough to scan from a phone screen or a printed receipt. */
export async function qrPng(url: string): Promise<Buffer> {
  // Loaded on the first QR code, not at start-up (the bot's first replies do not wait for it).
  const { default: QRCode } = await import('qrcode')
  // One PNG row filter ("up": a QR code's rows repeat in runs of a module's height) instead of pngjs trying
  // all five on every row, which was most of a code's time (1.6 s under the tests' module sandbox).
  const options = { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 360, rendererOpts: { filterType: 2 } } as const
  return QRCode.toBuffer(url, options as Parameters<typeof QRCode.toBuffer>[1])
}

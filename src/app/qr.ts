/** QR codes of the web side's links (npm `qrcode`), as PNG images to send in chat or print. */

/** A PNG of `url`, large enough to scan from a phone screen or a printed receipt. */
export async function qrPng(url: string): Promise<Buffer> {
  // Loaded on the first QR code, not at start-up (the bot's first replies do not wait for it).
  const { default: QRCode } = await import('qrcode')
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 360 })
}

/**
 * Image-only PDFs, as a scanner makes them: known text drawn onto a canvas, the canvas
 * embedded as a PNG in an A4 page, and no text layer at all.
 */
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';

const A4_POINTS = { width: 595, height: 842 };

export interface ScanOptions {
  /** Pixels per inch of the "scan" (default 200). */
  dpi?: number;
  /** Font size in points (default 12). */
  fontPt?: number;
  /** Speckle noise: share of pixels flipped to grey (default 0). */
  noise?: number;
}

/** One image-only page per entry; each entry is a list of paragraphs, wrapped to the page width. */
export async function scannedPdf(pages: string[][], options: ScanOptions = {}): Promise<Uint8Array> {
  const dpi = options.dpi ?? 200;
  const scale = dpi / 72;
  const fontPx = Math.round((options.fontPt ?? 12) * scale);
  const width = Math.round(A4_POINTS.width * scale);
  const height = Math.round(A4_POINTS.height * scale);
  const margin = Math.round(60 * scale);
  const pdf = await PDFDocument.create();
  for (const paragraphs of pages) {
    const canvas = createCanvas(width, height);
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.fillStyle = '#111111';
    context.font = `${fontPx}px serif`;
    let y = margin + fontPx;
    for (const paragraph of paragraphs) {
      let line = '';
      for (const word of paragraph.split(/\s+/u)) {
        const candidate = line ? `${line} ${word}` : word;
        if (context.measureText(candidate).width > width - 2 * margin && line) {
          context.fillText(line, margin, y);
          y += Math.round(fontPx * 1.4);
          line = word;
        } else {
          line = candidate;
        }
      }
      if (line) context.fillText(line, margin, y);
      y += Math.round(fontPx * 2.6);
    }
    if (options.noise) {
      const image = context.getImageData(0, 0, width, height);
      let seed = 7;
      for (let i = 0; i < image.data.length; i += 4) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        if (seed / 0x7fffffff < options.noise) image.data[i] = image.data[i + 1] = image.data[i + 2] = 90;
      }
      context.putImageData(image, 0, 0);
    }
    const png = await pdf.embedPng(canvas.toBuffer('image/png'));
    pdf.addPage([A4_POINTS.width, A4_POINTS.height]).drawImage(png, { x: 0, y: 0, width: A4_POINTS.width, height: A4_POINTS.height });
  }
  return pdf.save();
}

// The part of svg-to-pdfkit (which ships no types) that pdf-native.ts uses.
declare module "svg-to-pdfkit" {
  interface FontOptions {
    fauxBold: boolean;
    fauxItalic: boolean;
  }
  interface SvgToPdfOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    assumePt?: boolean;
    fontCallback?: (family: string, bold: boolean, italic: boolean, options: FontOptions) => string;
    imageCallback?: (link: string) => string | undefined;
    documentCallback?: (file: string) => unknown;
    colorCallback?: (color: unknown) => unknown;
    warningCallback?: (message: string) => void;
  }
  function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: SvgToPdfOptions): void;
  export default SVGtoPDF;
}

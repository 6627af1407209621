import { detectDocumentType } from './document-type';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));

describe('detectDocumentType', () => {
  it.each([
    ['a PDF', ascii('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj'), 'application/pdf'],
    ['a JPEG (JFIF)', bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46), 'image/jpeg'],
    ['a JPEG (Exif)', bytes(0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10), 'image/jpeg'],
    ['a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), 'image/png'],
    ['text claiming to be a PDF', ascii('This is not a PDF at all'), null],
    ['a PDF header not at the start', ascii(' %PDF-1.4'), null],
    ['a truncated PNG signature', bytes(0x89, 0x50, 0x4e, 0x47), null],
    ['a GIF', ascii('GIF89a....'), null],
    ['a ZIP (e.g. a .docx)', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00), null],
    ['an empty file', bytes(), null],
  ])('%s → %s', (_, content, expected) => {
    expect(detectDocumentType(content)?.contentType ?? null).toBe(expected);
  });
});

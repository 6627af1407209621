export interface MlaSignatory {
  acronym: string;
  name: string;
  economy: string;
  aliases: string[];
}

/** Upper case, letters and digits only (any script): "JAS-ANZ" = "jas anz" = "JASANZ". */
function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The words of a text, normalized, e.g. "CNAS (China)" → ["CNAS", "CHINA"]. */
function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .map(normalize)
    .filter((w) => w.length > 0);
}

/**
 * Whether an accreditation body as written on a certificate is an IAF MLA signatory:
 * the whole text equals an acronym, name or alias, or the text contains a signatory's
 * full name or alias, or one of its words is a signatory's acronym ("CNAS L1234",
 * "accredited by UKAS"). Acronyms are only matched as whole words.
 */
export function isIafMlaSignatory(body: string, signatories: readonly MlaSignatory[]): boolean {
  const whole = normalize(body);
  if (whole.length === 0) return false;
  const bodyWords = new Set(words(body));
  return signatories.some((s) => {
    const acronym = normalize(s.acronym);
    // Two-letter acronyms (SA, NA, LA, AA) are common words of company names: whole text only.
    if (acronym.length >= 3 && bodyWords.has(acronym)) return true;
    return [s.acronym, s.name, ...s.aliases].some((label) => {
      const n = normalize(label);
      return n.length > 0 && (whole === n || (n.length >= 8 && whole.includes(n)));
    });
  });
}

// How column headers are compared: case, accents and punctuation ignored, so "Country/Region",
// "country_region" and "COUNTRY REGION" are one header.

/** The form headers are compared in: "Country/Region" and "country_region" → "countryregion". */
export function matchKey(header: string): string {
  return foldToAscii(header)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

// Latin letters that NFKD does not decompose into a base letter and a mark.
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D',
};

/** "Endereço", "País", "Straße" → "Endereco", "Pais", "Strasse"; other scripts pass through. */
export function foldToAscii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæÆøØœŒłŁđĐ]/g, (letter) => UNDECOMPOSED[letter] ?? letter);
}

/**
 * Ukrainian romanisation as fixed by Cabinet of Ministers resolution No. 55
 * of 27 January 2010 ("KMU 2010"): the official system for Ukrainian place
 * names, the one behind Kyiv, Zaporizhzhia, Sloviansk or Kostiantynivka.
 * The gazetteer uses it to tell a place's Ukrainian name from its Russian
 * one (see src/cli/gazetteer.ts) and to spell the English name the same way
 * everywhere.
 */

/** Letters with one spelling wherever they stand. */
const PLAIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  "'": '',
  '’': '',
  ʼ: '',
};
/** Letters spelled one way at the start of a word and another inside it. */
const INITIAL: Record<string, [string, string]> = {
  є: ['ye', 'ie'],
  ї: ['yi', 'i'],
  й: ['y', 'i'],
  ю: ['yu', 'iu'],
  я: ['ya', 'ia'],
};

const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);

/**
 * KMU 2010 romanisation of Ukrainian text; characters that are not Ukrainian letters pass through.
 *
 * @example romanizeUk('Запоріжжя') // 'Zaporizhzhia'
 */
export function romanizeUk(text: string): string {
  const chars = [...text.normalize('NFC')];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const lower = c.toLowerCase();
    const upper = c !== lower;
    // "зг" is "zgh", so that it cannot be read as "ж" (Zghurivka, not Zhurivka).
    let latin: string | undefined = lower === 'г' && chars[i - 1]?.toLowerCase() === 'з' ? 'gh' : PLAIN[lower];
    if (latin === undefined && INITIAL[lower]) {
      // An apostrophe does not start a word: Знам'янка is Znamianka.
      const prev = chars[i - 1];
      latin = INITIAL[lower][isLetter(prev) || prev === "'" || prev === '’' || prev === 'ʼ' ? 1 : 0];
    }
    if (latin === undefined) out += c;
    else out += upper && latin ? latin[0].toUpperCase() + latin.slice(1) : latin;
  }
  return out;
}

/**
 * What listeners say -> the catalog genres it may mean, closest first. Only
 * names the catalog actually has are used, and only when the catalog has no
 * genre spelled like the word itself, so a catalog with "electronic" keeps it
 * and one without gets "edm". Keys are compact keys (see `compactKey`).
 *
 * The families follow the recommender's genre-similarity map (rock ~
 * alternative, indie, punk, metal; jazz ~ blues, soul, funk, swing; ...).
 */
export const GENRE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  rnb: ['r&b', 'soul'],
  randb: ['r&b', 'soul'],
  rhythmandblues: ['r&b', 'soul'],
  hiphop: ['hip-hop', 'rap'],
  hiphip: ['hip-hop', 'rap'],
  kpop: ['k-pop', 'pop'],
  koreanpop: ['k-pop', 'pop'],
  jpop: ['j-pop', 'pop'],
  electronic: ['electronic', 'edm', 'electronica', 'electro', 'house', 'techno'],
  electronica: ['electronica', 'electronic', 'edm'],
  electro: ['electro', 'electronic', 'edm'],
  electronicdancemusic: ['edm', 'electronic', 'dance'],
  edm: ['edm', 'electronic', 'dance'],
  dubstep: ['dubstep', 'edm', 'electronic'],
  trance: ['trance', 'edm', 'electronic'],
  housemusic: ['house', 'deep house', 'edm'],
  techhouse: ['tech house', 'house', 'techno', 'edm'],
  dnb: ['drum and bass', 'drum & bass', 'dnb', 'edm'],
  drumnbass: ['drum and bass', 'drum & bass', 'dnb', 'edm'],
  drumandbass: ['drum and bass', 'drum & bass', 'dnb', 'edm'],
  jungle: ['jungle', 'drum and bass'],
  lofi: ['lo-fi', 'lofi', 'chillhop'],
  chillhop: ['chillhop', 'lo-fi'],
  rocknroll: ['rock and roll', 'rock'],
  rockandroll: ['rock and roll', 'rock'],
  rockroll: ['rock and roll', 'rock'],
  alternative: ['alternative', 'indie', 'rock'],
  altrock: ['alternative', 'indie', 'rock'],
  grunge: ['grunge', 'alternative', 'rock'],
  heavymetal: ['metal', 'heavy metal', 'rock'],
  metalhead: ['metal', 'heavy metal', 'rock'],
  metalheads: ['metal', 'heavy metal', 'rock'],
  hardrock: ['hard rock', 'rock'],
  classicrock: ['classic rock', 'rock'],
  swing: ['swing', 'jazz'],
  bebop: ['bebop', 'jazz'],
  salsa: ['salsa', 'latin'],
  bachata: ['bachata', 'latin'],
  latino: ['latin'],
  latinmusic: ['latin'],
  reggaeton: ['reggaeton', 'latin'],
  neosoul: ['neo soul', 'soul', 'r&b'],
  motown: ['motown', 'soul'],
  rap: ['rap', 'hip-hop'],
  trap: ['trap', 'rap', 'hip-hop'],
  classicalmusic: ['classical'],
  orchestral: ['orchestral', 'classical'],
  opera: ['opera', 'classical'],
  countrymusic: ['country'],
  americana: ['americana', 'country', 'folk'],
  bluegrass: ['bluegrass', 'country', 'folk'],
  singersongwriter: ['singer-songwriter', 'folk', 'indie'],
  synthwave: ['synthwave', 'synthpop', 'edm'],
  synthpop: ['synthpop', 'pop'],
  ballads: ['ballad', 'ballads'],
  powerballad: ['ballad', 'rock'],
};

/**
 * "Hip-Hop", "hip hop", "hiphop" and "R & B" all become one key: letters and
 * digits only, accents folded, "&" read as "and".
 */
export function compactKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]/g, '');
}

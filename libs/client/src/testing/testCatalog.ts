import type { TrackInput } from '../types/catalog';

const row = (
  trackId: string,
  title: string,
  artist: string,
  genre: string,
  mood: string,
  energy: number,
  tempo: TrackInput['tempo'],
): TrackInput => ({ trackId, title, artist, genre, mood, energy, tempo });

/** A small catalog for the SDK's tests: 24 tracks over six genres, with moods, energy and tempo. */
export const TEST_CATALOG: readonly TrackInput[] = [
  row('so-what', 'So What', 'Miles Davis', 'jazz', 'calm', 0.3, 'medium'),
  row('blue-in-green', 'Blue in Green', 'Miles Davis', 'jazz', 'sad', 0.2, 'slow'),
  row('take-five', 'Take Five', 'Dave Brubeck', 'jazz', 'happy', 0.4, 'medium'),
  row('naima', 'Naima', 'John Coltrane', 'jazz', 'romantic', 0.25, 'slow'),
  row('one-more-time', 'One More Time', 'Daft Punk', 'electronic', 'happy', 0.9, 'fast'),
  row('around-the-world', 'Around the World', 'Daft Punk', 'electronic', 'energetic', 0.85, 'fast'),
  row('windowlicker', 'Windowlicker', 'Aphex Twin', 'electronic', 'focused', 0.6, 'medium'),
  row('teardrop', 'Teardrop', 'Massive Attack', 'electronic', 'calm', 0.35, 'slow'),
  row('bohemian-rhapsody', 'Bohemian Rhapsody', 'Queen', 'rock', 'energetic', 0.7, 'medium'),
  row('dont-stop-me-now', "Don't Stop Me Now", 'Queen', 'rock', 'happy', 0.9, 'fast'),
  row('paranoid-android', 'Paranoid Android', 'Radiohead', 'rock', 'sad', 0.5, 'medium'),
  row('smells-like', 'Smells Like Teen Spirit', 'Nirvana', 'rock', 'angry', 0.95, 'fast'),
  row('ny-state-of-mind', 'N.Y. State of Mind', 'Nas', 'hip-hop', 'focused', 0.6, 'medium'),
  row('juicy', 'Juicy', 'The Notorious B.I.G.', 'hip-hop', 'happy', 0.7, 'medium'),
  row('alright', 'Alright', 'Kendrick Lamar', 'hip-hop', 'energetic', 0.8, 'fast'),
  row('dna', 'DNA.', 'Kendrick Lamar', 'hip-hop', 'angry', 0.9, 'fast'),
  row('clair-de-lune', 'Clair de Lune', 'Claude Debussy', 'classical', 'calm', 0.1, 'slow'),
  row('gymnopedie', 'Gymnopédie No. 1', 'Erik Satie', 'classical', 'calm', 0.05, 'slow'),
  row('spring', 'Spring', 'Antonio Vivaldi', 'classical', 'happy', 0.6, 'fast'),
  row('nocturne', 'Nocturne Op. 9 No. 2', 'Frédéric Chopin', 'classical', 'romantic', 0.15, 'slow'),
  row('bad-guy', 'bad guy', 'Billie Eilish', 'pop', 'focused', 0.4, 'medium'),
  row('levitating', 'Levitating', 'Dua Lipa', 'pop', 'happy', 0.85, 'fast'),
  row('blinding-lights', 'Blinding Lights', 'The Weeknd', 'pop', 'energetic', 0.8, 'fast'),
  row('someone-like-you', 'Someone Like You', 'Adele', 'pop', 'sad', 0.3, 'slow'),
];

import { MissingUpcasterError, UnknownEventTypeError, UnknownSchemaVersionError } from './eventErrors';
import { upcast } from './eventCatalogue';
import { createUpcast, type Upcaster } from './upcasting';

const track = { trackId: 't1', genre: 'jazz', artist: 'Miles Davis' };

describe('upcasting TrackRated', () => {
  it.each([
    [1, 0],
    [2, 0.25],
    [3, 0.5],
    [4, 0.75],
    [5, 1],
  ])('given v1 with %i stars, when upcast, then v2 has rating %p', (stars, rating) => {
    expect(upcast('TrackRated', 1, { track, stars })).toEqual({ track, rating });
  });

  it('keeps the rest of the data as it was', () => {
    const context = { activity: 'running', hour: 7 };
    expect(upcast('TrackRated', 1, { track, context, stars: 5 })).toEqual({ track, context, rating: 1 });
  });

  it('leaves current data alone', () => {
    const data = { track, rating: 0.3 };
    expect(upcast('TrackRated', 2, data)).toBe(data);
  });

  it('refuses a version from the future with a clear message', () => {
    expect(() => upcast('TrackRated', 3, { track, rating: 1 })).toThrow(UnknownSchemaVersionError);
    expect(() => upcast('TrackRated', 3, { track, rating: 1 })).toThrow(
      'TrackRated schemaVersion 3 is newer than this code knows (current is 2); upgrade the reader',
    );
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses schemaVersion %p', (version) => {
    expect(() => upcast('TrackRated', version, {})).toThrow(UnknownSchemaVersionError);
  });

  it('refuses a type it does not know', () => {
    expect(() => upcast('TrackHummed', 1, {})).toThrow(UnknownEventTypeError);
  });
});

describe('a chain of upcasters', () => {
  // Test-only history: v1 {title}, v2 {name}, v3 {name, tags}.
  const currentVersions: Record<string, number> = { NoteWritten: 3 };
  const steps: Upcaster[] = [
    { type: 'NoteWritten', fromVersion: 2, upcast: (data) => ({ ...(data as object), tags: [] }) },
    {
      type: 'NoteWritten',
      fromVersion: 1,
      upcast: (data) => ({ name: (data as { title: string }).title }),
    },
  ];
  const upcastNote = createUpcast(steps, (type) => currentVersions[type]);

  it('runs every step from the stored version to the current one, in order', () => {
    expect(upcastNote('NoteWritten', 1, { title: 'hi' })).toEqual({ name: 'hi', tags: [] });
  });

  it('starts from the stored version', () => {
    expect(upcastNote('NoteWritten', 2, { name: 'hi' })).toEqual({ name: 'hi', tags: [] });
  });

  it('names the missing step when the chain has a hole', () => {
    const holed = createUpcast([steps[0]], (type) => currentVersions[type]);
    expect(() => holed('NoteWritten', 1, { title: 'hi' })).toThrow(MissingUpcasterError);
    expect(() => holed('NoteWritten', 1, { title: 'hi' })).toThrow(
      'no upcaster for NoteWritten from schemaVersion 1 to 2',
    );
  });

  it('refuses, when built, two steps from the same version', () => {
    expect(() => createUpcast([steps[0], steps[0]], (type) => currentVersions[type])).toThrow(
      /two upcasters/,
    );
  });

  it('refuses, when built, a step at or beyond the current version', () => {
    const beyond: Upcaster = { type: 'NoteWritten', fromVersion: 3, upcast: (data) => data };
    expect(() => createUpcast([beyond], (type) => currentVersions[type])).toThrow(/outside 1\.\.2/);
  });

  it('refuses, when built, a step for a type nobody knows', () => {
    const stray: Upcaster = { type: 'Unknown', fromVersion: 1, upcast: (data) => data };
    expect(() => createUpcast([stray], (type) => currentVersions[type])).toThrow(UnknownEventTypeError);
  });
});

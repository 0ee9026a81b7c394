import { ID_PATTERN, idSchema, isValidId } from './ids';

describe('the id rule', () => {
  it.each(['a', 'ann', 'A-Z_0.9:x', 'spotify:track:6f807x0ima9a1j3VPbc7VN', 'x'.repeat(128)])(
    'accepts %s',
    (id) => {
      expect(ID_PATTERN.test(id)).toBe(true);
      expect(idSchema.safeParse(id).success).toBe(true);
      expect(isValidId(id)).toBe(true);
    },
  );

  it.each(['', 'x'.repeat(129), 'has space', 'slash/y', 'émile', 'a\nb'])('refuses %j', (id) => {
    expect(isValidId(id)).toBe(false);
    expect(idSchema.safeParse(id).success).toBe(false);
  });

  it('says what is allowed when it refuses', () => {
    const result = idSchema.safeParse('no spaces');
    expect(result.success || result.error.issues[0].message).toBe(
      'must be 1..128 characters of letters, digits and - _ . :',
    );
  });

  it('refuses what is not a string', () => {
    expect(isValidId(42)).toBe(false);
  });
});

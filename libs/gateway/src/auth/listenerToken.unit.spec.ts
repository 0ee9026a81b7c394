import { issueListenerToken, verifyListenerToken } from './listenerToken';
import { secretsMatch } from './secretsMatch';

const SECRET = 'a-secret-of-enough-length-0123';

describe('listener tokens', () => {
  it('name the listener they were issued to', () => {
    expect(verifyListenerToken(SECRET, issueListenerToken(SECRET, 'ann'))).toBe('ann');
    expect(verifyListenerToken(SECRET, issueListenerToken(SECRET, 'spotify:user:x.y-z_1'))).toBe(
      'spotify:user:x.y-z_1',
    );
  });

  it('are stateless: the same id and secret always give the same token', () => {
    expect(issueListenerToken(SECRET, 'ann')).toBe(issueListenerToken(SECRET, 'ann'));
  });

  it('do not verify under another secret, with an edited id or an edited MAC', () => {
    const token = issueListenerToken(SECRET, 'ann');
    const [version, , mac] = token.split('.');
    expect(verifyListenerToken('another-secret-0123456789', token)).toBeUndefined();
    expect(
      verifyListenerToken(SECRET, `${version}.${Buffer.from('bob').toString('base64url')}.${mac}`),
    ).toBeUndefined();
    expect(verifyListenerToken(SECRET, `${token.slice(0, -2)}AA`)).toBeUndefined();
  });

  it.each(['', 'x', 'qfzz1..', 'qfzz1.YW5u', 'qfzz2.YW5u.abc', 'a.b.c.d', 'x'.repeat(1000)])(
    'refuse %j',
    (token) => {
      expect(verifyListenerToken(SECRET, token)).toBeUndefined();
    },
  );

  it('are never issued for an invalid id', () => {
    expect(() => issueListenerToken(SECRET, '../etc')).toThrow(RangeError);
  });
});

describe('comparing the admin token', () => {
  it('matches only the exact token', () => {
    expect(secretsMatch('s3cret', 's3cret')).toBe(true);
    expect(secretsMatch('s3cre', 's3cret')).toBe(false);
    expect(secretsMatch('s3cret ', 's3cret')).toBe(false);
  });

  it('never matches an empty admin token', () => {
    expect(secretsMatch('', '')).toBe(false);
  });
});

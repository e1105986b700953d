import { describe, expect, it } from 'vitest';
import { AGAIN_ID, checkNewPassword, deviceOf, tokenOf } from '../../../web/src/pages/account/password';

const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) ' +
  'Version/17.5 Mobile/15E148 Safari/604.1';
const EDGE_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Chrome/126.0 Safari/537.36 Edg/126.0';

describe('checkNewPassword', () => {
  it('refuses a password under 12 characters, under the new-password input', () => {
    // Act
    const placed = checkNewPassword({}, 'newPassword', { password: 'elevenchars', again: 'elevenchars' });

    // Assess
    expect(placed).toEqual({ newPassword: ['Use at least 12 characters'] });
  });

  it('refuses a repetition that differs, under the repetition', () => {
    // Act
    const placed = checkNewPassword({}, 'password', { password: 'twelve chars!', again: 'twelve chars?' });

    // Assess
    expect(placed).toEqual({ [AGAIN_ID]: ['The two new passwords are not the same'] });
  });

  it('accepts a long password typed twice alike, keeping what was already placed', () => {
    // Prepare
    const before = { currentPassword: ['Enter your current password'] };

    // Act
    const placed = checkNewPassword(before, 'newPassword', {
      password: 'correct horse battery',
      again: 'correct horse battery',
    });

    // Assess
    expect(placed).toEqual({ currentPassword: ['Enter your current password'] });
  });
});

describe('tokenOf', () => {
  it("reads the mailed link's token from the fragment", () => {
    expect(tokenOf('#token=abc_DEF-123')).toBe('abc_DEF-123');
  });

  it('is undefined without a token or with an empty one', () => {
    expect([tokenOf(''), tokenOf('#'), tokenOf('#token='), tokenOf('#other=1')]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('deviceOf', () => {
  it('names the browser and the system', () => {
    expect([deviceOf(CHROME_LINUX), deviceOf(SAFARI_IPHONE), deviceOf(EDGE_WINDOWS)]).toEqual([
      'Chrome on Linux',
      'Safari on iOS',
      'Edge on Windows',
    ]);
  });

  it('says what it knows, and nothing for an empty or unknown agent', () => {
    expect([deviceOf('curl/8.5.0'), deviceOf(''), deviceOf(undefined), deviceOf('Something Firefox/128.0')]).toEqual([
      undefined,
      undefined,
      undefined,
      'Firefox',
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { technicalTokens } from '../../e2e/support/technical';

describe('technicalTokens: the words no page may show a person', () => {
  it.each([
    ['Milestone shares must sum to 10000 basis points', 'basis points'],
    ['Prices are sent as whole paise', 'paise'],
    ['microBelow must be less than smallBelow', 'microBelow'],
    ['Awarded to prv_01JABCDEFGHJKMNPQRSTVWXYZ0', 'prv_01JABCDEFGHJKMNPQRSTVWXYZ0'],
    ['Refused: BID.DEADLINE_PASSED', 'BID.DEADLINE_PASSED'],
    ['Reported 2026-12-07T10:15:00.000Z', '2026-12-07T10:15'],
    ['Total ₹NaN', 'NaN'],
    ['Provider: undefined', 'undefined'],
  ])('finds the token in “%s”', (text, token) => {
    // Act
    const found = technicalTokens(text);

    // Assess
    expect(found.some((f) => f.startsWith(`“${token}”`))).toBe(true);
  });

  it('reads plain sentences, names, amounts, IST times, addresses and links as clean', () => {
    // Prepare
    const page = [
      'Award ₹52,800 to LICT: SIDBI’s programme holds ₹26,400 in escrow.',
      'KNIDGRO, CALICO and COTEX pledged 12 firms. Deadline 7 Dec 2026, 3:45 pm IST.',
      'Milestone shares must add up to 100%, not 90%. McKinsey & Co. bid ₹2,200 per firm.',
      'Write to priya.sharma@knidgro.example or open http://localhost:3000/invitations/accept#token=abcDefGhi',
    ].join('\n');

    // Act / Assess
    expect(technicalTokens(page)).toEqual([]);
  });

  it('finds every planted camelCase field name among ordinary words', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('the', 'firms', 'pledged', 'KNIDGRO', '₹2,200', 'IST', 'Ludhiana', '100%'), {
          maxLength: 20,
        }),
        fc.constantFrom('shareBasisPoints', 'pricePerFirm', 'clusterId', 'repeatCount'),
        fc.nat(20),
        (words, field, at) => {
          const text = [...words.slice(0, at), field, ...words.slice(at)].join(' ');
          expect(technicalTokens(text)).toEqual([`“${field}” (a field name in camelCase)`]);
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATEGORIES,
  CategorySlug,
  CustomCategory,
  categoryLabel,
  categoryOf,
} from '../../../packages/core/src/taxonomy';

describe('taxonomy', () => {
  it('marks IT, quality/certification and testing as innovative, fairs and design as commercial', () => {
    const innovative = BUILT_IN_CATEGORIES.filter((c) => c.innovative).map((c) => c.slug);
    expect(innovative.sort()).toEqual(['it-software', 'quality-certification', 'testing']);
    expect(categoryOf('market-access').innovative).toBe(false);
    expect(categoryOf('design').innovative).toBe(false);
  });

  it.each(['training', 'legal-regulatory', 'custom:food-hygiene', 'custom:a1-b2'])(
    'accepts %s as a category',
    (slug) => {
      expect(CategorySlug.safeParse(slug).success).toBe(true);
    },
  );

  it.each([
    'Training',
    'fairs',
    'custom:',
    'custom:Food',
    'custom:food_hygiene',
    'custom:-x',
    `custom:${'a'.repeat(57)}`,
  ])('rejects %s', (slug) => {
    expect(CategorySlug.safeParse(slug).success).toBe(false);
  });

  it('labels built-in, cluster-defined and unknown custom categories', () => {
    const own = [
      CustomCategory.parse({ slug: 'custom:food-hygiene', label: 'Food hygiene and preservation', innovative: true }),
    ];
    expect(categoryLabel('export-advice')).toBe('Export advice');
    expect(categoryLabel('custom:food-hygiene', own)).toBe('Food hygiene and preservation');
    expect(categoryOf('custom:food-hygiene', own)).toMatchObject({ innovative: true, builtIn: false });
    expect(categoryLabel('custom:product-packaging')).toBe('Product packaging');
  });
});

import * as z from 'zod';

/**
 * The BDS categories every cluster shares. `innovative` follows the paper's subsidy rule:
 * services that bring new technology or quality management (IT, quality and certification,
 * testing) may carry a higher subsidy schedule than commercial ones (fairs, design), which
 * pay back quickly and should be bought at market price.
 */
export const BUILT_IN_CATEGORIES = [
  { slug: 'training', label: 'Training', innovative: false },
  { slug: 'design', label: 'Design and product development', innovative: false },
  { slug: 'market-access', label: 'Market access and fairs', innovative: false },
  { slug: 'it-software', label: 'IT and software', innovative: true },
  { slug: 'quality-certification', label: 'Quality and certification', innovative: true },
  { slug: 'testing', label: 'Testing', innovative: true },
  { slug: 'export-advice', label: 'Export advice', innovative: false },
  { slug: 'finance-linkage', label: 'Finance linkage', innovative: false },
  { slug: 'legal-regulatory', label: 'Legal and regulatory information', innovative: false },
] as const;

type BuiltIn = (typeof BUILT_IN_CATEGORIES)[number];

/** One of the built-in slugs (`training`, `it-software`, …). */
export const BuiltInCategorySlug = z.enum(
  BUILT_IN_CATEGORIES.map((c) => c.slug) as [BuiltIn['slug'], ...BuiltIn['slug'][]],
);
export type BuiltInCategorySlug = z.infer<typeof BuiltInCategorySlug>;

/** A category a cluster added for itself: `custom:` then a lowercase kebab-case slug. */
export const CustomCategorySlug = z
  .templateLiteral(['custom:', z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)], {
    error: 'A custom category is `custom:` followed by a lowercase kebab-case slug',
  })
  .refine((s) => s.length <= 63, 'A custom category slug has at most 63 characters');
export type CustomCategorySlug = z.infer<typeof CustomCategorySlug>;

/** Any category a request may name: built-in or a cluster's own. */
export const CategorySlug = z.union([BuiltInCategorySlug, CustomCategorySlug]);
export type CategorySlug = z.infer<typeof CategorySlug>;

/** A cluster's own category, with the label shown to users. */
export const CustomCategory = z.object({
  slug: CustomCategorySlug,
  label: z.string().trim().min(2).max(80),
  innovative: z.boolean().default(false),
});
export type CustomCategory = z.infer<typeof CustomCategory>;

/** A category as the portal and the subsidy policy see it. */
export interface Category {
  slug: CategorySlug;
  label: string;
  innovative: boolean;
  builtIn: boolean;
}

const BY_SLUG = new Map<string, BuiltIn>(BUILT_IN_CATEGORIES.map((c) => [c.slug, c]));

/**
 * Resolves a slug to its category, looking in the cluster's own categories for `custom:` slugs.
 * An unknown custom slug still resolves (a label made from the slug, not innovative), so an
 * old request stays readable after a cluster renames or drops its category.
 *
 * @example
 * categoryOf('testing').innovative // true
 * categoryOf('custom:food-hygiene', [{ slug: 'custom:food-hygiene', label: 'Food hygiene', innovative: true }]).label
 * // 'Food hygiene'
 */
export function categoryOf(slug: CategorySlug, custom: readonly CustomCategory[] = []): Category {
  const builtIn = BY_SLUG.get(slug);
  if (builtIn) return { ...builtIn, builtIn: true };
  const own = custom.find((c) => c.slug === slug);
  if (own) return { slug, label: own.label, innovative: own.innovative, builtIn: false };
  return { slug, label: labelFromSlug(slug), innovative: false, builtIn: false };
}

/**
 * The label to show for a category.
 *
 * @example
 * categoryLabel('market-access') // 'Market access and fairs'
 * categoryLabel('custom:food-hygiene') // 'Food hygiene' (made from the slug when the cluster has no label)
 */
export function categoryLabel(slug: CategorySlug, custom: readonly CustomCategory[] = []): string {
  return categoryOf(slug, custom).label;
}

function labelFromSlug(slug: string): string {
  const words = slug
    .replace(/^custom:/, '')
    .split('-')
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

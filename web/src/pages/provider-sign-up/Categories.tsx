import type { Category } from '../../api';
import { t } from '../../i18n';

interface Props {
  categories: readonly Category[];
  chosen: readonly string[];
  errors: readonly string[] | undefined;
  onChange(chosen: string[]): void;
  /** The group's name; a provider's services by default. */
  legend?: string;
}

/** The services a provider offers, as a group of checkboxes with one legend and one error. */
export function Categories({ categories, chosen, errors = [], onChange, legend = t('signUp.categories') }: Props) {
  const toggle = (slug: string, on: boolean) => onChange(on ? [...chosen, slug] : chosen.filter((s) => s !== slug));
  const invalid = errors.length > 0;
  return (
    <fieldset
      className={`fieldset${invalid ? ' field-invalid' : ''}`}
      aria-describedby={invalid ? 'categories-error' : undefined}
    >
      <legend>{legend}</legend>
      {invalid && (
        <p className="field-error" id="categories-error">
          {errors.join(' ')}
        </p>
      )}
      <ul className="checks">
        {categories.map((c, i) => (
          <li key={c.slug}>
            <input
              type="checkbox"
              id={i === 0 ? 'categories' : `category-${c.slug}`}
              name="categories"
              value={c.slug}
              checked={chosen.includes(c.slug)}
              onChange={(e) => toggle(c.slug, e.target.checked)}
            />
            <label htmlFor={i === 0 ? 'categories' : `category-${c.slug}`}>{c.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from './history';

type Props = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/**
 * A real link (it opens in a new tab, it can be copied) that navigates in place on a plain click.
 *
 * @example
 * <Link to={paths.cluster(c.id)}>{c.name}</Link>
 */
export function Link({ to, onClick, ...rest }: Props) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (
      e.defaultPrevented ||
      (rest.target && rest.target !== '_self') ||
      e.button !== 0 ||
      e.metaKey ||
      e.ctrlKey ||
      e.shiftKey ||
      e.altKey
    )
      return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}

import { Link } from '../../router';

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** A link in a mail: within the portal it navigates in place, elsewhere it is a plain link. */
function MailLink({ href }: { href: string }) {
  let target: URL | undefined;
  try {
    target = new URL(href);
  } catch {
    return <>{href}</>;
  }
  // The fragment stays: links with a secret carry it there (`#token=…`).
  if (target.origin === window.location.origin)
    return <Link to={`${target.pathname}${target.search}${target.hash}`}>{href}</Link>;
  return (
    <a href={href} rel="noreferrer">
      {href}
    </a>
  );
}

/**
 * A plain-text mail as it was written (line breaks kept), with every address in it clickable.
 *
 * @example
 * <MailText text={'Accept here:\nhttp://localhost:3000/invitations/abc'} />
 */
export function MailText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return <p className="mail-text">{parts.map((part, i) => (i % 2 === 1 ? <MailLink key={i} href={part} /> : part))}</p>;
}

import { describe, expect, it } from 'vitest';
import { apiReferencePage } from '../../../functions/api/reference-page';
import { docsContentSecurityPolicy } from '../../../functions/api/security/headers';
import { createHash } from 'node:crypto';

describe('the /docs content security policy', () => {
  it("allows the page's own inline script and style by hash, and nothing inline otherwise", () => {
    const csp = docsContentSecurityPolicy();
    const script = /<script type="module">([\s\S]*?)<\/script>/.exec(apiReferencePage())![1]!;
    const hash = createHash('sha256').update(script).digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('a changed script no longer matches the hash', () => {
    const csp = docsContentSecurityPolicy('<script type="module">alert(1)</script><style>x{}</style>');
    expect(csp).not.toContain(docsContentSecurityPolicy().split('; ')[1]!);
  });
});

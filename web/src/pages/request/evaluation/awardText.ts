import type { AwardPreview } from '../../../api';
import { formatAmount } from '../../../format';
import { t, tn } from '../../../i18n';

/**
 * The consequence of an award in one sentence, from the server's preview: "Award ₹52,800 to LICT:
 * SIDBI’s programme holds ₹26,400 in escrow; each of the 12 firms pays ₹2,200 to LICT."
 *
 * @example
 * awardConsequence(preview) // 'Award ₹60,002 to …: … holds ₹30,001 in escrow; each of the 2 firms pays …'
 */
export function awardConsequence(p: AwardPreview): string {
  const provider = p.providerName;
  const holds =
    p.contributions.length === 0
      ? t('award.confirmNoSubsidy')
      : p.contributions
          .map((c) =>
            t('award.confirmHold', {
              programme: c.funderName
                ? t('award.programmeOf', { funder: c.funderName, name: c.programmeName })
                : c.programmeName,
              amount: formatAmount(c.amount),
            }),
          )
          .join(t('award.confirmAnd'));
  const firms =
    p.privateShare.amount === 0
      ? t('award.confirmFirmsNothing')
      : p.even
        ? tn('award.confirmEach', p.volume, { amount: formatAmount(p.perFirm), provider })
        : tn('award.confirmAtMost', p.volume, {
            total: formatAmount(p.privateShare),
            amount: formatAmount(p.perFirm),
            provider,
          });
  return t('award.confirm', {
    total: formatAmount(p.total),
    provider,
    holds,
    firms,
  });
}

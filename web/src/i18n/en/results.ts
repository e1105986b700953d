/** The public Results page, a cluster's own results and a funder's graduation view. */
export const results = {
  'nav.results': 'Results',
  'results.title': 'Programme results',
  'results.lede':
    'What public money for business development services achieves in each cluster: the paper’s Table 1, kept current ' +
    'from every milestone accepted. No sign-in needed.',
  'results.signInLink': 'See the results of every cluster — no sign-in needed',
  'results.scope': 'Clusters of',
  'results.scopeNational': 'The whole country',
  'results.from': 'From (month)',
  'results.to': 'To (month)',
  'results.refresh': 'Refresh the figures',
  'results.refreshing': 'Refreshing…',
  'results.updated': 'Figures as of {time}; they refresh on their own every 15 seconds.',
  'results.csv': 'Download these figures (CSV)',
  'results.csvCluster': 'Download this cluster’s figures (CSV)',
  'results.period': '{from} to {to}',
  'results.summaryHeading': 'At a glance: {scope}',
  'results.tableHeading': 'Table 1: indicators by cluster',
  'results.tableCaption': 'Indicators for each cluster, {period}. Each figure links to what it counts.',
  'results.tableEmpty': 'No cluster has results in this period yet.',
  'results.indicator': 'Indicator',
  'results.none': 'none',
  'results.notYet': 'not yet',
  'results.chartTable': 'The figures of this chart as a table',

  'results.row.scale': 'Scale: firms served',
  'results.row.underServed': 'Of which under-served',
  'results.row.outreach': 'Outreach',
  'results.row.delivered': 'Value of services delivered',
  'results.row.costRecovery': 'Cost recovery by BDS suppliers',
  'results.row.leverage': 'Leverage of programme funds',
  'results.row.private': 'Private sector (firms)',
  'results.row.supportInstitutions': 'Support institutions',
  'results.row.programme': 'Programme',
  'results.row.strengthened': 'Services strengthened',
  'results.row.created': 'Services new to the cluster',

  'results.leverage': '₹{value} per ₹1 of programme money',
  'results.amountShare': '{amount} ({share})',

  'results.sourcesHeading': 'Who paid for the services',
  'results.sourcesCaption': 'Sources of support per cluster, as shares of the value delivered.',
  'results.sourcesEmpty': 'Nothing was delivered in this period, so there is nothing to split yet.',
  'results.sourcesAlt': '{cluster}: firms {private}, support institutions {institutions}, programme {programme}.',
  'results.trendHeading': 'Month by month',
  'results.trendCaption':
    'Cost recovery (the firms’ share of what was delivered) and the average subsidy share, by month.',
  'results.trendAlt':
    'From {first} to {last}, cost recovery went from {fromRecovery} to {toRecovery} and the average ' +
    'subsidy share from {fromSubsidy} to {toSubsidy}.',
  'results.trendEmpty': 'No month of this period has a delivery yet.',
  'results.month': 'Month',
  'results.costRecovery': 'Cost recovery',
  'results.subsidyShare': 'Average subsidy share',
  'results.providersHeading': 'Providers per service',
  'results.providersCaption':
    'How many providers delivered each kind of service, and how much of it the largest one delivered.',
  'results.providersEmpty': 'No service was delivered in this period.',
  'results.providers': 'Providers',
  'results.largestShare': 'Largest provider’s share',
  'results.service': 'Service',
  'results.providersLine.one': '{category}: {count} provider',
  'results.providersLine.other': '{category}: {count} providers',

  'results.defsHeading': 'What each figure counts',
  'results.def.scale':
    'Member firms recorded as attending at least one milestone that was accepted in the period; a firm ' +
    'counts once.',
  'results.def.underServed':
    'Of those firms, the micro firms and those with no mechanised production, as the cluster defines ' + 'them.',
  'results.def.outreach': 'Under-served firms as a share of the firms served.',
  'results.def.delivered':
    'The contract value of every milestone accepted in the period (a partial release counts its released ' + 'part).',
  'results.def.costRecovery': 'The share of the value delivered that the firms paid themselves.',
  'results.def.leverage': 'Value delivered for each rupee the programme paid.',
  'results.def.private': 'What member firms paid providers directly.',
  'results.def.supportInstitutions': 'Subsidy from development banks, state agencies and other institutions.',
  'results.def.programme': 'Subsidy from the programme’s own funds.',
  'results.def.strengthened': 'Services the cluster had already bought before the period and bought again in it.',
  'results.def.created': 'Services the cluster bought for the first time in the period.',

  'results.clusterHeading': 'Results of this cluster',
  'results.clusterLink': 'Compare with the other clusters',
  'results.funderHeading': 'What your programmes achieve',
  'results.funderLeverage': 'Leverage of programme funds across the country, {period}',
  'results.graduationHeading': 'Graduation: associations coming off subsidy',
  'results.graduationEmpty': 'No association has an award co-financed by your programmes in this period yet.',
  'results.graduationStep': '{association}, {category}: award no. {award}, {share} subsidy',
  'results.graduated': 'bought again with no subsidy',
} as const;

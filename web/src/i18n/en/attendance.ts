/** Firms confirm delivery (issue 12): the firm's own page, the association's list, and the release that follows. */
export const attendance = {
  'attend.title': 'Did you attend?',
  'attend.loading': 'Opening your confirmation…',
  'attend.intro':
    '{provider} reports that {firm} attended this service. ' +
    'Public money pays the provider only for the firms that confirm.',
  'attend.service': 'Service',
  'attend.provider': 'Provider',
  'attend.milestone': 'Part delivered',
  'attend.reported': 'Reported',
  'attend.until': 'Answer by',
  'attend.question': 'Did {firm} attend?',
  'attend.yes': 'Yes, we attended',
  'attend.no': 'No, we did not attend',
  'attend.confirm.yes':
    'You are confirming that {firm} attended. The provider is paid for your firm. You can answer only once.',
  'attend.confirm.no':
    'You are saying that {firm} did not attend. The provider is not paid for your firm and that money returns to ' +
    'the programme. You can answer only once.',
  'attend.send': 'Send my answer',
  'attend.sending': 'Sending…',
  'attend.back': 'Go back',
  'attend.thanks.yes': 'Thank you: {firm} confirmed it attended. The association sees your answer.',
  'attend.thanks.no': 'Thank you: {firm} said it did not attend. The association sees your answer.',
  'attend.invalid.title': 'This link no longer works',
  'attend.invalid.body':
    'It has been used, has expired or is not valid. If you still need to answer, ask your association.',

  'attendance.heading': 'Did the firms attend?',
  'attendance.summary': '{confirmed} confirmed, {denied} said they did not attend, {silent} not answered yet',
  'attendance.loading': 'Loading the firms’ answers…',
  'attendance.none': 'The provider listed no attending firms.',
  'attendance.status.confirmed': 'Confirmed',
  'attendance.status.onBehalf': 'Confirmed (entered on behalf)',
  'attendance.status.denied': 'Did not attend',
  'attendance.status.deniedOnBehalf': 'Did not attend (entered on behalf)',
  'attendance.status.silent': 'No answer yet',
  'attendance.byMail': 'asked by mail',
  'attendance.code': 'code {code}',
  'attendance.enter.open': 'Enter the answer of {firm}…',
  'attendance.enter.code': 'The firm’s code',
  'attendance.enter.codeHint': 'Six letters and digits, listed beside the firm. Ask the firm whether it attended.',
  'attendance.enter.codeRequired': 'Enter the firm’s code',
  'attendance.enter.answer': 'The firm’s answer',
  'attendance.enter.attended': 'It attended',
  'attendance.enter.absent': 'It did not attend',
  'attendance.enter.confirm.yes':
    'Record, on behalf of {firm}, that it attended? The provider is paid for it. This is marked as entered on ' +
    'behalf and cannot be changed.',
  'attendance.enter.confirm.no':
    'Record, on behalf of {firm}, that it did not attend? The provider is not paid for it. This is marked as ' +
    'entered on behalf and cannot be changed.',
  'attendance.enter.yes': 'Yes, record it',
  'attendance.enter.saving': 'Recording…',

  'accept.confirmProportional':
    'Accept the delivery of “{name}”? {released} will be released for {confirmed} of {listed} listed firms that ' +
    'confirmed; {returned} returns to the programmes. This cannot be undone.',
  'acceptFull.open': 'Release “{name}” in full…',
  'acceptFull.reason': 'Why release in full',
  'acceptFull.reasonHint':
    'Some firms have not confirmed. Say why the provider should be paid for them too (kept in the record). At least ' +
    '{min} characters.',
  'acceptFull.reasonRequired': 'Explain in at least {min} characters why you release in full',
  'acceptFull.confirm':
    'Release “{name}” in full? {released} goes to the provider for all {listed} listed firms, ' +
    'including {unconfirmed} ' +
    'that did not confirm. Your reason is kept in the record: {reason}',
  'acceptFull.yes': 'Yes, release in full',
  'acceptFull.saving': 'Releasing…',
  'money.basis.confirmed': 'Released for {paid} of {listed} firms that confirmed',
  'money.basis.not_denied': 'Accepted automatically: released for {paid} of {listed} firms (none that said no)',
  'money.basis.full': 'Released in full: {reason}',
} as const;

/** The member-firm register, CSV import, pledges, co-sponsoring and cancelling. */
export const market = {
  'size.micro': 'Micro',
  'size.small': 'Small',
  'size.medium': 'Medium',
  'firms.title': 'Member firms',
  'firms.intro':
    'The register of {association}: the firms you pledge to requests. ' +
    'Size class and under-served status follow from what you enter.',
  'firms.repsOnly': 'Only an association’s own representative keeps its register.',
  'firms.registerHeading': 'The register',
  'firms.empty': 'No member firms yet. Add them one by one, or import your register.',
  'firms.search': 'Search the register by name',
  'firms.count.one': '{count} firm in the register',
  'firms.count.other': '{count} firms in the register',
  'firms.countMatching': '{shown} of {total} firms match “{q}”',
  'firms.noneMatching': 'No firm’s name matches “{q}”.',
  'firms.duplicate':
    'The register already has a firm named {firm}. Add this one only if it is another firm of the same name: ' +
    'each firm should be in the register once, or its pledges and subsidy are counted twice.',
  'firms.addAnyway': 'Add it anyway',
  'firms.employees': '{count} employees',
  'firms.line': '{employees} employees · {size}',
  'firms.mechanised': 'Mechanised',
  'firms.notMechanised': 'Not mechanised',
  'firms.womenLed': 'Women-led',
  'firms.underServed': 'Under-served',
  'firms.addHeading': 'Add a firm',
  'firms.name': 'Firm name',
  'firms.employeesLabel': 'Employees',
  'firms.employeesInvalid': 'Enter the number of employees, 1 or more',
  'firms.sectorDetail': 'What it makes',
  'firms.email': 'Email (optional)',
  'firms.emailHint':
    'The firm confirms each delivery it attends by a link mailed here; without one, you answer for it.',
  'firms.optional': 'Optional.',
  'firms.mechanisedLabel': 'Mechanised production',
  'firms.womenLedLabel': 'Led by a woman',
  'firms.add': 'Add the firm',
  'firms.adding': 'Adding…',
  'firms.added': '{firm} is in the register.',

  'import.heading': 'Import a register (CSV)',
  'import.intro':
    'One firm per line, with a header row: name, employees, mechanised, women_led, and ' +
    'optionally sector_detail. Yes/no, true/false or 1/0 all work. Every row goes in, or none.',
  'import.sample': 'For example:',
  'import.file': 'CSV file',
  'import.fileHint': 'Choosing a file puts its text in the box below, to check before importing.',
  'import.csv': 'Register as CSV text',
  'import.empty': 'Choose a file or paste the register',
  'import.submit': 'Import the register',
  'import.importing': 'Importing…',
  'import.failed': 'Nothing was imported: {count} problems to fix',
  'import.row': 'Line {line}: {message}',
  'import.rowColumn': 'Line {line}, column {column}: {message}',
  'import.done.one': '{count} firm imported.',
  'import.done.other': '{count} firms imported.',

  'pledges.heading': 'Your pledges',
  'pledges.intro':
    'Pledge the member firms that will take the service if the request ' +
    'goes ahead. Until the deadline you can add or withdraw them.',
  'pledges.closed': 'Bidding has closed: pledges can no longer change.',
  'pledges.count.one': '{count} of your firms pledged',
  'pledges.count.other': '{count} of your firms pledged',
  'pledges.withdraw': 'Withdraw {firm}',
  'pledges.noFirms': 'Your register is empty.',
  'pledges.addFirms': 'Add member firms',
  'pledges.allPledged': 'Every firm of your register is pledged.',
  'pledges.choose': 'Member firms to pledge',
  'pledges.chooseOne': 'Choose at least one firm',
  'pledges.submit.one': 'Pledge {count} firm',
  'pledges.submit.other': 'Pledge {count} firms',
  'pledges.submitNone': 'Pledge the chosen firms',
  'pledges.saving': 'Pledging…',

  'sealed.heading': 'Bids are sealed until the deadline',
  'sealed.body':
    'Nobody — not your association, not the admins — sees any bid before ' +
    '{deadline}. Then you close bidding, and the bids are ranked.',
  'close.heading': 'Bidding has closed',
  'close.body':
    'Close it to rank the bids: price at the pledged volume and quality, weighed as the ' +
    'request says. With too few pledges or no valid bid the request ends unsuccessful.',
  'close.submit': 'Close bidding and rank the bids',
  'close.saving': 'Ranking…',
  'join.heading': 'Join this request',
  'join.body': 'Your association can co-sponsor it, so your members can pledge too.',
  'join.submit': 'Join as co-sponsor',
  'join.saving': 'Joining…',
  'cancel.open': 'Cancel this request…',
  'cancel.heading': 'Cancel the request',
  'cancel.reason': 'Why is it cancelled?',
  'cancel.reasonRequired': 'Say why the request is cancelled',
  'cancel.confirm': 'The request will be cancelled for good, with the reason “{reason}”. Bids and pledges lapse.',
  'cancel.yes': 'Yes, cancel the request',
  'stepper.heading': 'Where this request stands',
  'stepper.stage.draft': 'Draft',
  'stepper.stage.open': 'Open for bids and pledges',
  'stepper.stage.evaluating': 'Ranking',
  'stepper.stage.awarded': 'Awarded',
  'stepper.stage.in_delivery': 'Delivering',
  'stepper.stage.completed': 'Completed',
  'stepper.stage.cancelled': 'Cancelled',
  'stepper.stage.unsuccessful': 'Unsuccessful',
  'stepper.state.done': '(done)',
  'stepper.state.current': '(now)',
  'stepper.state.upcoming': '(to come)',
  'stepper.next.publish': 'Next: the lead association publishes the request, so firms can pledge and providers bid.',
  'stepper.next.bid_and_pledge':
    'Next: member firms pledge and registered providers bid until the deadline; then the lead association ' +
    'closes bidding.',
  'stepper.next.award': 'Next: the lead association reviews the ranking and confirms the award.',
  'stepper.next.deliver':
    'Next: the provider delivers and reports each milestone; member firms pay their share to the provider.',
  'stepper.next.decide_milestones':
    'Next: the lead association accepts each reported milestone (releasing its escrow) or disputes it.',
  'stepper.ended.completed': 'Every milestone is decided: nothing more to do.',
  'stepper.ended.cancelled':
    'The request was cancelled: nothing more to do. Money still held went back to the programme.',
  'stepper.ended.unsuccessful': 'The request ended without an award: nothing more to do.',
} as const;

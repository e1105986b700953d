/** The outbox, invitations, provider sign-up (and its mailed link) and applications to clusters. */
export const identity = {
  'outbox.title': 'Outbox',
  'outbox.intro':
    'On this local stack mail is not sent: it lands here. Enter an address to read what was sent to it, newest first.',
  'outbox.formLabel': 'Read the mail of an address',
  'outbox.email': 'Email address',
  'outbox.emailRequired': 'Enter the email address whose mail you want to read',
  'outbox.open': 'Show mail',
  'outbox.count.one': '{count} mail to {email}',
  'outbox.count.other': '{count} mails to {email}',
  'outbox.empty': 'No mail has been sent to {email}.',
  'outbox.meta': 'To {to} ·',
  'outbox.unavailable': 'This stage has no outbox: mail goes out by email.',

  'invitation.title': 'Accept your invitation',
  'invitation.intro': 'You are invited to BDS Exchange as {role} of {organisation}.',
  'invitation.for': 'Invited',
  'invitation.email': 'Email',
  'invitation.role': 'Role',
  'invitation.organisation': 'Organisation',
  'invitation.expires': 'Link valid until',
  'invitation.signedInAs': 'You are signed in as {name}. Accepting signs you in with the new account instead.',
  'invitation.chooseHeading': 'Your name and password',
  'invitation.name': 'Your name',
  'invitation.accept': 'Accept and sign in',
  'invitation.accepting': 'Accepting…',
  'invitation.used.title': 'This invitation has already been used',
  'invitation.used.body': 'Each link works once. If you accepted it, sign in with the password you chose.',
  'invitation.expired.title': 'This invitation has expired',
  'invitation.expired.body': 'Links are valid for seven days. Ask whoever invited you to send a new one.',
  'invitation.invalid.title': 'This invitation link is not valid',
  'invitation.invalid.body': 'Check that the whole link was copied from the mail, or ask for a new invitation.',

  'signUp.title': 'Sign up as a service provider',
  'signUp.intro':
    'Training institutes, IT firms, designers, testing labs: sign up once, then apply to each ' +
    'cluster you want to serve. Its cluster admin approves you, and you see and bid on its requests.',
  'signUp.haveAccount': 'Already signed up?',
  'signUp.organisation': 'Your organisation',
  'signUp.name': 'Organisation name',
  'signUp.city': 'City',
  'signUp.categories': 'Services you offer',
  'signUp.categoriesRequired': 'Choose at least one service',
  'signUp.capacity': 'Engagements you can run at the same time',
  'signUp.capacityHint': 'Bids beyond this many overlapping engagements are left out of rankings.',
  'signUp.contact': 'You',
  'signUp.contactName': 'Your name',
  'signUp.email': 'Email',
  'signUp.password': 'Choose a password',
  'signUp.submit': 'Sign up',
  'signUp.submitting': 'Signing up…',
  'signUp.checkMail': 'Check your mail',
  'signUp.checkMailDetail':
    'We sent a message to {email}. Follow its link within 24 hours to finish signing up; ' +
    'the link works once. Nothing arrived? Check the spam folder, or sign up again.',
  'signUp.readOutbox': 'Read it in the outbox',

  'signUpConfirm.title': 'Finish signing up',
  'signUpConfirm.intro':
    'Your provider and its account are created when you finish; you are then signed in and can apply to clusters.',
  'signUpConfirm.finish': 'Finish signing up',
  'signUpConfirm.finishing': 'Finishing…',
  'signUpConfirm.again': 'Sign up again',
  'signUpConfirm.invalid.title': 'This sign-up link cannot be used',
  'signUpConfirm.invalid.body':
    'It is not complete, has been used already or is older than 24 hours. ' +
    'If you finished signing up, sign in; otherwise sign up again for a new link.',
  'signUpConfirm.taken.title': 'This email already has an account',
  'signUpConfirm.taken.body': 'Someone finished signing up with this address first. Sign in with its password.',

  'apply.title': 'Clusters you can serve',
  'apply.intro':
    'Apply to the clusters you want to serve. Once a cluster admin ' +
    'approves you, its open requests appear under Open requests.',
  'apply.providersOnly': 'Only service providers apply to clusters.',
  'apply.approved': 'Approved',
  'apply.seeRequests': 'See open requests',
  'apply.pending': 'Applied',
  'apply.pendingNote': 'Waiting for the cluster admin.',
  'apply.apply': 'Apply to serve this cluster',
  'apply.applying': 'Applying…',
  'apply.closed': 'This cluster is not taking applications.',
} as const;

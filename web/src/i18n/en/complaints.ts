/** Procurement integrity (issue 13): a bidder's standing, its complaint, the cluster admin's decision. */
export const complaints = {
  'standing.heading': 'Your place in the ranking',
  'standing.ranked': 'Your bid is ranked {rank} of {bids}.',
  'standing.excluded': 'Your bid was left out of the ranking: {detail}.',
  'standing.scores': 'Your score is {score} points: price {price}, quality {quality}.',
  'standing.weights': 'The request weighs price at {price} % and quality at {quality} %.',
  'standing.winning': 'The recommended price is {price} a firm at {volume} firms: {total} in all.',
  'standing.bids': 'Bids received: {bids}.',
  'standing.running': 'Stand-still until {time}. Until then you may file a complaint against the ranking.',
  'standing.ended': 'The stand-still ended on {time}.',
  'complaint.mine': 'Your complaint, filed {time}: {status}.',
  'complaint.status.open': 'waiting for the cluster admin’s decision',
  'complaint.status.dismissed': 'dismissed',
  'complaint.status.upheld': 'upheld',
  'complaint.decisionReason': 'The cluster admin’s reason: {reason}',
  'complaint.open': 'File a complaint…',
  'complaint.heading': 'File a complaint against the ranking',
  'complaint.reason': 'What is wrong with the ranking?',
  'complaint.reasonHint': 'At least {min} characters. The cluster admin reads it and decides.',
  'complaint.reasonRequired': 'Explain the complaint in at least {min} characters',
  'complaint.evidence': 'Evidence (optional)',
  'complaint.evidenceHint': 'Facts the cluster admin can check: a page of your bid, a document, a date.',
  'complaint.confirm':
    'File this complaint? The award of this request is blocked until the cluster admin decides it. ' +
    'You can file only one complaint on this request.',
  'complaint.yes': 'Yes, file the complaint',
  'complaint.saving': 'Filing…',
  'complaint.filed': 'Your complaint is filed. The award waits until the cluster admin decides it.',
  'complaints.heading': 'Complaints',
  'complaints.blocked': 'Award blocked: a complaint is open.',
  'complaints.blockedBody':
    'The cluster admin decides it. The request can be awarded once no complaint is open and the stand-still is over.',
  'complaints.item': 'From {provider}, filed {time}: {status}.',
  'complaints.reason': 'Complaint: {reason}',
  'complaints.evidence': 'Evidence: {evidence}',
  'complaints.decide': 'Decide this complaint…',
  'complaints.decideHeading': 'Decide the complaint from {provider}',
  'complaints.outcome': 'Decision',
  'complaints.outcome.dismissed': 'Dismiss: the ranking stands',
  'complaints.outcome.reevaluate': 'Uphold: evaluate the bids again',
  'complaints.outcome.cancel': 'Uphold: cancel the request',
  'complaints.decisionReason': 'Your reason',
  'complaints.decisionReasonHint': 'At least {min} characters. Kept in the audit trail and told to the parties.',
  'complaints.restore': 'Bids to restore to the ranking (re-evaluation only)',
  'complaints.confirm.dismissed':
    'Dismiss the complaint? The ranking stands; the award may go ahead once no complaint is open and the ' +
    'stand-still is over. The bidder and the association are told your reason.',
  'complaints.confirm.reevaluate':
    'Uphold the complaint and evaluate the bids again? A new ranking replaces the published one, a new ' +
    'stand-still starts and every bidder is told its new rank.',
  'complaints.confirm.cancel':
    'Uphold the complaint and cancel the request? This cannot be undone: the request ends, any money held for ' +
    'it returns to its programmes, and every bidder is told your reason.',
  'complaints.yes': 'Yes, record the decision',
  'complaints.saving': 'Recording…',
  'home.complaintsHeading': 'Complaints to decide',
  'home.complaintsIntro': 'While a complaint is open, the award of its request is blocked.',
  'home.complaintsEmpty': 'No complaint is waiting for your decision.',
  'home.complaintLine': '{request}: from {provider}, filed {time}',
} as const;

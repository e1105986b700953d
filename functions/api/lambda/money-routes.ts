import type { AnyRoute } from '../route';
import { getBankDetails, putBankDetails } from '../routes/bank-details';
import {
  createPayout,
  exportPayoutCsv,
  getPayout,
  listPayables,
  listPayouts,
  markPayoutPaid,
  providerPayable,
  providerPayouts,
} from '../routes/payouts';
import {
  closeProgrammeRoute,
  createProgramme,
  depositToProgramme,
  getProgramme,
  listProgrammes,
  programmeAwards,
  programmeStatement,
} from '../routes/programmes';

/** Money: funders' programmes and deposits, payables and payouts, providers' bank details. */
export const moneyRoutes: readonly AnyRoute[] = [
  createProgramme,
  listProgrammes,
  getProgramme,
  depositToProgramme,
  closeProgrammeRoute,
  programmeStatement,
  programmeAwards,
  providerPayable,
  createPayout,
  listPayables,
  getBankDetails,
  putBankDetails,
  listPayouts,
  getPayout,
  exportPayoutCsv,
  markPayoutPaid,
  providerPayouts,
];

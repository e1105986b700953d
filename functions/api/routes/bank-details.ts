import * as z from 'zod';
import { BankDetails, maskBankDetails, notFound } from '@bds/core';
import { route } from '../route';
import { IdParam } from './common';
import { assertOwnProvider } from './payouts';

const ProviderParams = z.object({ providerId: IdParam });
const Masked = z.object({
  beneficiaryName: z.string(),
  ifsc: z.string(),
  accountEnding: z.string().describe('The last four digits of the account number; the rest is never sent'),
});
const BankView = z.object({ bankDetails: Masked.nullable().describe('null until the provider gives its details') });

export const getBankDetails = route({
  method: 'get',
  path: '/api/providers/:providerId/bank-details',
  operationId: 'getBankDetails',
  summary:
    "Where a provider's payouts go, masked (the account number's last four digits): the provider itself and " +
    'national admins only; anyone else learns nothing',
  tags: ['payouts'],
  access: ['provider', 'national_admin'],
  params: ProviderParams,
  responses: { 200: { description: 'The masked details, or null when none were given', schema: BankView } },
  handler: async ({ params, actor, deps }) => {
    assertOwnProvider(actor, params.providerId);
    const [provider, details] = await Promise.all([
      deps.stores.providers.get(params.providerId),
      deps.stores.bankDetails.get(params.providerId),
    ]);
    if (!provider) throw notFound('PROVIDER.NOT_FOUND', 'No such provider.');
    return { status: 200, body: { bankDetails: details ? maskBankDetails(details) : null } };
  },
});

export const putBankDetails = route({
  method: 'put',
  path: '/api/providers/:providerId/bank-details',
  operationId: 'putBankDetails',
  summary:
    'A provider gives (or changes) the account its payouts go to: beneficiary name, IFSC (4 letters, 0, 6 letters ' +
    'or digits), account number (9–18 digits); answered masked',
  tags: ['payouts'],
  access: ['provider'],
  params: ProviderParams,
  body: BankDetails,
  responses: { 200: { description: 'The details as saved, masked', schema: BankView } },
  handler: async ({ params, body, actor, deps, log }) => {
    assertOwnProvider(actor, params.providerId);
    await deps.stores.bankDetails.put(params.providerId, body, new Date(deps.clock.now()).toISOString(), actor.userId);
    // Never the number itself in a log line: only that it changed.
    log.info('bank details saved', { providerId: params.providerId });
    return { status: 200, body: { bankDetails: maskBankDetails(body) } };
  },
});

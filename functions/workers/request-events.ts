import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
// Lambda entry point of the request-events worker (placeholder until the worker lands).
export const handler = async (_event: SQSEvent): Promise<SQSBatchResponse> => ({ batchItemFailures: [] });

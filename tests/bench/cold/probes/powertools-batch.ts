// Probe (npm run bench:cold): what Powertools batch processing adds to a bundle, as an SQS handler would use it.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent } from 'aws-lambda';

const processor = new BatchProcessor(EventType.SQS);
export const handler = async (event: SQSEvent, context: Context) =>
  processPartialResponse(event, async () => undefined, processor, { context });

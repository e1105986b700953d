// Lambda entry point of the HTTP API (placeholder until the app lands; replaced in this issue).
export const handler = async (): Promise<{ statusCode: number; body: string }> => ({ statusCode: 503, body: 'starting' });

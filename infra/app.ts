import { App } from 'aws-cdk-lib';
import { addNagChecks } from './nag';
import { BdsExchangeStack, stackNameFor } from './stack';
import { readConfig } from './stage';

// The CDK app (cdk.json: `npx tsx infra/app.ts`). Stage from context: `-c stage=prod`.
const app = new App();
const config = readConfig(app);
new BdsExchangeStack(app, stackNameFor(config.stage), {
  config,
  // Unset without credentials: the stack then synthesizes environment-agnostic.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
// Every resource is checked against the AWS Solutions rules at synth, which fails on any
// unacknowledged finding; nag.ts holds the exceptions, each with its reason.
addNagChecks(app);
app.synth();

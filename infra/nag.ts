import { Stack, Validations, type App } from 'aws-cdk-lib';
import { CfnPolicy } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks, rules } from 'cdk-nag';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IConstruct } from 'constructs';
import type { Api } from './api';
import type { OutboxRelay } from './relay';
import type { DeployConfig } from './stage';
import type { Portal } from './web';
import { WORKERS, type Workers } from './workers';

/**
 * The parts of the stack whose findings are acknowledged. Named here, not taken from the stack's
 * class, because the stack calls this file: importing it back would be a cycle.
 */
export interface NagSubject extends IConstruct {
  readonly api: Api;
  readonly relay: OutboxRelay;
  readonly workers: Workers;
  readonly portal: Portal;
  readonly signingKeys: ISecret;
}

/**
 * The AWS Solutions pack, configured to copy each acknowledgment and its reason into the
 * template's metadata (an audit trail beside the resource it excuses).
 */
export const awsSolutionsChecks = (app: App): AwsSolutionsChecks =>
  new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true });

/**
 * Registers the AWS Solutions pack on the app. cdk-nag 3 is a CDK policy-validation
 * plugin (no longer an Aspect): synthesis fails on any finding not acknowledged below.
 *
 * @example
 * const app = new App();
 * addNagChecks(app);
 */
export function addNagChecks(app: App): AwsSolutionsChecks {
  const checks = awsSolutionsChecks(app);
  Validations.of(app).addPlugins(checks);
  return checks;
}

/** A wildcard we accept, recognized by its finding and, for `Resource::*`, by its actions. */
interface ExpectedWildcard {
  readonly finding: RegExp;
  /** Every action of the statements on `*` must match, or the finding stays. */
  readonly actions?: RegExp;
  readonly reason: string;
}

const RUNTIME_NODE_22 =
  'Node 22 is the runtime we build for (esbuild target node22, the SDK v3 it ships); it is supported by Lambda ' +
  'until its end of life in 2027, and moving to Node 24 is a tested upgrade of its own, not a side effect of a lint.';

const XRAY: ExpectedWildcard = {
  finding: /^Resource::\*$/,
  actions: /^xray:(PutTraceSegments|PutTelemetryRecords)$/,
  reason:
    'Active X-Ray tracing: PutTraceSegments and PutTelemetryRecords ' +
    'support no resource-level permissions, so IAM requires "*".',
};

const SCHEDULES: ExpectedWildcard = {
  // Partition and region are tokens (`<AWS::Region>`) or concrete, depending on the stack's env.
  finding: /^Resource::arn:.+:scheduler:.+:schedule\/[^/*]+\/\*$/,
  reason:
    'The worker creates, moves and deletes one-time schedules named per request at run time ' +
    '(deadline:<request>), so it needs every schedule of the one group it owns; no other group, and no other action.',
};

/** The CDK-provided copy handler behind BucketDeployment: its grants are CDK's, not ours. */
const BUCKET_DEPLOYMENT: readonly ExpectedWildcard[] = [
  {
    finding: /^Action::s3:(GetBucket|GetObject|List|Abort|DeleteObject)\*$/,
    reason:
      "Action groups from CDK's bucket grants to the BucketDeployment " +
      "handler, limited to the CDK asset bucket and the portal's site bucket.",
  },
  {
    finding: /^Resource::.*cdk-[a-z0-9]+-assets-.*\/\*$/,
    reason:
      "The handler reads the portal's zip from CDK's bootstrap asset bucket; " +
      'objects there are named by content hash, unknown before synth.',
  },
  {
    finding: /^Resource::<PortalSite[A-Za-z0-9]+\.Arn>\/\*$/,
    reason:
      'The handler writes the portal files and config.json: any object of the site bucket, and only of that bucket.',
  },
  {
    finding: /^Resource::\*$/,
    actions: /^cloudfront:(CreateInvalidation|GetInvalidation)$/,
    reason:
      'BucketDeployment grants CloudFront invalidation on "*" itself; ' +
      'it only invalidates the portal distribution passed to it.',
  },
];

/**
 * Acknowledges each AwsSolutions-IAM5 finding on the policies under `scope` that one of
 * `expected` accounts for. Anything else stays a finding and fails the synth, so a new
 * wildcard is never waved through by an old reason.
 */
function acknowledgeWildcards(scope: IConstruct, expected: readonly ExpectedWildcard[]): void {
  for (const policy of scope.node.findAll().filter((node): node is CfnPolicy => node instanceof CfnPolicy)) {
    const findings = rules.iam.IAMNoWildcardPermissions(policy);
    if (!Array.isArray(findings)) continue;
    for (const finding of findings) {
      const match = expected.find(
        (e) => e.finding.test(finding) && (!e.actions || actionsOnStar(policy).every((a) => e.actions?.test(a))),
      );
      if (match) Validations.of(policy).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason: match.reason });
    }
  }
}

/** The CloudFormation resource of an L2 construct: acknowledgments go no wider than it. */
function resourceOf(construct: IConstruct): IConstruct {
  const resource = construct.node.defaultChild;
  if (!resource) throw new Error(`${construct.node.path} has no CloudFormation resource to acknowledge findings on`);
  return resource;
}

/** The actions of the statements whose Resource is `*`. */
function actionsOnStar(policy: CfnPolicy): string[] {
  const document = Stack.of(policy).resolve(policy.policyDocument) as {
    Statement?: Array<{ Action?: string | string[]; Resource?: unknown }>;
  };
  return (document.Statement ?? [])
    .filter((s) => s.Resource === '*' || (Array.isArray(s.Resource) && s.Resource.includes('*')))
    .flatMap((s) => [s.Action ?? []].flat());
}

/**
 * The findings we accept, each on the narrowest construct and with its reason. Fixed
 * instead: function roles are scoped to their own log group (no AWS-managed policy), table
 * access names each index ARN (no `index/*`), buckets log and enforce TLS.
 */
export function suppressNagFindings(stack: NagSubject, config: DeployConfig): void {
  for (const fn of [...stack.api.functions, stack.relay.handler, ...stack.workers.functions]) {
    Validations.of(resourceOf(fn)).acknowledge({ id: 'AwsSolutions-L1', reason: RUNTIME_NODE_22 });
    acknowledgeWildcards(fn.role ?? fn, [XRAY]);
  }
  for (const spec of WORKERS.filter((w) => w.schedules)) {
    const fn = stack.workers.worker(spec.name);
    acknowledgeWildcards(fn.role ?? fn, [SCHEDULES]);
  }

  // CDK's singleton copy handler sits at the stack root, named by a fixed uuid.
  for (const handler of stack.node.children.filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'))) {
    Validations.of(resourceOf(handler)).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        "CDK's BucketDeployment handler runs on the Python runtime its " +
        'aws-cdk-lib release pins; it moves when aws-cdk-lib is upgraded.',
    });
  }
  acknowledgeWildcards(stack.portal, BUCKET_DEPLOYMENT);

  for (const route of stack.api.routes) {
    Validations.of(resourceOf(route)).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'The Hono app authenticates each protected route itself (ES256 bearer tokens verified with ' +
        'jose) and authorizes by tenant and role; sign-in and open-data routes must stay ' +
        'public, which one gateway authorizer on the catch-all route cannot express.',
    });
  }

  Validations.of(resourceOf(stack.signingKeys)).acknowledge({
    id: 'AwsSolutions-SMG4',
    reason:
      'The secret holds a JWT key set, rotated by the application: a new key is added beside the ' +
      'current one and old tokens keep verifying until they expire; a Secrets ' +
      'Manager rotation Lambda would replace the key and break every live session.',
  });

  const cdn = resourceOf(stack.portal.distribution);
  Validations.of(cdn).acknowledge({
    id: 'AwsSolutions-CFR1',
    reason:
      'No geo restriction: the portal is public static files for clusters across India and ' +
      'partners abroad (programme staff, donors); access is controlled by sign-in, not by country.',
  });
  if (!config.portalDomain) {
    Validations.of(cdn).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose ' +
        'TLS policy cannot be set; with -c portalDomain/portalCertificateArn the distribution enforces TLSv1.2_2021.',
    });
  }
  if (!config.portalWebAclArn) {
    Validations.of(cdn).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'The distribution serves static files only; the API behind it is throttled per stage. Pass ' +
        '-c portalWebAclArn=<CLOUDFRONT-scope web ACL> to attach AWS WAF where the threat model needs it.',
    });
  }
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, Stack } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { DeployConfig } from './stage';

export interface PortalProps {
  /** The built portal; its files are deployed only if it holds index.html. */
  readonly distDir: string;
  /** Custom domain with its us-east-1 ACM certificate; without it, the CloudFront domain. */
  readonly domain?: DeployConfig['portalDomain'];
  /** ARN of a CLOUDFRONT-scope WAF web ACL to attach. */
  readonly webAclArn?: string;
}

/**
 * The portal: a private S3 bucket served only through CloudFront (origin access control),
 * as a single-page app. `config.json` beside index.html tells the portal where the API is,
 * so one build serves every stage.
 *
 * @example
 * const portal = new Portal(this, 'Portal', { distDir: WEB_DIST });
 * portal.deploy({ apiUrl: api.url, stage });
 */
export class Portal extends Construct {
  readonly bucket: Bucket;
  readonly logBucket: Bucket;
  readonly distribution: Distribution;
  /** `https://` origin of the portal, for CORS and the stack output. */
  readonly url: string;
  /** Whether `distDir/index.html` existed at synth time. */
  readonly built: boolean;
  private readonly distDir: string;

  constructor(scope: Construct, id: string, props: PortalProps) {
    super(scope, id);
    this.distDir = props.distDir;
    this.built = existsSync(join(props.distDir, 'index.html'));

    this.logBucket = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // CloudFront standard logging still delivers with object ACLs.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    });
    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'site/',
    });

    const certificate =
      props.domain && Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn);
    this.distribution = new Distribution(this, 'Cdn', {
      comment: `BDS Exchange portal (${Stack.of(this).stackName})`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        // Content is only ever served over HTTPS; a typed http:// URL gets a redirect, not
        // an error, and HSTS keeps the browser on HTTPS afterwards.
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.securityHeaders(),
        compress: true,
      },
      // Client-side routes (/requests/req_…) are not objects: S3 answers 403 (no ListBucket)
      // or 404, and the app must load to route them.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
      domainNames: props.domain && [props.domain.name],
      certificate,
      // Only takes effect with a custom certificate (see nag.ts for the default one).
      minimumProtocolVersion: certificate && SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Price class 100 has no edge in India, where the users are.
      priceClass: PriceClass.PRICE_CLASS_200,
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cdn/',
    });
    this.url = `https://${props.domain?.name ?? this.distribution.distributionDomainName}`;
  }

  /**
   * Uploads the built portal (when there is one) and always `config.json`. Hashed files
   * under assets/ are cached for a year; index.html and config.json are revalidated on
   * every load so a deploy shows at once. Nothing is pruned: a browser still running the
   * previous index.html keeps finding its assets.
   */
  deploy(config: Record<string, unknown>): void {
    // Both deployments run on CDK's one copy handler; give it a role that writes only to its
    // own log group instead of the account-wide AWSLambdaBasicExecutionRole.
    const logGroup = new LogGroup(this, 'DeployLogs', { retention: RetentionDays.ONE_MONTH });
    const role = new Role(this, 'DeployRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies the portal and config.json into the site bucket',
    });
    logGroup.grantWrite(role);
    const handler = { role, logGroup };

    const assetsDir = join(this.distDir, 'assets');
    const assets =
      this.built && existsSync(assetsDir)
        ? new BucketDeployment(this, 'DeployAssets', {
            destinationBucket: this.bucket,
            destinationKeyPrefix: 'assets/',
            sources: [Source.asset(assetsDir)],
            cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
            prune: false,
            ...handler,
          })
        : undefined;
    const entry = new BucketDeployment(this, 'DeployEntry', {
      destinationBucket: this.bucket,
      sources: [
        // The build's own config.json is the local one ({ apiUrl: '' }): this stage's wins.
        ...(this.built ? [Source.asset(this.distDir, { exclude: ['assets', 'assets/**', 'config.json'] })] : []),
        Source.jsonData('config.json', config),
      ],
      cacheControl: [CacheControl.noCache()],
      prune: false,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      ...handler,
    });
    // New index.html only once the assets it names are in place.
    if (assets) entry.node.addDependency(assets);
  }

  private securityHeaders(): ResponseHeadersPolicy {
    const { region, urlSuffix } = Stack.of(this);
    // The API lives on another origin (execute-api); naming its id here would make the
    // distribution depend on the API, whose CORS already depends on the distribution.
    const csp = [
      "default-src 'self'",
      `connect-src 'self' https://*.execute-api.${region}.${urlSuffix}`,
      "img-src 'self' data:",
      "style-src 'self' 'unsafe-inline'",
      "font-src 'self' data:",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; ');
    return new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'BDS Exchange portal security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
    });
  }
}

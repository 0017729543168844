/**
 * Where the console is served from: one CloudFront distribution in front of a private S3 bucket (origin
 * access control, never public) and of the HTTP API, so that the console and the API share one origin
 * and the session cookie stays first-party and SameSite=Strict (CONTRACT "One origin").
 *
 * - default behaviour: the built console from S3, cached, SPA routes rewritten to /index.html by a
 *   CloudFront Function (spa-routing.function.ts);
 * - `/v1/*` and `/auth/*`: the HTTP API, never cached, with every viewer header but Host, every cookie
 *   and query string, every method;
 * - on every response: a strict CSP (scripts, styles, images and fetches from this origin only), HSTS
 *   for two years with preload, nosniff, no framing, strict-origin-when-cross-origin referrers;
 * - TLS 1.2+ to the API, HTTP/2 and 3, the cheapest price class (North America and Europe edges);
 *   access logs of the distribution and of the bucket go to a logs bucket kept 90 days.
 *
 * The console is uploaded by two BucketDeployments: the hashed assets first (`assets/*`, cached a year,
 * immutable), then everything else (index.html: `no-cache`, revalidated on every load), with a
 * distribution invalidation. Old assets are not pruned: a page loaded before a deploy still finds the
 * lazy chunks it asks for afterwards.
 */

import { DefaultStackSynthesizer, Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { consoleCsp } from '../console-headers.ts';
import { acknowledge, acknowledgeWildcardResource } from './nag.ts';
import { SPA_ROUTING_FUNCTION } from './spa-routing.function.ts';

export interface ConsoleHostingProps {
  /** The directory of the built console (index.html and `assets/`). */
  readonly consoleDir: string;
  /** The HTTP API's endpoint, `https://<id>.execute-api.<region>.amazonaws.com` (its `$default` stage). */
  readonly apiEndpoint: string;
  /** The sign-in domain's URL: forms may post there (the sign-in redirect). */
  readonly signInUrl: string;
  /** A custom domain for the console (`console.brand.example`); the distribution's own domain otherwise. */
  readonly domainName?: string;
  /** An ACM certificate (us-east-1) for `domainName`: the distribution then answers on that domain itself. */
  readonly certificateArn?: string;
}

/** How long the logs bucket keeps access logs. */
const LOG_RETENTION = Duration.days(90);

export class ConsoleHosting extends Construct {
  readonly bucket: s3.Bucket;
  readonly logs: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** The console's origin, `https://…` without a trailing slash: the custom domain when given. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: ConsoleHostingProps) {
    super(scope, id);
    if (props.certificateArn !== undefined && props.domainName === undefined)
      throw new Error('consoleCertificateArn needs consoleDomain: the certificate is for that domain');

    this.logs = new s3.Bucket(this, 'Logs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      // CloudFront's standard logs are delivered with an ACL grant (S3's own logs by bucket policy).
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: LOG_RETENTION }],
    });
    // cdk-nag's S1 knows a log target bucket: it needs no logs of its own.

    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 'console-bucket/',
      // Only build output lives here: every deploy uploads it again.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const spaRouting = new cloudfront.Function(this, 'SpaRouting', {
      comment: 'Client-side routes (no file extension) are served /index.html.',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(SPA_ROUTING_FUNCTION),
    });

    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'ecrm console: strict CSP, HSTS, nosniff, no framing, strict referrers.',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: consoleCsp([props.signInUrl]), override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
    });

    // The API's host: `https://<host>` split on '/' gives ['https:', '', '<host>'].
    const api = new origins.HttpOrigin(Fn.select(2, Fn.split('/', props.apiEndpoint)), {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
    });
    const toApi: cloudfront.BehaviorOptions = {
      origin: api,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: headers,
      compress: true,
    };

    const certificate =
      props.certificateArn === undefined
        ? undefined
        : acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn);
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'ecrm console and API, one origin',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [
          { function: spaRouting, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
        ],
        compress: true,
      },
      additionalBehaviors: { '/v1/*': toApi, '/auth/*': toApi },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: this.logs,
      logFilePrefix: 'cloudfront/',
      // TLS 1.2 at least for viewers needs a certificate of our own (the default one is fixed at TLSv1).
      ...(certificate && props.domainName
        ? {
            certificate,
            domainNames: [props.domainName],
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    acknowledge(
      this.distribution,
      'CFR1',
      'The console is for marketers wherever they travel; sign-in is protected by Cognito threat protection instead of geography.',
    );
    acknowledge(
      this.distribution,
      'CFR2',
      'No WAF web ACL by default ($5+/month): the API throttles its stage and checks every key and token itself; attach one with the web ACL id when needed.',
    );
    if (!certificate) {
      acknowledge(
        this.distribution,
        'CFR4',
        "Without a custom domain the distribution uses CloudFront's *.cloudfront.net certificate, which AWS keeps on TLSv1 minimum; set consoleDomain and consoleCertificateArn for TLSv1.2_2021.",
      );
    }

    this.url = `https://${props.domainName ?? this.distribution.distributionDomainName}`;

    // Hashed assets first, so that the index.html uploaded next never names a file not yet there.
    const source = s3deploy.Source.asset(props.consoleDir);
    const assets = new s3deploy.BucketDeployment(this, 'DeployAssets', {
      sources: [source],
      destinationBucket: this.bucket,
      exclude: ['*'],
      include: ['assets/*'],
      prune: false,
      cacheControl: [
        s3deploy.CacheControl.setPublic(),
        s3deploy.CacheControl.maxAge(Duration.days(365)),
        s3deploy.CacheControl.immutable(),
      ],
    });
    const pages = new s3deploy.BucketDeployment(this, 'DeployPages', {
      sources: [source],
      destinationBucket: this.bucket,
      exclude: ['assets/*'],
      prune: false,
      cacheControl: [s3deploy.CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    pages.node.addDependency(assets);
    acknowledgeDeploymentHandler(this, this.bucket);
  }
}

/**
 * The BucketDeployment's handler is one function per stack (a singleton at the stack's root): its
 * findings are acknowledged there, where they are raised.
 */
const acknowledgeDeploymentHandler = (scope: Construct, bucket: s3.IBucket): void => {
  const stack = Stack.of(scope);
  const handler = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!handler) throw new Error('the BucketDeployment handler was not found at the stack root');
  acknowledge(
    handler,
    'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    "The CDK BucketDeployment handler's managed basic execution role only lets it write its logs.",
  );
  for (const action of ['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'])
    acknowledge(
      handler,
      `IAM5[Action::${action}]`,
      "CDK's BucketDeployment grant (grantRead of the asset, grantReadWrite of the console bucket): object actions only.",
    );
  // The bootstrap bucket's name as cdk-nag flattens it (the qualifier is the stack synthesizer's).
  const qualifier = stack.synthesizer.bootstrapQualifier ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
  acknowledge(
    handler,
    `IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-<AWS::AccountId>-<AWS::Region>/*]`,
    'The BucketDeployment handler reads the console asset the CDK CLI uploaded to the bootstrap bucket.',
  );
  acknowledgeWildcardResource(
    handler,
    `${bucket.bucketArn}/*`,
    'The BucketDeployment handler writes the console build: any key of the console bucket.',
  );
  acknowledgeWildcardResource(
    handler,
    '*',
    'CloudFront CreateInvalidation/GetInvalidation take no resource but * in the BucketDeployment handler policy.',
  );
  acknowledge(
    handler,
    'L1',
    "The CDK BucketDeployment handler's runtime is chosen by aws-cdk-lib and moves with it.",
  );
};

/**
 * The public face of ecrm: one HTTP API (payload v2) whose routes are the catalogue's routes. Every route
 * goes straight to its function, which authenticates the API key itself (the shared HTTP handler): a
 * Lambda authorizer would answer bad keys with API Gateway's own `403 {"message":"Forbidden"}`, which an
 * HTTP API cannot reshape, and cost an invocation per uncached request. Browser-callable routes (`cors`)
 * shape the API's single CORS configuration; a throttled `$default` stage writes JSON access logs.
 */
import { Duration } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as integrations from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteSpec } from '../../lib/shared/http/route.ts';
import type { EcrmFunction } from './ecrm-function.construct.ts';
import { acknowledge } from './nag.ts';

export interface HttpRoute {
  readonly route: RouteSpec;
  readonly handler: EcrmFunction;
}

export interface HttpApiProps {
  /** The API's name in the console, e.g. `ecrm-dev`. */
  readonly name: string;
  readonly routes: readonly HttpRoute[];
  /** Steady-state requests per second and burst for the whole stage; protects the table and the bill. */
  readonly throttle?: { readonly rateLimit: number; readonly burstLimit: number };
}

const DEFAULT_THROTTLE = { rateLimit: 200, burstLimit: 400 };

/** Fields of each access-log line: enough to trace a request to its Lambda logs and see why it failed. */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationError: '$context.integrationErrorMessage',
};

export class HttpApi extends Construct {
  readonly api: apigw.HttpApi;
  /** Base URL of the `$default` stage, ending with a slash. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);

    this.api = new apigw.HttpApi(this, 'Api', {
      apiName: props.name,
      description: 'ecrm HTTP API: contacts, events, segments, campaigns, webhooks, tracking.',
      createDefaultStage: false,
      corsPreflight: corsFor(props.routes),
    });

    const stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? DEFAULT_THROTTLE,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(
          new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.ONE_MONTH }),
        ),
        format: apigateway.AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
    this.url = stage.url;

    const seen = new Set<string>();
    for (const { route, handler } of props.routes) {
      const routeKey = `${route.method} ${route.path}`;
      if (seen.has(routeKey)) throw new Error(`two catalogue functions declare the route ${routeKey}`);
      seen.add(routeKey);
      // In the handler's own scope, so that a route lives in the (nested) stack of its function.
      const httpRoute = new apigw.HttpRoute(handler, 'Route', {
        httpApi: this.api,
        routeKey: apigw.HttpRouteKey.with(route.path, apigw.HttpMethod[route.method]),
        integration: new integrations.HttpLambdaIntegration(`${handler.spec.name}Integration`, handler.fn),
      });
      acknowledge(
        httpRoute,
        'APIG4',
        route.scope === 'public'
          ? `${routeKey} is public by design (${route.summary}); the handler authenticates what it must.`
          : `${routeKey} needs an API key with the ${route.scope} scope, checked by its function (401/403 in the product's error format).`,
      );
    }
  }
}

/** One CORS configuration for the API, covering the methods of the browser-callable routes; none if there are none. */
const corsFor = (routes: readonly HttpRoute[]): apigw.CorsPreflightOptions | undefined => {
  const methods = new Set(routes.filter(({ route }) => route.cors).map(({ route }) => route.method));
  if (methods.size === 0) return undefined;
  return {
    allowOrigins: ['*'],
    allowHeaders: ['authorization', 'content-type'],
    // A browser script must be able to read when to retry after a 429.
    exposeHeaders: ['retry-after'],
    allowMethods: [...methods].map((m) => apigw.CorsHttpMethod[m]),
    maxAge: Duration.days(1),
  };
};

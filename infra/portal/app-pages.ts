import { Function as CloudFrontFunction, FunctionCode, FunctionRuntime } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';

/**
 * The viewer-request code of the portal's default behaviour: a path whose last segment has no
 * extension is one of the app's pages (`/requests/2026-0042?link=…`), answered with the app's
 * `/index.html` (the query stays with the browser's URL, where the app reads it). Files keep
 * their paths: `/config.json`, `/index.html`, and `/assets/*` (its own behaviour, no function).
 * CloudFront Functions run ES 5.1-style JavaScript (runtime 2.0): no arrow functions needed.
 */
export const appPagesCode = `function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

export const addAppPages = (scope: Construct): CloudFrontFunction =>
  new CloudFrontFunction(scope, 'AppPages', {
    comment: 'Answers the portal app pages (paths without an extension) with /index.html',
    code: FunctionCode.fromInline(appPagesCode),
    runtime: FunctionRuntime.JS_2_0,
  });

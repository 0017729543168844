/**
 * cdk-nag v3 acknowledges findings by exact id, and IAM5 ids embed the flattened resource ARN. This helper
 * builds that id the way cdk-nag itself does (its own flattener), so a wildcard is acknowledged in one
 * line next to the grant that needs it, and a wildcard nobody acknowledged still fails the checks.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/**
 * Acknowledge AwsSolutions-IAM5 for one wildcard resource on `scope` and its children. The resource must
 * only contain tokens of `scope`'s own stack (pseudo parameters, its own resources): references from other
 * stacks are rewritten into imports after this call and would no longer match.
 */
export const acknowledgeWildcardResource = (scope: IConstruct, resource: string, reason: string): void => {
  const flat = flattenCfnReference(Stack.of(scope).resolve(resource));
  Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Resource::${flat}]`, reason });
};

/** Acknowledge one cdk-nag rule (or one exact finding of it) on `scope` and its children, with its reason. */
export const acknowledge = (scope: IConstruct, id: string, reason: string): void => {
  Validations.of(scope).acknowledge({ id: `AwsSolutions-${id}`, reason });
};

import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { TABLE } from '@bds/core';

const string = (name: string) => ({ name, type: AttributeType.STRING });

/**
 * What the adapters do to items: key lookups, queries and (transactional) writes.
 * Transactions need no actions of their own: they are authorized per item action.
 * No Scan (every access pattern is a GetItem or Query) and no stream reads.
 */
const ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];

/**
 * The one DynamoDB table (single-table design), built from core's `TABLE` so the key names
 * and indexes cannot drift from what the adapters and DynamoDB Local use.
 *
 * `TableV2` rather than `Table`: it is the construct CDK maintains going forward, and it
 * synthesizes as `AWS::DynamoDB::GlobalTable`, so a replica in a second region is one more
 * entry in `replicas` later; moving from `Table` to `TableV2` would replace the table.
 *
 * @example
 * const data = new DataTable(this, 'Data');
 * data.grantItemAccess(fn);
 */
export class DataTable extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new TableV2(this, 'Table', {
      partitionKey: string(TABLE.partitionKey),
      sortKey: string(TABLE.sortKey),
      globalSecondaryIndexes: TABLE.indexes.map((index) => ({
        indexName: index.name,
        partitionKey: string(index.partitionKey),
        sortKey: string(index.sortKey),
      })),
      timeToLiveAttribute: TABLE.ttlAttribute,
      // Traffic follows deadlines and cluster meetings, not a steady rate: pay per request.
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // The ledger lives here: neither a stack delete nor a stray console click may drop it.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // Kept for change-data consumers (indicators, open-data export) without a table change.
      dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES,
      encryption: TableEncryptionV2.awsManagedKey(),
    });
  }

  /**
   * Read and write items, and query the indexes named in core's `TABLE` by their exact
   * ARNs. Narrower than `grantReadWriteData`, which adds Scan, stream reads and an
   * `index/*` wildcard.
   */
  grantItemAccess(grantee: IGrantable): void {
    Grant.addToPrincipal({ grantee, actions: ITEM_ACTIONS, resourceArns: [this.table.tableArn] });
    Grant.addToPrincipal({
      grantee,
      actions: ['dynamodb:Query'],
      resourceArns: TABLE.indexes.map((index) => `${this.table.tableArn}/index/${index.name}`),
    });
  }
}

import { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct, type IConstruct } from 'constructs';

export interface AlarmTopicProps {
  /** An address to mail every alarm and recovery to (it must confirm the subscription once). */
  readonly email?: string;
}

/**
 * The operational alarm topic: every CloudWatch alarm of the stack notifies it when it fires
 * and when it recovers. Encrypted with a key of its own, because CloudWatch cannot publish to a
 * topic under the AWS-managed `alias/aws/sns` key (that key's policy admits no service
 * principal); TLS-only for publishers.
 *
 * @example
 * const alarms = new AlarmTopic(stack, 'Alarms', { email: 'ops@example.org' });
 * alarms.notifyFromEveryAlarmIn(stack);
 */
export class AlarmTopic extends Construct {
  readonly topic: Topic;
  readonly key: Key;

  constructor(scope: Construct, id: string, props: AlarmTopicProps = {}) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'Encrypts the operational alarm topic; CloudWatch alarms may use it to publish',
      enableKeyRotation: true,
    });
    this.key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', {
      displayName: 'BDS Exchange alarms',
      masterKey: this.key,
      enforceSSL: true,
    });
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
  }

  /**
   * Makes the topic the alarm and OK action of every alarm under `scope` at the time of the call
   * (the stack calls it last), so a new alarm cannot be left without one.
   */
  notifyFromEveryAlarmIn(scope: IConstruct): void {
    const action = new SnsAction(this.topic);
    for (const alarm of scope.node.findAll().filter((c): c is Alarm => c instanceof Alarm)) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
  }
}

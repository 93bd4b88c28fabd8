# Network Observability forwarder: S3 log bucket → SQS queue (+ dead-letter queue) → Lambda →
# Elasticsearch (logs-netobs.raw-<namespace>), with least-privilege IAM. The same resources as
# ../template.yaml; see docs/forwarder.md.

data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}

locals {
  bucket_arn  = "arn:${data.aws_partition.current.partition}:s3:::${var.log_bucket_name}"
  objects_arn = "${local.bucket_arn}/${var.log_prefix}*"
  lambda_zip  = coalesce(var.lambda_zip, "${path.module}/../../dist/netobs-forwarder.zip")
  # AWS: at least six times the function timeout, so a message is not redelivered while an
  # invocation (with its retries) still works on it.
  visibility_timeout = 6 * var.timeout
}

resource "aws_sqs_queue" "dlq" {
  name                      = "${var.name}-dlq"
  message_retention_seconds = 1209600 # 14 days: time to notice, fix and redrive
  sqs_managed_sse_enabled   = true
  tags                      = var.tags
}

resource "aws_sqs_queue" "queue" {
  name                       = var.name
  visibility_timeout_seconds = local.visibility_timeout
  message_retention_seconds  = 345600
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = var.max_receive_count
  })
  tags = var.tags
}

resource "aws_sqs_queue_policy" "queue" {
  queue_url = aws_sqs_queue.queue.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AllowLogBucketNotifications"
      Effect    = "Allow"
      Principal = { Service = "s3.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.queue.arn
      Condition = {
        ArnEquals    = { "aws:SourceArn" = local.bucket_arn }
        StringEquals = { "aws:SourceAccount" = data.aws_caller_identity.current.account_id }
      }
    }]
  })
}

resource "aws_s3_bucket" "logs" {
  count  = var.create_bucket ? 1 : 0
  bucket = var.log_bucket_name
  tags   = var.tags
}

resource "aws_s3_bucket_public_access_block" "logs" {
  count                   = var.create_bucket ? 1 : 0
  bucket                  = aws_s3_bucket.logs[0].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_policy" "logs" {
  count  = var.create_bucket ? 1 : 0
  bucket = aws_s3_bucket.logs[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "FlowLogsAclCheck"
        Effect    = "Allow"
        Principal = { Service = "delivery.logs.amazonaws.com" }
        Action    = "s3:GetBucketAcl"
        Resource  = local.bucket_arn
        Condition = { StringEquals = { "aws:SourceAccount" = data.aws_caller_identity.current.account_id } }
      },
      {
        Sid       = "FlowLogsWrite"
        Effect    = "Allow"
        Principal = { Service = "delivery.logs.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = local.objects_arn
        Condition = {
          StringEquals = {
            "s3:x-amz-acl"      = "bucket-owner-full-control"
            "aws:SourceAccount" = data.aws_caller_identity.current.account_id
          }
        }
      },
      {
        # Only keys of this account (ELB writes [<lb prefix>/]AWSLogs/<account-id>/
        # elasticloadbalancing/…): load balancers of other accounts cannot deliver here.
        Sid       = "ElbAccessLogsWrite"
        Effect    = "Allow"
        Principal = { Service = "logdelivery.elasticloadbalancing.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = "${local.bucket_arn}/*AWSLogs/${data.aws_caller_identity.current.account_id}/elasticloadbalancing/*"
      },
    ]
  })
}

# Unlike CloudFormation, Terraform can set the notification on a bucket it does not create; it
# then owns the bucket's whole notification configuration (see manage_bucket_notification).
resource "aws_s3_bucket_notification" "logs" {
  count  = var.manage_bucket_notification ? 1 : 0
  bucket = var.create_bucket ? aws_s3_bucket.logs[0].id : var.log_bucket_name
  queue {
    queue_arn     = aws_sqs_queue.queue.arn
    events        = ["s3:ObjectCreated:*"]
    filter_prefix = var.log_prefix
  }
  depends_on = [aws_sqs_queue_policy.queue]
}

resource "aws_cloudwatch_log_group" "function" {
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

resource "aws_iam_role" "function" {
  name = var.name
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  tags = var.tags
}

resource "aws_iam_role_policy" "function" {
  name = var.name
  role = aws_iam_role.function.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      [
        {
          Sid      = "ReadLogObjects"
          Effect   = "Allow"
          Action   = ["s3:GetObject", "s3:GetObjectVersion"]
          Resource = local.objects_arn
        },
        {
          Sid    = "ConsumeQueue"
          Effect = "Allow"
          Action = [
            "sqs:ReceiveMessage",
            "sqs:DeleteMessage",
            "sqs:GetQueueAttributes",
            "sqs:ChangeMessageVisibility",
          ]
          Resource = aws_sqs_queue.queue.arn
        },
        {
          Sid      = "WriteOwnLogs"
          Effect   = "Allow"
          Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
          Resource = "${aws_cloudwatch_log_group.function.arn}:*"
        },
      ],
      var.es_secret_arn == "" ? [] : [{
        Sid      = "ReadElasticsearchSecret"
        Effect   = "Allow"
        Action   = "secretsmanager:GetSecretValue"
        Resource = var.es_secret_arn
      }],
      var.kinesis_stream_arn == "" ? [] : [
        {
          Sid    = "ReadKinesisStream"
          Effect = "Allow"
          Action = [
            "kinesis:DescribeStream",
            "kinesis:DescribeStreamSummary",
            "kinesis:GetRecords",
            "kinesis:GetShardIterator",
            "kinesis:ListShards",
            "kinesis:SubscribeToShard",
          ]
          Resource = var.kinesis_stream_arn
        },
        {
          # Records Lambda gives up on (after retries) go to the dead-letter queue.
          Sid      = "KinesisFailuresToDeadLetterQueue"
          Effect   = "Allow"
          Action   = "sqs:SendMessage"
          Resource = aws_sqs_queue.dlq.arn
        },
      ],
      var.log_bucket_kms_key_arn == "" ? [] : [{
        Sid      = "DecryptLogObjects"
        Effect   = "Allow"
        Action   = "kms:Decrypt"
        Resource = var.log_bucket_kms_key_arn
      }],
    )
  })
}

resource "aws_lambda_function" "forwarder" {
  function_name    = var.name
  description      = "Ships raw log lines from S3 to Elasticsearch (logs-netobs.raw-*)"
  filename         = local.lambda_zip
  source_code_hash = filebase64sha256(local.lambda_zip)
  handler          = "index.handler"
  runtime          = "nodejs22.x"
  architectures    = ["arm64"]
  memory_size      = var.memory_size
  timeout          = var.timeout
  role             = aws_iam_role.function.arn
  environment {
    variables = merge(
      # Two glibc malloc arenas instead of one per thread: gzip and gunzip run on libuv's
      # threads, whose arenas otherwise hold about 20 MB more at peak (BENCHMARKS.md, issue 15).
      { NETOBS_NAMESPACE = var.namespace, MALLOC_ARENA_MAX = "2" },
      var.es_url == "" ? {} : { ES_URL = var.es_url },
      var.es_cloud_id == "" ? {} : { ES_CLOUD_ID = var.es_cloud_id },
      var.es_secret_arn == "" ? {} : { ES_SECRET_ARN = var.es_secret_arn },
    )
  }
  depends_on = [aws_cloudwatch_log_group.function, aws_iam_role_policy.function]
  tags       = var.tags
}

# Kinesis: records in order per shard; the handler reports the first record that did not
# complete and Lambda retries from it. A record that keeps failing is bisected out, retried a
# bounded number of times, then its metadata goes to the dead-letter queue.
resource "aws_lambda_event_source_mapping" "kinesis" {
  count                              = var.kinesis_stream_arn == "" ? 0 : 1
  event_source_arn                   = var.kinesis_stream_arn
  function_name                      = aws_lambda_function.forwarder.arn
  starting_position                  = var.kinesis_starting_position
  batch_size                         = var.kinesis_batch_size
  maximum_batching_window_in_seconds = 5
  function_response_types            = ["ReportBatchItemFailures"]
  bisect_batch_on_function_error     = true
  maximum_retry_attempts             = 10
  maximum_record_age_in_seconds      = 86400
  destination_config {
    on_failure {
      destination_arn = aws_sqs_queue.dlq.arn
    }
  }
}

resource "aws_lambda_event_source_mapping" "queue" {
  event_source_arn        = aws_sqs_queue.queue.arn
  function_name           = aws_lambda_function.forwarder.arn
  batch_size              = var.batch_size
  function_response_types = ["ReportBatchItemFailures"]
  scaling_config {
    maximum_concurrency = var.maximum_concurrency
  }
}

variable "name" {
  description = "Name prefix for the queue, function, role and log group."
  type        = string
  default     = "netobs-forwarder"
}

variable "log_bucket_name" {
  description = "Bucket the logs are delivered to (existing, or created when create_bucket = true)."
  type        = string
}

variable "create_bucket" {
  description = "Create the bucket (with a log-delivery policy for flow logs and ALB/NLB access logs)."
  type        = bool
  default     = false
}

variable "manage_bucket_notification" {
  description = <<-EOT
    Let this module own the bucket's S3 → SQS notification. aws_s3_bucket_notification replaces
    the bucket's whole notification configuration: set false when other notifications exist and
    add ours with `aws s3api put-bucket-notification-configuration` (see docs/forwarder.md).
  EOT
  type        = bool
  default     = true
}

variable "log_prefix" {
  description = "Key prefix the function may read and the notification filters on."
  type        = string
  default     = "AWSLogs/"
}

variable "lambda_zip" {
  description = "The package built by `npm run build`."
  type        = string
  default     = null
}

variable "es_url" {
  description = "Elasticsearch URL; or es_cloud_id; or url / cloud_id in the secret."
  type        = string
  default     = ""
}

variable "es_cloud_id" {
  description = "Elastic Cloud ID, instead of es_url."
  type        = string
  default     = ""
}

variable "es_secret_arn" {
  description = "Secrets Manager secret with JSON {\"api_key\"} or {\"username\",\"password\"} (and optionally url / cloud_id)."
  type        = string
  default     = ""
}

variable "namespace" {
  description = "Data stream namespace: logs-netobs.raw-<namespace>."
  type        = string
  default     = "default"
  validation {
    condition     = can(regex("^[a-z0-9_.]{1,64}$", var.namespace))
    error_message = "namespace must be 1-64 lowercase letters, digits, _ or ."
  }
}

variable "log_bucket_kms_key_arn" {
  description = "KMS key of the bucket when it uses SSE-KMS (kms:Decrypt on that key only)."
  type        = string
  default     = ""
}

variable "memory_size" {
  description = "MB. The forwarder streams; memory holds the bulk bodies in flight (2 x 5 MB) and buys CPU."
  type        = number
  default     = 512
}

variable "timeout" {
  description = "Seconds. Large objects take minutes; the handler stops 5 s early and reports the rest for redelivery."
  type        = number
  default     = 300
}

variable "batch_size" {
  description = "SQS messages (objects) per invocation."
  type        = number
  default     = 10
}

variable "max_receive_count" {
  description = "Receives before a message goes to the dead-letter queue."
  type        = number
  default     = 5
}

variable "maximum_concurrency" {
  description = "Most concurrent instances SQS may drive (2-1000)."
  type        = number
  default     = 10
}

variable "log_retention_days" {
  type    = number
  default = 30
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "kinesis_stream_arn" {
  description = "Optional Kinesis data stream to read too (CloudWatch Logs subscriptions or raw log text)."
  type        = string
  default     = ""
}

variable "kinesis_batch_size" {
  description = "Records per invocation from the Kinesis stream."
  type        = number
  default     = 100
}

variable "kinesis_starting_position" {
  description = "Where reading starts when the mapping is created: LATEST or TRIM_HORIZON."
  type        = string
  default     = "LATEST"
  validation {
    condition     = contains(["LATEST", "TRIM_HORIZON"], var.kinesis_starting_position)
    error_message = "kinesis_starting_position must be LATEST or TRIM_HORIZON."
  }
}

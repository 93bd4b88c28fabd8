output "queue_arn" {
  description = "Queue the bucket notification targets."
  value       = aws_sqs_queue.queue.arn
}

output "queue_url" {
  value = aws_sqs_queue.queue.id
}

output "dead_letter_queue_url" {
  description = "Messages that failed max_receive_count times; inspect, fix, then redrive."
  value       = aws_sqs_queue.dlq.id
}

output "function_name" {
  value = aws_lambda_function.forwarder.function_name
}

output "role_arn" {
  value = aws_iam_role.function.arn
}

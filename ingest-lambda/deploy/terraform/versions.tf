terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.30" # scaling_config on aws_lambda_event_source_mapping, nodejs22.x
    }
  }
}

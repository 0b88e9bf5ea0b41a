"""What operators see of a running Stent: request ids, request log lines, failed tasks."""

"""The health check of the back office, for load balancers and monitoring."""

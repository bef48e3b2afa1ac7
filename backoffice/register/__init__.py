"""Public registers: what customs administrations publish of the certificates they grant."""

"""The officer's worklist: the office's cases, filtered, sorted by the nearest deadline, paged."""

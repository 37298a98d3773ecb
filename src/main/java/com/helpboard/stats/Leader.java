package com.helpboard.stats;

/** A helper on a group's weekly leaderboard: place, name, helps confirmed this week. */
public record Leader(int rank, String username, long helps) {
}
